import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createFakeDub, type RunningServer } from "../../src/testing/index.js";
import { fakeDubHandlers } from "../../src/testing/msw.js";

/**
 * Runs every `ts` and `js` block of MIGRATING.md, the official `dub` package's and ours, against
 * one fake Dub API: `dub` reaches it through msw at https://api.dub.co (it calls the global
 * fetch), `dub-partners` over HTTP at DUB_BASE_URL. Each block must print exactly its `// →`
 * lines, with the faults its `// when:` lines name staged first.
 */

const guide = readFileSync(new URL("../../MIGRATING.md", import.meta.url), "utf8");
const blocks = [...guide.matchAll(/^```(ts|js)([^\n]*)\n([\s\S]*?)^```/gm)]
  .filter((m) => !m[2]!.includes("norun"))
  .map((m, index) => ({ index, ext: m[1]!, code: m[3]!, sdk: m[3]!.includes('from "dub"') ? "dub" : "dub-partners" }));
const scratch = fileURLToPath(new URL("../../.scratch/migrating/", import.meta.url));

const fake = createFakeDub();
const msw = setupServer(...fakeDubHandlers(fake));
let server: RunningServer;
const savedEnv = { key: process.env.DUB_API_KEY, url: process.env.DUB_BASE_URL };

beforeAll(async () => {
  server = await fake.listen();
  msw.listen({ onUnhandledRequest: "bypass" });
  process.env.DUB_API_KEY = "dub_test_migrating";
  process.env.DUB_BASE_URL = server.url;
  mkdirSync(scratch, { recursive: true });
});
afterAll(async () => {
  msw.close();
  await server.close();
  rmSync(scratch, { recursive: true, force: true });
  if (savedEnv.key === undefined) delete process.env.DUB_API_KEY;
  else process.env.DUB_API_KEY = savedEnv.key;
  if (savedEnv.url === undefined) delete process.env.DUB_BASE_URL;
  else process.env.DUB_BASE_URL = savedEnv.url;
});
beforeEach(() => fake.reset());

/** `// when: POST /partners answers 503 once` → an injected 503 on that route. */
function stage(code: string): void {
  for (const [, method, path, status] of code.matchAll(/^\/\/ when: (\w+) (\S+) answers (\d{3}) once$/gm)) {
    fake.inject({ status: Number(status), body: "" }, { route: `${method} ${path}` });
  }
}

describe("MIGRATING.md", () => {
  it("has before and after blocks for both packages", () => {
    expect(blocks.filter((b) => b.sdk === "dub").length).toBeGreaterThanOrEqual(4);
    expect(blocks.filter((b) => b.sdk === "dub-partners").length).toBeGreaterThanOrEqual(5);
    expect(blocks.every((b) => b.code.includes("// →"))).toBe(true);
  });

  it.each(blocks)("block $index, $sdk, prints what its comments say", async ({ index, ext, code }) => {
    stage(code);
    const expected = [...code.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1]!.trim());
    const printed: string[] = [];
    const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" ")));
    const file = `${scratch}block-${index}.${ext}`;
    writeFileSync(file, code);
    try {
      await import(/* @vite-ignore */ file);
    } finally {
      log.mockRestore();
    }
    expect(printed).toEqual(expected);
    // The staged faults were met: the block ran against the server it describes.
    expect(fake.pendingFaults).toBe(0);
  });
});
