import type { RateLimitOptions } from "./options.js";

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
  /** `--help` was given. */
  readonly help: boolean;
}

/** The usage text. */
export const CLI_USAGE = `Usage: dub-partners-fake [options]

Serves an in-memory fake of the Dub Partners API (POST /partners, POST /partners/links,
PUT /partners/links/upsert) until interrupted.

Options:
  --port <n>             port to listen on (default 4010; 0 for a free one)
  --host <address>       address to bind (default 127.0.0.1)
  --rate-limit <n/ms>    allow n requests per API key per window of ms milliseconds (default: unlimited)
  --token <key>          the only API key accepted (default: any key starting with dub_)
  -h, --help             print this text
`;

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

/** Parses the arguments after `node cli.js`; `--name value` and `--name=value` both work. */
export function parseCliArgs(argv: readonly string[]): CliConfig {
  let port = 4010;
  let host = "127.0.0.1";
  let rateLimit: RateLimitOptions | false = false;
  let token: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!["--port", "--host", "--rate-limit", "--token"].includes(name)) throw new CliUsageError(`unknown option ${JSON.stringify(arg)}`);
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === "") throw new CliUsageError(`${name} needs a value`);
    if (name === "--port") port = readPort(value);
    else if (name === "--host") host = value;
    else if (name === "--rate-limit") rateLimit = readRateLimit(value);
    else token = value;
  }
  return { port, host, rateLimit, token, help };
}
