import http from "node:http";
import { expect, it } from "vitest";
import { serveHandler } from "../../src/testing/node-server.js";

it("delayed replies leave no listener behind on a keep-alive connection", async () => {
  const server = await serveHandler(() => ({ status: 200, body: { ok: true }, delayMs: 1 }));
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const warnings: string[] = [];
  const onWarning = (warning: Error) => warnings.push(warning.name);
  process.on("warning", onWarning);
  try {
    // Fifteen replies on one connection: a listener left per reply would pass Node's limit of 10.
    for (let i = 0; i < 15; i++) {
      await new Promise<void>((resolve) => http.get(`${server.url}/x`, { agent }, (res) => res.resume().on("end", resolve)));
    }
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings).not.toContain("MaxListenersExceededWarning");
  } finally {
    process.off("warning", onWarning);
    agent.destroy();
    await server.close();
  }
});
