import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Dub } from "../../src/index.js";
import { createFakeDub, type RunningServer } from "../../src/testing/index.js";
import { TOKEN } from "../helpers/transports.js";

let server: RunningServer;
let stderr: string[];

beforeEach(async () => {
  server = await createFakeDub().listen();
  stderr = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => void stderr.push(args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ")));
});
afterEach(async () => {
  await server.close();
  vi.unstubAllEnvs();
});

async function oneCall(options: ConstructorParameters<typeof Dub>[0] = {}) {
  const dub = new Dub({ serverURL: server.url, token: TOKEN, ...options });
  await dub.partners.create({ email: "kim@example.com" });
  await dub.close();
}

describe("DUB_LOG", () => {
  it("debug turns on the redacted debug log, on stderr, without a code change", async () => {
    vi.stubEnv("DUB_LOG", "debug");
    await oneCall();
    expect(stderr.some((line) => line.startsWith("dub-partners → POST /partners attempt 1"))).toBe(true);
    expect(stderr.some((line) => line.startsWith("dub-partners ← 201 POST /partners"))).toBe(true);
    expect(stderr.join("\n")).toContain("[REDACTED]");
    expect(stderr.join("\n")).not.toContain(TOKEN);
  });

  it("is read in any case", async () => {
    vi.stubEnv("DUB_LOG", " DEBUG ");
    await oneCall();
    expect(stderr.length).toBeGreaterThan(0);
  });

  it("loses to an explicit debugLogger", async () => {
    vi.stubEnv("DUB_LOG", "debug");
    const lines: string[] = [];
    await oneCall({ debugLogger: { debug: (message) => lines.push(message) } });
    expect(lines.some((line) => line.startsWith("dub-partners → POST /partners"))).toBe(true);
    expect(stderr).toEqual([]);
  });

  it.each(["off", "info", "warn", "error"])("%s leaves the log off", async (level) => {
    vi.stubEnv("DUB_LOG", level);
    await oneCall();
    expect(stderr).toEqual([]);
  });

  it("an unknown value leaves the log off, with one warning that says the accepted values", async () => {
    vi.stubEnv("DUB_LOG", "verbose");
    await oneCall();
    await oneCall();
    expect(stderr).toEqual(['dub-partners: DUB_LOG="verbose" is not one of debug, info, warn, error, off; the debug log stays off']);
  });

  it("unset, nothing is logged", async () => {
    vi.stubEnv("DUB_LOG", undefined);
    await oneCall();
    expect(stderr).toEqual([]);
  });
});
