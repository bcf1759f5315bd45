import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/** These tests read the built package (`npm test` builds before running them). */
const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
const require = createRequire(import.meta.url);

describe("the built package", () => {
  it("instanceof holds across the ESM and CJS copies, in both directions", async () => {
    const esm = await import(`${dist}index.js`);
    const cjs = require(`${dist}index.cjs`);
    const esmErrors = await import(`${dist}errors.js`);
    expect(esm.NotFound).not.toBe(cjs.NotFound);

    const fromCjs = new cjs.NotFound({ message: "m", statusCode: 404, code: "not_found", docUrl: undefined, body: "", headers: {}, rateLimit: undefined, request: "GET /x" });
    expect(fromCjs).toBeInstanceOf(esm.NotFound);
    expect(fromCjs).toBeInstanceOf(esm.DubError);
    expect(fromCjs).toBeInstanceOf(esmErrors.NotFound);
    expect(fromCjs).not.toBeInstanceOf(esm.Conflict);
    expect(fromCjs).not.toBeInstanceOf(esm.SDKValidationError);

    const fromEsm = new esm.ConnectionError("refused", "POST /x", { requestSent: false, errorCode: "ECONNREFUSED" });
    expect(fromEsm).toBeInstanceOf(cjs.ConnectionError);
    expect(fromEsm).toBeInstanceOf(cjs.HTTPClientError);
    expect(fromEsm).not.toBeInstanceOf(cjs.RequestTimeoutError);
    expect(fromEsm).not.toBeInstanceOf(cjs.DubError);
    expect(fromEsm.name).toBe("ConnectionError");
  });

  it("errors thrown by the CJS client are caught by ESM classes", async () => {
    const esm = await import(`${dist}index.js`);
    const cjs = require(`${dist}index.cjs`);
    const dub = new cjs.Dub({ token: "dub_x", serverURL: "https://api.dub.test", fetch: async () => new Response("{}") });
    const error = await dub.partners.createLink({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(esm.SDKValidationError);
  });

  it("a client from the root entry works with the functions of dub-partners/funcs, in ESM and in CJS, in both builds", async () => {
    const fetch = async () => new Response(JSON.stringify({ partnerId: "pn_1" }), { status: 200, headers: { "content-type": "application/json" } });
    for (const dir of [dist, `${dist}edge/`]) {
      const entries = [
        [await import(`${dir}index.js`), await import(`${dir}funcs.js`)],
        [require(`${dir}index.cjs`), require(`${dir}funcs.cjs`)],
      ];
      for (const [root, funcs] of entries) {
        const dub = new root.Dub({ token: "dub_x", serverURL: "https://api.dub.test", fetch });
        expect(await funcs.partnersDeactivate(dub, { partnerId: "pn_1" })).toEqual({ partnerId: "pn_1" });
        // The same classes behind both entries: one copy of the code per build and format.
        expect(funcs.DubCore).toBe(root.DubCore);
      }
    }
  });

  it("the edge build contains neither undici nor a Node built-in", () => {
    const edge = `${dist}edge/`;
    const files = (readdirSync(edge, { recursive: true }) as string[]).filter((file) => /\.c?js$/.test(file));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const code = readFileSync(edge + file, "utf8");
      expect(code, file).not.toMatch(/from ["']undici["']|require\(["']undici["']\)/);
      expect(code, file).not.toMatch(/from ["']node:|require\(["']node:|from ["'](fs|net|http|https|tls|util|stream|buffer)["']/);
    }
  });

  it("the standalone functions tree-shake: one function bundles smaller than the whole client", async () => {
    const gzipped = async (contents: string) => {
      const result = await build({
        stdin: { contents, resolveDir: dist, loader: "js" },
        bundle: true,
        minify: true,
        format: "esm",
        platform: "neutral",
        mainFields: ["module", "main"],
        conditions: ["worker", "browser"],
        write: false,
        logLevel: "silent",
      });
      return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
    };
    const one = await gzipped(`import { DubCore, partnersCreateLink } from "./edge/funcs.js"; export const f = (t) => partnersCreateLink(new DubCore({ token: t }), { partnerId: "p" });`);
    const all = await gzipped(`import { Dub } from "./edge/index.js"; export const f = (t) => new Dub({ token: t });`);
    expect(one).toBeLessThan(all - 500);
  });
});
