import { type RunningServer, serveHandler } from "../../../src/testing/node-server.js";
import { matchRoute } from "../../../src/testing/fake/router.js";
import type { FakeDub } from "../../../src/testing/index.js";
import { assertSpecResponse } from "./spec.js";

/**
 * Serves `fake` over HTTP while keeping every reply it gives, so a test can check afterwards
 * that each one matches the spec (a failing check inside the server would only show as a 500).
 */
export async function serveChecked(fake: FakeDub): Promise<{ server: RunningServer; checkAll: () => number }> {
  const seen: { method: string; path: string; status: number; body: unknown }[] = [];
  const server = await serveHandler(async (request) => {
    const reply = await fake.handler(request);
    const template = matchRoute(request.method, request.path)?.template;
    const [method, path] = (template ?? "POST /partners").split(" ") as [string, string];
    seen.push({ method, path, status: reply.status, body: reply.body });
    return reply;
  });
  return {
    server,
    checkAll() {
      for (const r of seen) {
        if (typeof r.body !== "object" || r.body instanceof Uint8Array) continue;
        // Unknown routes are checked against the documented error schema of the same status (that of POST /partners).
        assertSpecResponse(r.method, r.path, r.status, r.body);
      }
      const checked = seen.length;
      seen.length = 0;
      return checked;
    },
  };
}
