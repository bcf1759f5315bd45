import { describe, expect, it, vi } from "vitest";
import { Dub, SDKValidationError } from "../../src/index.js";

function spyClient() {
  const fetch = vi.fn<(url: string, init: RequestInit) => Promise<Response>>(async () => new Response("{}", { status: 201 }));
  return { dub: new Dub({ token: "dub_test", serverURL: "https://api.dub.test", fetch }), fetch };
}

async function issuesOf(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SDKValidationError);
  return (error as SDKValidationError).issues.map((i) => [i.path.join("."), i.message]);
}

describe("request validation: a clear typed error before any byte is sent", () => {
  it("lists every problem of a body with its path", async () => {
    const { dub, fetch } = spyClient();
    const issues = await issuesOf(
      dub.partners.create({
        email: "not-an-email",
        name: "n".repeat(101),
        description: "d".repeat(5001),
        country: "usa",
        linkProps: { externalId: "", testVariants: [{ url: "https://a.com", percentage: 95 }], tagIds: [1 as unknown as string] },
      }),
    );
    expect(issues).toEqual(
      expect.arrayContaining([
        ["email", "must be a valid email address"],
        ["name", "must have at most 100 characters"],
        ["description", "must have at most 5000 characters"],
        ["country", "must be a 2-letter ISO 3166-1 country code in upper case"],
        ["linkProps.externalId", "must have at least 1 characters"],
        ["linkProps.testVariants", "must have at least 2 items"],
        ["linkProps.testVariants.0.percentage", "must be <= 90"],
        ["linkProps.tagIds", "expected a string or an array of strings"],
      ]),
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it("requires partnerId or tenantId on link calls, and url on upsert, reporting both at once", async () => {
    const { dub, fetch } = spyClient();
    expect(await issuesOf(dub.partners.createLink({ key: "summer" }))).toEqual([["", "partnerId or tenantId is required"]]);
    const upsert = await issuesOf(dub.partners.upsertLink({} as never));
    expect(upsert).toEqual(expect.arrayContaining([["url", "is required (expected string)"], ["", "partnerId or tenantId is required"]]));
    expect(await issuesOf(dub.partners.createLink({ partnerId: "", tenantId: null }))).toEqual([["", "partnerId or tenantId is required"]]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("reports a rule across fields together with the field errors, once", async () => {
    const { dub, fetch } = spyClient();
    expect(await issuesOf(dub.partners.createLink({ key: 7 as unknown as string }))).toEqual([
      ["key", "expected string, received number"],
      ["", "partnerId or tenantId is required"],
    ]);
    const reject = await issuesOf(
      dub.partnerApplications.reject({ partnerId: "pn_1", rejectionNote: "n".repeat(501), flagForFraud: true, reapplicationTimeframe: "instant" }),
    );
    expect(reject).toEqual([
      ["rejectionNote", "must have at most 500 characters"],
      ["", 'flagForFraud needs a non-empty flagForFraudReason and cannot be combined with reapplicationTimeframe "instant"'],
    ]);
    expect(await issuesOf(dub.partners.deactivate({}))).toEqual([["", "partnerId or tenantId is required"]]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it("enforces the documented lengths exactly at their bounds", async () => {
    const { dub, fetch } = spyClient();
    await expect(dub.partners.createLink({ partnerId: "p", key: "k".repeat(191) })).rejects.toBeInstanceOf(SDKValidationError);
    await expect(dub.partners.createLink({ partnerId: "p", url: "u".repeat(32_001) })).rejects.toBeInstanceOf(SDKValidationError);
    await expect(dub.partners.createLink({ partnerId: "p", linkProps: { externalId: "e".repeat(256) } })).rejects.toBeInstanceOf(SDKValidationError);
    await expect(dub.partners.create({ email: `${"a".repeat(180)}@example.com` })).rejects.toBeInstanceOf(SDKValidationError);
    expect(fetch).not.toHaveBeenCalled();
    await dub.partners.createLink({ partnerId: "p", key: "k".repeat(190), url: "u".repeat(32_000), linkProps: { externalId: "e".repeat(255) } }).catch(() => {});
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("rejects unknown keys, so a typo is not silently dropped", async () => {
    const { dub, fetch } = spyClient();
    const issues = await issuesOf(dub.partners.createLink({ partnerID: "pn_1" } as never));
    expect(issues).toEqual(expect.arrayContaining([["", "unknown key: partnerID"]]));
    expect(fetch).not.toHaveBeenCalled();
  });

  it("rejects wrong types from untyped callers cleanly", async () => {
    const { dub, fetch } = spyClient();
    for (const bad of [null, undefined, 42, "kim@example.com", [], { email: 42 }, { email: null }]) {
      await expect(dub.partners.create(bad as never)).rejects.toBeInstanceOf(SDKValidationError);
    }
    // A body parsed from hostile JSON has its own "__proto__" key: refused as an unknown key,
    // and neither the validated copy nor Object.prototype picks up what it carried.
    const polluted = JSON.parse('{"email":"kim@example.com","__proto__":{"admin":true}}');
    expect(Object.keys(polluted)).toContain("__proto__");
    const error = await dub.partners.create(polluted).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).issues.map((i) => i.message).join(" ")).toContain("__proto__");
    expect(Object.prototype).not.toHaveProperty("admin");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("checks per-call options", async () => {
    const { dub, fetch } = spyClient();
    const issues = await issuesOf(
      dub.partners.create({ email: "kim@example.com" }, { timeoutMs: -1, retries: { strategy: "sometimes" } as never, signal: {} as never }),
    );
    expect(issues.map(([path]) => path).sort()).toEqual(["retries.strategy", "signal", "timeoutMs"]);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("client options", () => {
  it("throws at construction listing every invalid option", () => {
    let error: unknown;
    try {
      new Dub({ serverURL: "ftp://x", timeoutMs: 0, retryConfig: { strategy: "backoff", backoff: { exponent: -2 } }, fetch: 3 as never });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SDKValidationError);
    expect((error as SDKValidationError).issues.map((i) => i.path.join(".")).sort()).toEqual([
      "fetch",
      "retryConfig.backoff.exponent",
      "serverURL",
      "timeoutMs",
    ]);
  });

  it("a missing token fails the call before any network I/O, not at construction", async () => {
    const previous = process.env.DUB_API_KEY;
    delete process.env.DUB_API_KEY;
    try {
      const fetch = vi.fn();
      const dub = new Dub({ serverURL: "https://api.dub.test", fetch });
      const error = await dub.partners.create({ email: "kim@example.com" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SDKValidationError);
      expect((error as Error).message).toContain("DUB_API_KEY");
      expect(fetch).not.toHaveBeenCalled();
    } finally {
      if (previous !== undefined) process.env.DUB_API_KEY = previous;
    }
  });

  it("reads DUB_API_KEY and DUB_BASE_URL from the environment", async () => {
    const saved = { key: process.env.DUB_API_KEY, url: process.env.DUB_BASE_URL };
    process.env.DUB_API_KEY = "dub_from_env";
    process.env.DUB_BASE_URL = "https://proxy.example.com/dub/";
    try {
      const fetch = vi.fn(async (_url: string, _init: RequestInit) => new Response("{}", { status: 500 }));
      const dub = new Dub({ fetch, retryConfig: { strategy: "none" } });
      expect(dub.serverURL).toBe("https://proxy.example.com/dub");
      await dub.partners.create({ email: "kim@example.com" }).catch(() => {});
      expect(fetch.mock.calls[0]![0]).toBe("https://proxy.example.com/dub/partners");
      expect((fetch.mock.calls[0]![1].headers as Record<string, string>).authorization).toBe("Bearer dub_from_env");
    } finally {
      for (const [name, value] of [["DUB_API_KEY", saved.key], ["DUB_BASE_URL", saved.url]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it("defaults to https://api.dub.co", () => {
    const saved = process.env.DUB_BASE_URL;
    delete process.env.DUB_BASE_URL;
    try {
      expect(new Dub({ token: "dub_x" }).serverURL).toBe("https://api.dub.co");
    } finally {
      if (saved !== undefined) process.env.DUB_BASE_URL = saved;
    }
  });
});
