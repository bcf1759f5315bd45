import type { Cancellation } from "./cancellation.js";

/** One HTTP exchange as the pipeline asks for it. */
export interface TransportRequest {
  readonly method: string;
  /** Absolute URL. */
  readonly url: string;
  /** Header names in lower case. */
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  /** Fires on the caller's abort or the attempt's deadline; the transport stops at once. */
  readonly cancellation: Cancellation;
  /** Largest body to read, in bytes; past it the transport throws {@link BodyTooLargeError}. */
  readonly maxResponseBytes: number;
}

/** A complete response: the whole body has been read. */
export interface TransportResponse {
  readonly status: number;
  /** Header names in lower case; repeated headers joined with ", ". */
  readonly headers: Record<string, string>;
  readonly body: Uint8Array;
}

/** Moves bytes; knows nothing of Dub, retries or errors beyond the wire. */
export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Releases pooled connections. */
  close(): Promise<void>;
}

/** The response announced or sent more than `maxResponseBytes`; reading stopped there. */
export class BodyTooLargeError extends Error {
  constructor(
    readonly status: number,
    readonly headers: Record<string, string>,
    readonly limit: number,
  ) {
    super(`response body exceeds ${limit} bytes`);
  }
}

/**
 * The HTTP client refused the request before sending anything (an argument it does not accept:
 * a header, the URL). Not a network failure: a retry would be refused the same way.
 */
export class LocalRefusalError extends Error {
  constructor(readonly original: unknown) {
    super(original instanceof Error ? original.message : String(original), { cause: original });
  }
}

/** Throws {@link BodyTooLargeError} when `content-length` already announces too much. */
export function checkDeclaredLength(status: number, headers: Record<string, string>, limit: number): number | undefined {
  const declared = headers["content-length"] === undefined ? undefined : Number(headers["content-length"]);
  if (declared !== undefined && declared > limit) throw new BodyTooLargeError(status, headers, limit);
  return declared;
}

/** Concatenates chunks read from a stream, throwing once their total passes `limit`. */
export class BoundedCollector {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  constructor(
    private readonly status: number,
    private readonly headers: Record<string, string>,
    private readonly limit: number,
  ) {}

  add(chunk: Uint8Array): void {
    this.size += chunk.byteLength;
    if (this.size > this.limit) throw new BodyTooLargeError(this.status, this.headers, this.limit);
    this.chunks.push(chunk);
  }

  bytes(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0]!;
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return out;
  }
}
