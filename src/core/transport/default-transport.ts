import { SDKValidationError } from "../errors/client-errors.js";
import type { DispatcherLike, ProxySetting } from "./dispatcher-like.js";
import { createFetchTransport } from "./fetch-transport.js";
import type { Transport } from "./types.js";

/** Settings a default transport may use. */
export interface DefaultTransportSettings {
  readonly connectTimeoutMs: number;
  /** `DubOptions.dispatcher`: the Node build sends through it; no other build can. */
  readonly dispatcher?: DispatcherLike | undefined;
  /** `DubOptions.proxy`. */
  readonly proxy?: ProxySetting | undefined;
  /** The client's debug logger, if any. */
  readonly logger?: { debug(message: string): void } | undefined;
}

/**
 * The transport used when no `fetch` is passed. This file is the edge/browser/Bun/Deno build's
 * choice: `fetch`. The Node build replaces it with `default-transport.node.ts` (undici), so
 * undici never enters an edge or browser bundle.
 *
 * An undici dispatcher cannot be used here, and ignoring it would send around the proxy it
 * stands for. `proxy: "env"` is left to the runtime: Bun's and Deno's `fetch` read
 * HTTP(S)_PROXY and NO_PROXY themselves, browsers use the system's proxy settings.
 */
export function createDefaultTransport(settings: DefaultTransportSettings): Transport {
  if (settings.dispatcher) {
    throw new SDKValidationError("client options", [
      {
        path: ["dispatcher"],
        code: "unsupported",
        // Bun: `fetch: (url, init) => fetch(url, { ...init, proxy })`; Deno: an HttpClient.
        message: "an undici dispatcher needs the Node build, and this runtime loaded the fetch build: pass a fetch that uses your proxy",
      },
    ]);
  }
  return createFetchTransport();
}
