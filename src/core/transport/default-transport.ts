import { createFetchTransport } from "./fetch-transport.js";
import type { Transport } from "./types.js";

/** Settings a default transport may use. */
export interface DefaultTransportSettings {
  readonly connectTimeoutMs: number;
}

/**
 * The transport used when no `fetch` is passed. This file is the edge/browser/Bun/Deno build's
 * choice: `fetch`. The Node build replaces it with `default-transport.node.ts` (undici), so
 * undici never enters an edge or browser bundle.
 */
export function createDefaultTransport(_settings: DefaultTransportSettings): Transport {
  return createFetchTransport();
}
