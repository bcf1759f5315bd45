import { type RunningServer, serveHandler } from "../../../src/testing/node-server.js";
import { ROUTES, routeKey } from "../../../src/testing/fake/routes/index.js";
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
    const [method, path] = routeKey(request.method, request.path).split(" ") as [string, string];
    seen.push({ method, path, status: reply.status, body: reply.body });
    return reply;
  });
  return {
    server,
    checkAll() {
      for (const r of seen) {
        if (typeof r.body !== "object" || r.body instanceof Uint8Array) continue;
        const known = `${r.method} ${r.path}` in ROUTES;
        // Unknown routes are checked against any documented error schema of the same status.
        assertSpecResponse(known ? r.method : "POST", known ? r.path : "/partners", r.status, r.body);
      }
      const checked = seen.length;
      seen.length = 0;
      return checked;
    },
  };
}
