import type { Webhooks } from "../webhooks/webhooks.js";

/**
 * `dub.webhooks`: webhook verification on the client. The verifier is imported on first use, so
 * an application whose bundler splits dynamic imports (Vite, webpack, Next.js) keeps it out of
 * the chunk of a client that never verifies; the secret defaults to `DUB_WEBHOOK_SECRET`.
 */
export function lazyWebhooks(): Webhooks {
  let loaded: Promise<Webhooks> | undefined;
  const load = () => (loaded ??= import("../webhooks/webhooks.js").then(({ createWebhooks }) => createWebhooks()));
  return Object.freeze({
    verify: async (...args: Parameters<Webhooks["verify"]>) => (await load()).verify(...args),
    unwrap: async (...args: Parameters<Webhooks["unwrap"]>) => (await load()).unwrap(...args),
  });
}
