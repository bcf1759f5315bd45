// CommonJS TypeScript consumer (module node16 in a "type": "commonjs" folder): tsc turns the
// imports into require() calls and resolves the types through the `require` condition (.d.cts).
// Usage: node cjs/main.js <serverURL>
import * as sdk from "dub-partners";
import { Conflict, Dub, type CreatePartnerLinkRequestBody, type LinkSchema, type RetryConfig } from "dub-partners";
import * as errors from "dub-partners/errors";
import * as webhooks from "dub-partners/webhooks";
import { signWebhook, type PartnerEnrolledEvent } from "dub-partners/webhooks";
import type { FakeDubOptions } from "dub-partners/testing";

const retry: RetryConfig = { strategy: "backoff", retryConnectionErrors: false };
const fakeOptions: FakeDubOptions = { domain: "acme.link" };
// @ts-expect-error `key` is a string
const badKey: CreatePartnerLinkRequestBody = { partnerId: "pn_1", key: 42 };

async function typedUse(dub: Dub): Promise<string | number> {
  try {
    const link: LinkSchema = await dub.partners.createLink({ partnerId: "pn_1", key: "summer" }, { retries: retry });
    return link.id;
  } catch (error) {
    if (error instanceof Conflict) return error.statusCode;
    if (error instanceof errors.DubError) return error.statusCode;
    throw error;
  }
}
const enrolled = (event: PartnerEnrolledEvent): string | null => event.data.tenantId;
// Never called: the type error is the check.
// @ts-expect-error signWebhook needs the secret
const unsigned = () => signWebhook("{}");
void [fakeOptions, badKey, typedUse, enrolled, unsigned];

async function main(): Promise<void> {
  // scenario.mjs is ESM: a dynamic import, which tsc keeps as import() in a CommonJS output.
  const { runScenario } = await import("../../scenario.mjs");
  const result = await runScenario(sdk, {
    serverURL: process.argv[2] ?? "",
    format: "cjs (tsc node16)",
    resolved: require.resolve("dub-partners"),
    errors,
    webhooks,
  });
  console.log(JSON.stringify(result));
}

void main();
