import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CliUsageError, cliUsage, parseCliArgs } from "../../src/testing/fake/cli-args.js";
import { declared, type OperationId } from "../helpers/declarations.js";
import { ROUTES } from "../../src/testing/fake/routes/index.js";

describe("parseCliArgs", () => {
  it("has the documented defaults", () => {
    expect(parseCliArgs([])).toEqual({ port: 4010, host: "127.0.0.1", rateLimit: false, token: undefined, cors: false, webhooks: [], help: false });
  });

  it("reads every option, as `--name value` or `--name=value`", () => {
    expect(parseCliArgs(["--port", "0", "--host=0.0.0.0", "--rate-limit", "60/60000", "--token=dub_local"])).toEqual({
      port: 0,
      host: "0.0.0.0",
      rateLimit: { limit: 60, windowMs: 60_000 },
      token: "dub_local",
      cors: false,
      webhooks: [],
      help: false,
    });
    const secret = "whsec_0123456789abcdef0123456789abcdef";
    expect(parseCliArgs(["--webhook", `http://127.0.0.1:3000/hook?x=1=${secret}`, `--webhook=https://a.example/dub=${secret}`]).webhooks).toEqual([
      { url: "http://127.0.0.1:3000/hook?x=1", secret },
      { url: "https://a.example/dub", secret },
    ]);
    expect(parseCliArgs(["-h"]).help).toBe(true);
    expect(parseCliArgs(["--cors"]).cors).toBe(true);
    expect(parseCliArgs(["--cors=http://localhost:5173,https://app.example"]).cors).toEqual({ origins: ["http://localhost:5173", "https://app.example"] });
  });

  it("lists, in --help, every route of the fake's route table, and a route added to it", () => {
    const help = cliUsage();
    const listed = help.split("\n").filter((line) => /^ {2}[A-Z]+ +\//.test(line)).map((line) => line.trim().replace(/ +/, " "));
    // Every route of the table (keyed by operationId), as the METHOD /path its operation is declared with.
    expect([...listed].sort()).toEqual(Object.keys(ROUTES).map((id) => declared(id as OperationId).label).sort());
    expect(listed.length).toBeGreaterThanOrEqual(11);
    expect(cliUsage(["GET /partners", "DELETE /partners/links/abc"])).toMatch(/^ {2}DELETE \/partners\/links\/abc$/m);
  });

  it("refuses what it cannot use", () => {
    for (const argv of [["--port", "http"], ["--port", "70000"], ["--rate-limit", "10"], ["--rate-limit", "10/0"], ["--token"], ["--verbose"], ["4010"], ["--cors=localhost"], ["--cors=http://a.example/path"], ["--webhook", "http://127.0.0.1/x"], ["--webhook", "http://127.0.0.1/x=whsec_short"], ["--webhook", "nowhere=whsec_0123456789abcdef0123456789abcdef"]]) {
      expect(() => parseCliArgs(argv), argv.join(" ")).toThrow(CliUsageError);
    }
  });
});

describe("the dub-partners-fake command, as built (npm test builds before testing)", () => {
  const script = fileURLToPath(new URL("../../dist/testing/cli.js", import.meta.url));

  function run(args: string[]) {
    const child = spawn(process.execPath, [script, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    return { child, exited, output: () => ({ stdout, stderr }) };
  }

  it("serves on the requested port, prints the URL and stops on SIGTERM", async () => {
    const proc = run(["--port", "0", "--token", "dub_cli", "--rate-limit", "5/60000"]);
    try {
      const url = await new Promise<string>((resolve, reject) => {
        proc.child.stdout.on("data", () => {
          const match = /listening on (http:\/\/\S+)/.exec(proc.output().stdout);
          if (match) resolve(match[1]!);
        });
        proc.exited.then(() => reject(new Error(`exited early: ${proc.output().stderr}`)));
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${url}/partners`, {
        method: "POST",
        headers: { authorization: "Bearer dub_cli", "content-type": "application/json" },
        body: JSON.stringify({ email: "kim@example.com" }),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get("x-ratelimit-limit")).toBe("5");
      await res.text();
    } finally {
      proc.child.kill("SIGTERM");
    }
    expect(await proc.exited).toBe(0);
  });

  it("prints the usage for --help and exits 2 on a bad option", async () => {
    const help = run(["--help"]);
    const bad = run(["--port", "x"]);
    expect(await Promise.all([help.exited, bad.exited])).toEqual([0, 2]);
    expect(help.output().stdout).toContain("Usage: dub-partners-fake");
    expect(help.output().stdout).toMatch(/^ {2}GET +\/partners\/analytics$/m);
    expect(help.output().stdout).toContain("--cors");
    expect(bad.output().stderr).toContain("--port must be an integer");
  });
});
