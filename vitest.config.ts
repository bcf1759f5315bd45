import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * Tests import the sources. As in the Node build, the default transport is undici; the fetch
 * transport is exercised by passing `fetch` (msw intercepts the global one).
 */
const nodeDefaultTransport = fileURLToPath(new URL("./src/core/transport/default-transport.node.ts", import.meta.url));
const source = (file: string) => fileURLToPath(new URL(`./src/${file}`, import.meta.url));

export default defineConfig({
  plugins: [
    {
      name: "node-default-transport",
      enforce: "pre",
      resolveId(source, importer) {
        if (importer?.includes("/src/") && source.endsWith("/default-transport.js")) return nodeDefaultTransport;
        return null;
      },
    },
  ],
  resolve: {
    // The examples import the package by name, as users do; here that name means the sources.
    alias: [
      { find: /^dub-partners$/, replacement: source("index.ts") },
      { find: /^dub-partners\/errors$/, replacement: source("errors.ts") },
      { find: /^dub-partners\/testing$/, replacement: source("testing/index.ts") },
      { find: /^dub-partners\/testing\/msw$/, replacement: source("testing/msw.ts") },
    ],
  },
  test: {
    include: ["tests/**/*.test.ts", "examples/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: "forks",
    restoreMocks: true,
  },
});
