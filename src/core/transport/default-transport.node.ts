import type { DefaultTransportSettings } from "./default-transport.js";
import type { Transport } from "./types.js";
import { createUndiciTransport } from "./undici-transport.js";

/** The Node build's default transport: undici, over a keep-alive pool, the caller's dispatcher or the environment's proxy. */
export function createDefaultTransport(settings: DefaultTransportSettings): Transport {
  return createUndiciTransport(settings);
}
