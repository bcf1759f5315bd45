import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { nodeVariant } from "./scripts/node-variants.js";

/**
 * Tests import the sources. As in the Node build, modules with a Node variant use it (the default
 * transport is undici); the fetch transport is exercised by passing `fetch` (msw intercepts the
 * global one).
 */
const source = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  plugins: [
    {
      name: "node-variants",
      enforce: "pre",
      resolveId(source, importer) {
        return importer?.includes("/src/") ? (nodeVariant(source, path.dirname(importer)) ?? null) : null;
      },
    },
  ],
  resolve: {
    // The examples import the package by name, as users do; here that name means the sources.
    alias: [
      { find: /^dub-partners$/, replacement: source("index.ts") },
      { find: /^dub-partners\/errors$/, replacement: source("errors.ts") },
      { find: /^dub-partners\/funcs$/, replacement: source("funcs/index.ts") },
      { find: /^dub-partners\/webhooks$/, replacement: source("webhooks/index.ts") },
      { find: /^dub-partners\/testing$/, replacement: source("testing/index.ts") },
      { find: /^dub-partners\/testing\/msw$/, replacement: source("testing/msw.ts") },
    ],
  },
  test: {
    include: ["tests/**/*.test.ts", "examples/**/*.test.ts"],
    // Type-level tests (`*.test-d.ts`): checked by tsc, reported as tests, never executed.
    typecheck: { enabled: true, include: ["tests/types/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "forks",
    globalSetup: ["./tests/setup/global-setup.ts"],
    restoreMocks: true,
  },
});
