// TypeScript consumer with `moduleResolution: "node"` (node10). Every import below fails to
// compile ("Cannot find module or its corresponding type declarations") unless the package maps
// the subpath in `typesVersions`; the @ts-expect-error lines fail if a type degrades to `any`.
// Usage: node ts-node10/main.js <serverURL>
import * as sdk from "dub-partners";
import { Conflict, type DubOptions, type LinkSchema } from "dub-partners";
import * as errors from "dub-partners/errors";
import { ConnectionError, TransportUnavailableError } from "dub-partners/errors";
import { DubCore } from "dub-partners/funcs";
import { createFakeDub, type FakeDubOptions } from "dub-partners/testing";
import * as webhooks from "dub-partners/webhooks";
import { type WebhookEvent, verifyWebhook } from "dub-partners/webhooks";

const options: DubOptions = { token: "dub_x", proxy: "env", dangerouslyAllowBrowser: false };
const fakeOptions: FakeDubOptions = { seed: 1 };
// @ts-expect-error `timeoutMs` is a number
const badTimeout: DubOptions = { timeoutMs: "5s" };
// @ts-expect-error `proxy` is "env" or unset
const badProxy: DubOptions = { proxy: "system" };
// @ts-expect-error DubCore takes DubOptions
const badCore = () => new DubCore({ retryConfig: "never" });

function classify(error: unknown): string {
  if (error instanceof Conflict) return `taken ${error.statusCode}`;
  if (error instanceof TransportUnavailableError) return `no transport (sent: ${error.requestSent})`;
  if (error instanceof ConnectionError) return `network ${error.errorCode}`;
  return "other";
}
const link = (value: LinkSchema): string => value.shortLink;
const eventId = (event: WebhookEvent): string => event.id;
// @ts-expect-error the raw body is a string or bytes, not a parsed object
const badBody = () => verifyWebhook({ id: "evt_1" }, {});
void [options, fakeOptions, badTimeout, badProxy, badCore, classify, link, eventId, badBody, createFakeDub];

type Scenario = { runScenario(sdk: object, options: object): Promise<Record<string, unknown>> };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadScenario = require("./load-scenario.cjs") as () => Promise<Scenario>;

loadScenario()
  .then(({ runScenario }) => runScenario(sdk, { serverURL: process.argv[2] ?? "", format: "cjs (tsc node10)", resolved: require.resolve("dub-partners"), errors, webhooks }))
  .then((result) => console.log(JSON.stringify(result)));
