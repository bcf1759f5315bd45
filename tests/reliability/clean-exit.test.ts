import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

const child = fileURLToPath(new URL("./clean-exit-child.mjs", import.meta.url));

it("after every fault scenario the process exits on its own, with no unhandled rejection", async () => {
  const proc = spawn(process.execPath, [child], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  let doneAt = 0;
  proc.stdout.on("data", (d: Buffer) => {
    stdout += d;
    if (!doneAt && stdout.includes("DONE")) doneAt = performance.now();
  });
  proc.stderr.on("data", (d: Buffer) => (stderr += d));
  const killer = setTimeout(() => proc.kill("SIGKILL"), 30_000);
  const code = await new Promise<number | null>((resolve) => proc.on("exit", resolve));
  clearTimeout(killer);
  const exitedAfterDone = performance.now() - doneAt;

  expect(stderr).toBe("");
  expect(stdout).not.toContain("UNHANDLED");
  expect(code).toBe(0);
  // Nothing may keep the event loop alive once the scenarios are over (the child never calls process.exit).
  expect(doneAt).toBeGreaterThan(0);
  expect(exitedAfterDone).toBeLessThan(1_000);
  const outcomes = JSON.parse(stdout.split("\n")[0]!) as string[];
  expect(outcomes).toEqual(
    ["undici", "fetch"].flatMap((t) => [
      `${t}: timeout (slow headers): RequestTimeoutError`,
      `${t}: timeout (stalled body): RequestTimeoutError`,
      `${t}: abort during a request: RequestAbortedError`,
      `${t}: abort during backoff: RequestAbortedError`,
      `${t}: reset before response: ConnectionError`,
      `${t}: reset mid-body: ConnectionError`,
      `${t}: 503s until the budget is spent: SDKError`,
      `${t}: 429 past the budget: RateLimitExceeded`,
      `${t}: 500 after effect: InternalServerError`,
    ]).concat(["undici: refused: ConnectionError"]),
  );
});
