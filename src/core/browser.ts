/**
 * Whether this code runs in a browser: a page (`window` and `document`), or a browser Web Worker
 * (dedicated, shared or service: `self` is a `WorkerGlobalScope` with `importScripts`).
 *
 * Decided at run time, never through export conditions: bundlers and runtimes disagree about
 * which conditions they set (Cloudflare's and Vercel's bundlers set `browser` for their server
 * runtimes). A server runtime is never taken for a browser, even one that imitates browser
 * globals: Node (jsdom and happy-dom test environments set `window` and `document`), Deno (1.x
 * had a `window`), Bun, and Cloudflare Workers (whose `navigator.userAgent` says so).
 *
 * @param scope the global object to look at; tests pass stand-ins
 */
export function runsInBrowser(scope: object = globalThis): boolean {
  const g = scope as {
    process?: { versions?: { node?: unknown } };
    Deno?: { version?: unknown };
    Bun?: unknown;
    navigator?: { userAgent?: unknown };
    window?: unknown;
    document?: unknown;
    importScripts?: unknown;
    WorkerGlobalScope?: unknown;
  };
  const serverRuntime =
    typeof g.process?.versions?.node === "string" ||
    g.Deno !== undefined ||
    g.Bun !== undefined ||
    g.navigator?.userAgent === "Cloudflare-Workers";
  if (serverRuntime) return false;
  if (typeof g.window === "object" && g.window !== null && typeof g.document === "object" && g.document !== null) return true;
  return typeof g.importScripts === "function" && typeof g.WorkerGlobalScope === "function" && scope instanceof (g.WorkerGlobalScope as new () => object);
}

/** Why the client refuses to run in a browser by default, and what to do instead. */
export const BROWSER_REFUSAL =
  "in a browser the API key is readable by anyone who opens the page. Call Dub from your server; " +
  "for the page, create a referral embed token there (embedTokens.referrals, POST /tokens/embed/referrals). " +
  "Set dangerouslyAllowBrowser: true only if this key is not secret";
