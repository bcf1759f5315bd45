import { setupServer } from "msw/node";
import { afterEach, beforeEach } from "vitest";
import { Dub, type DubOptions } from "../../src/index.js";
import { type ServeOptions, serveHandler } from "../../src/testing/node-server.js";
import { toMswHandlers } from "../../src/testing/msw-handlers.js";
import type { RequestHandler } from "../../src/testing/types.js";
import { Script } from "./script.js";

export const TOKEN = "dub_live_9fQ2xTestTokenDoNotLeak";

/** Fast retries for tests: the same policy, on a millisecond scale. */
export const FAST_RETRIES = {
  strategy: "backoff",
  backoff: { initialInterval: 10, maxInterval: 40, exponent: 2, maxElapsedTime: 2_000 },
} as const;

export interface TransportHarness {
  /** The server's base URL. */
  readonly baseURL: string;
  /** A client pointed at the server; closed by `stop()`. */
  client(options?: DubOptions): Dub;
  stop(): Promise<void>;
}

export interface TransportCase {
  readonly name: string;
  /** Serves `handler`; `serve` options apply to the real-socket cases. */
  start(handler: RequestHandler, serve?: ServeOptions): Promise<TransportHarness>;
}

function tracking(make: (options: DubOptions) => Dub) {
  const clients: Dub[] = [];
  return {
    client: (options: DubOptions = {}) => {
      const dub = make(options);
      clients.push(dub);
      return dub;
    },
    closeAll: () => Promise.all(clients.map((c) => c.close())),
  };
}

/** A transport against a real node:http server on 127.0.0.1: undici (the Node default), or fetch when given. */
function overHttp(name: string, fetchImpl?: DubOptions["fetch"]): TransportCase {
  return {
    name,
    async start(handler, serve) {
      // The Node transport loads undici on its first call, inside that attempt's deadline; under a
      // loaded machine that can eat a short test deadline before any byte is sent.
      if (!fetchImpl) await import("undici/lib/dispatcher/pool.js");
      const server = await serveHandler(handler, serve);
      const t = tracking((options) => new Dub({ token: TOKEN, serverURL: server.url, retryConfig: FAST_RETRIES, fetch: fetchImpl, ...options }));
      return {
        baseURL: server.url,
        client: t.client,
        async stop() {
          await t.closeAll();
          await server.close();
        },
      };
    },
  };
}

export const undiciOverHttp = overHttp("undici → node:http");

/** Node's global fetch against the same real server. */
export const fetchOverHttp = overHttp("fetch → node:http", (url, init) => globalThis.fetch(url, init));

/** The fetch transport against msw. */
export const fetchOverMsw: TransportCase = {
  name: "fetch → msw",
  async start(handler) {
    const baseURL = "https://api.dub.test";
    const msw = setupServer(...toMswHandlers(handler, baseURL));
    msw.listen({ onUnhandledRequest: "error" });
    const t = tracking(
      (options) =>
        new Dub({ token: TOKEN, serverURL: baseURL, retryConfig: FAST_RETRIES, fetch: (url, init) => globalThis.fetch(url, init), ...options }),
    );
    return {
      baseURL,
      client: t.client,
      async stop() {
        await t.closeAll();
        msw.close();
      },
    };
  },
};

/** Both transports: behaviour suites run once over each. */
export const TRANSPORTS = [undiciOverHttp, fetchOverMsw];

/** Both transports over real sockets: the fault suite, where resets and stalls must be real. */
export const TRANSPORTS_OVER_SOCKETS = [undiciOverHttp, fetchOverHttp];

/**
 * A fresh scripted server over `transport` for every test of the enclosing describe block:
 * `ctx.script` queues replies and records requests, `ctx.harness.client()` builds clients.
 */
export function useScriptedServer(transport: TransportCase): { script: Script; harness: TransportHarness } {
  const ctx = {} as { script: Script; harness: TransportHarness };
  beforeEach(async () => {
    ctx.script = new Script();
    ctx.harness = await transport.start(ctx.script.handler);
  });
  afterEach(() => ctx.harness.stop());
  return ctx;
}
