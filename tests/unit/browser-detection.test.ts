import { describe, expect, it } from "vitest";
import { runsInBrowser } from "../../src/core/browser.js";

/** A stand-in for a browser Web Worker's global scope: `self instanceof WorkerGlobalScope`. */
function workerScope(extra: Record<string, unknown> = {}) {
  class WorkerGlobalScope {}
  class DedicatedWorkerGlobalScope extends WorkerGlobalScope {}
  const scope = new DedicatedWorkerGlobalScope() as Record<string, unknown>;
  Object.assign(scope, { WorkerGlobalScope, importScripts: () => {}, navigator: { userAgent: "Mozilla/5.0 Chrome/150" }, self: scope, ...extra });
  return scope;
}
const page = (extra: Record<string, unknown> = {}) => ({ window: {}, document: {}, navigator: { userAgent: "Mozilla/5.0 Chrome/150" }, ...extra });

describe("runsInBrowser", () => {
  it("is true in a page (window and document)", () => {
    expect(runsInBrowser(page())).toBe(true);
  });

  it("is true in a browser Web Worker (self is a WorkerGlobalScope with importScripts)", () => {
    expect(runsInBrowser(workerScope())).toBe(true);
  });

  it("is false for a worker-like scope without importScripts, or that is no WorkerGlobalScope", () => {
    expect(runsInBrowser(workerScope({ importScripts: undefined }))).toBe(false);
    class WorkerGlobalScope {}
    expect(runsInBrowser({ WorkerGlobalScope, importScripts: () => {} })).toBe(false);
  });

  it("is false on Node, also under jsdom or happy-dom (window and document beside process)", () => {
    expect(runsInBrowser(globalThis)).toBe(false);
    expect(runsInBrowser(page({ process: { versions: { node: "20.18.1" } } }))).toBe(false);
  });

  it("is false on Deno (Deno 1.x had a window), Bun, and Cloudflare Workers", () => {
    expect(runsInBrowser(page({ Deno: { version: { deno: "1.46.0" } } }))).toBe(false);
    expect(runsInBrowser({ Bun: { version: "1.4.5" }, self: {} })).toBe(false);
    expect(runsInBrowser(workerScope({ navigator: { userAgent: "Cloudflare-Workers" } }))).toBe(false);
  });

  it("is false on edge runtimes with self but no window, document or importScripts", () => {
    expect(runsInBrowser({ self: {}, EdgeRuntime: "edge-runtime", navigator: { userAgent: "Vercel Edge Runtime" } })).toBe(false);
    expect(runsInBrowser({})).toBe(false);
  });

  it("is false when window or document is null", () => {
    expect(runsInBrowser({ window: null, document: {} })).toBe(false);
    expect(runsInBrowser({ window: {}, document: null })).toBe(false);
  });
});
