// The built entry `dub-partners/webhooks` (`npm test` builds before running this): the same
// verification in every build and format, the error class recognized across copies, and no
// zod in what the entry loads.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { eventJson, hmac, SECRET } from "./helpers.js";

const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
const require = createRequire(import.meta.url);

/** Every file a built module loads, following its relative imports and requires. */
function moduleGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(file, "utf8");
  for (const [, spec] of code.matchAll(/(?:from\s*|import\s*|require\()\s*["']([^"']+)["']/g)) {
    if (spec!.startsWith(".")) moduleGraph(fileURLToPath(new URL(spec!, `file://${file}`)), seen);
    else seen.add(spec!);
  }
  return seen;
}

describe("the built dub-partners/webhooks", () => {
  const body = eventJson();
  const headers = { "dub-signature": hmac(body) };

  it("verifies in the Node and edge builds, ESM and CJS, and its errors are instances across copies", async () => {
    const copies = [
      await import(`${dist}webhooks.js`),
      require(`${dist}webhooks.cjs`),
      await import(`${dist}edge/webhooks.js`),
      require(`${dist}edge/webhooks.cjs`),
    ];
    const errorClasses = [(await import(`${dist}errors.js`)).WebhookVerificationError, require(`${dist}index.cjs`).WebhookVerificationError];
    for (const copy of copies) {
      expect(await copy.verifyWebhook(body, headers, SECRET)).toEqual(JSON.parse(body));
      const error = await copy.verifyWebhook(body, {}, SECRET).catch((e: unknown) => e);
      for (const other of [...copies.map((c) => c.WebhookVerificationError), ...errorClasses]) expect(error).toBeInstanceOf(other);
      expect(error).toMatchObject({ name: "WebhookVerificationError", code: "missing_signature" });
    }
  });

  it("loads no zod, no undici and no Node built-in, in either build", () => {
    for (const entry of ["webhooks.js", "webhooks.cjs", "edge/webhooks.js", "edge/webhooks.cjs"]) {
      const graph = [...moduleGraph(`${dist}${entry}`)];
      expect(graph.filter((file) => !file.startsWith(dist)), entry).toEqual([]);
      for (const file of graph) expect(readFileSync(file, "utf8"), file).not.toMatch(/\bzod\b|ZodError|undici/);
    }
  });
});
