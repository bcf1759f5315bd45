import { readEnv } from "./env.js";
import type { DebugLogger } from "./options.js";

/** The values `DUB_LOG` may take, as in `OPENAI_LOG`. The SDK writes debug lines only, so `debug` is the one that shows anything. */
const LEVELS = new Set(["debug", "info", "warn", "error", "off"]);

/** Writes to stderr where there is one (`console.error` is stderr on Node, Bun and Deno), so that logs never mix with a program's output. */
const STDERR_LOGGER: DebugLogger = {
  debug: (message, ...data) => console.error(message, ...data),
};

let warned = false;

/**
 * The logger `DUB_LOG` asks for: `debug` (in any case) turns the redacted debug log on without a
 * code change; `info`, `warn`, `error` and `off` leave it off. Any other value leaves it off too,
 * with one warning per process, since a typo in a logging variable must not stop an application.
 */
export function loggerFromEnv(): DebugLogger | undefined {
  const raw = readEnv("DUB_LOG");
  if (raw === undefined) return undefined;
  const level = raw.trim().toLowerCase();
  if (level === "debug") return STDERR_LOGGER;
  if (!LEVELS.has(level) && !warned) {
    warned = true;
    console.error(`dub-partners: DUB_LOG=${JSON.stringify(raw.slice(0, 40))} is not one of debug, info, warn, error, off; the debug log stays off`);
  }
  return undefined;
}
