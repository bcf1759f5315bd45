/** The server's page size when the query names none. */
export const DEFAULT_PAGE_SIZE = 100;

/** One page of `items` (page numbers from 1). */
export function pageOf<T>(items: readonly T[], query: { page?: number; pageSize?: number }): T[] {
  const size = query.pageSize ?? DEFAULT_PAGE_SIZE;
  const start = ((query.page ?? 1) - 1) * size;
  return items.slice(start, start + size);
}
