/**
 * Fields (or values of fields) the fake judges itself rather than the vendored document's
 * compiled validators: those the official `dub` package already sends and the document does not
 * describe yet (its validators would drop an unknown field, or refuse an unknown enum value), and
 * those the validators cannot keep (their key removal empties a free-form object). The fake takes
 * them out of the request before the validators see it, checks them, and puts them back into the
 * route's input.
 */

/** Checks one field's value: its problems (none: `[]`), or `undefined` to leave the value to the document. */
export type BeyondSpecCheck = (value: unknown) => string[] | undefined;

/** The newer fields of one operation, by where they are: the JSON body or the query string. */
export interface BeyondSpec {
  readonly body?: Readonly<Record<string, BeyondSpecCheck>>;
  readonly query?: Readonly<Record<string, BeyondSpecCheck>>;
  /**
   * Judges the whole JSON body instead of the document's validator, returning its problems and
   * dropping the keys it does not know: for a body whose schema is a `oneOf`, which the compiled
   * validators misjudge (their key removal runs in every branch, so the matching branch sees
   * the body stripped of its own fields, and accepts them unchecked).
   */
  readonly wholeBody?: (body: unknown) => string[];
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Takes the fields `checks` claims out of `source` (a copy is returned, `source` is untouched):
 * `rest` is what the document validates, `taken` what goes back into the input, `problems` what
 * the checks found.
 */
export function takeNewerFields(
  source: unknown,
  checks: Readonly<Record<string, BeyondSpecCheck>> | undefined,
): { rest: unknown; taken: Record<string, unknown>; problems: string[] } {
  const taken: Record<string, unknown> = {};
  const problems: string[] = [];
  if (!checks || !isObject(source)) return { rest: source, taken, problems };
  const rest = { ...source };
  for (const name in checks) {
    if (!Object.hasOwn(rest, name)) continue;
    const found = checks[name]!(rest[name]);
    if (found === undefined) continue;
    taken[name] = rest[name];
    delete rest[name];
    problems.push(...found);
  }
  return { rest, taken, problems };
}

/** Problems of `value` as a JSON object of at most 10,000 characters (`metadata`), at `path`. */
export function metadataProblems(value: unknown, path: string): string[] {
  if (value === null || value === undefined) return [];
  if (!isObject(value)) return [`${path}: expected object or null`];
  return JSON.stringify(value).length > 10_000 ? [`${path}: Metadata must be less than 10,000 characters when stringified`] : [];
}
