import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** The README's main command runs this script against the built package (`npm test` builds first). */
const demo = fileURLToPath(new URL("../../examples/demo.mjs", import.meta.url));

describe("the demo (npm run demo)", () => {
  it("walks through every step against the embedded fake, with no key and no network", () => {
    const env = { ...process.env };
    delete env.DUB_API_KEY;
    delete env.DUB_BASE_URL;
    const run = spawnSync(process.execPath, [demo], { encoding: "utf8", env, timeout: 60_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toMatch(/partner id\s+pn_\w+/);
    expect(out).toMatch(/short link\s+https:\/\/acme\.link\/kim-pricing/);
    expect(out).toMatch(/same link back\s+true/);
    expect(out).toMatch(/caught\s+Conflict \(409 conflict\)/);
    expect(out).toMatch(/calls that succeeded\s+25 of 25/);
    expect(out).toMatch(/429s ridden out\s+[1-9]\d*/);
    expect(out).toMatch(/caught\s+InternalServerError \(500\), not retried/);
    expect(out).toMatch(/links created\s+1\n/);
    expect(out).toMatch(/same link: true/);
  });
});
