import type { CorsSetting } from "../cors.js";
import type { RateLimitOptions } from "./options.js";
import { servedRoutes } from "./router.js";
import { checkReceiver, type WebhookReceiver } from "./webhooks/dispatcher.js";

/** What `dub-partners-fake` was asked to do. */
export interface CliConfig {
  /** `--port`, default `4010`. `0` picks a free port. */
  readonly port: number;
  /** `--host`, default `"127.0.0.1"`. */
  readonly host: string;
  /** `--rate-limit N/windowMs`, default none (unlimited). */
  readonly rateLimit: RateLimitOptions | false;
  /** `--token`, default: any `dub_…` key is accepted. */
  readonly token: string | undefined;
  /** `--cors` (any origin) or `--cors=<origin>,...`, default `false` (no CORS header, as the real API). */
  readonly cors: CorsSetting;
  /** `--webhook <url>=<secret>`, repeatable: receivers of the fake's signed webhook events. Default: none. */
  readonly webhooks: readonly WebhookReceiver[];
  /** `--help` was given. */
  readonly help: boolean;
}

/** The usage text, with every route the fake serves. */
export function cliUsage(routes: readonly string[] = servedRoutes()): string {
  const width = Math.max(...routes.map((route) => route.indexOf(" ")));
  const listed = routes.map((route) => {
    const space = route.indexOf(" ");
    return `  ${route.slice(0, space).padEnd(width)} ${route.slice(space + 1)}`;
  });
  return `Usage: dub-partners-fake [options]

Serves an in-memory fake of the Dub Partners API until interrupted, on these routes:
${listed.join("\n")}

Options:
  --port <n>             port to listen on (default 4010; 0 for a free one)
  --host <address>       address to bind (default 127.0.0.1)
  --rate-limit <n/ms>    allow n requests per API key per window of ms milliseconds (default: unlimited)
  --token <key>          the only API key accepted (default: any key starting with dub_)
  --cors[=<origins>]     answer CORS preflights, for any origin or the comma-separated ones given
                         (default: no CORS header, as the real API, so a page cannot call it)
  --webhook <url>=<secret>
                         POST the fake's webhook events (partner.enrolled, sale.created, ...) to url,
                         signed with secret (whsec_ and 32 hex characters); repeatable
  -h, --help             print this text
`;
}

/** Thrown for arguments that cannot be used; the message says which. */
export class CliUsageError extends Error {}

function readPort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65_535) throw new CliUsageError(`--port must be an integer from 0 to 65535, got ${JSON.stringify(text)}`);
  return port;
}

function readRateLimit(text: string): RateLimitOptions {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  if (!match || Number(match[2]) <= 0) throw new CliUsageError(`--rate-limit must look like 60/60000 (requests/windowMs), got ${JSON.stringify(text)}`);
  return { limit: Number(match[1]), windowMs: Number(match[2]) };
}

function readOrigins(text: string): CorsSetting {
  const origins = text.split(",").map((o) => o.trim());
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      // reported below
    }
    if (!parsed || parsed.origin !== origin) throw new CliUsageError(`--cors takes origins such as http://localhost:5173, got ${JSON.stringify(origin)}`);
  }
  return { origins };
}

/** `<url>=<secret>`: the secret is after the last `=` (a URL's query may hold `=` too). */
function readWebhook(text: string): WebhookReceiver {
  const at = text.lastIndexOf("=");
  const receiver = { url: text.slice(0, at), secret: text.slice(at + 1) };
  try {
    return checkReceiver(receiver);
  } catch (error) {
    throw new CliUsageError(`--webhook takes <url>=<secret>: ${(error as Error).message}`);
  }
}

/** Parses the arguments after `node cli.js`; `--name value` and `--name=value` both work. */
export function parseCliArgs(argv: readonly string[]): CliConfig {
  let port = 4010;
  let host = "127.0.0.1";
  let rateLimit: RateLimitOptions | false = false;
  let token: string | undefined;
  let cors: CorsSetting = false;
  let help = false;
  const webhooks: WebhookReceiver[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name === "--cors") {
      cors = eq > 0 ? readOrigins(arg.slice(eq + 1)) : true;
      continue;
    }
    if (!["--port", "--host", "--rate-limit", "--token", "--webhook"].includes(name)) throw new CliUsageError(`unknown option ${JSON.stringify(arg)}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "") throw new CliUsageError(`${name} needs a value`);
    if (name === "--port") port = readPort(value);
    else if (name === "--host") host = value;
    else if (name === "--rate-limit") rateLimit = readRateLimit(value);
    else if (name === "--webhook") webhooks.push(readWebhook(value));
    else token = value;
  }
  return { port, host, rateLimit, token, cors, webhooks, help };
}
