#!/usr/bin/env node
/**
 * `dub-partners-fake`: serves the fake Dub Partners API until SIGINT or SIGTERM, for trying an
 * integration by hand or running another language's tests against it.
 */
import { serveHandler } from "../node-server.js";
import { CliUsageError, cliUsage, parseCliArgs } from "./cli-args.js";
import { createFakeDubApi } from "./fake-api.js";

async function main(): Promise<void> {
  let config;
  try {
    config = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${cliUsage()}`);
    process.exitCode = 2;
    return;
  }
  if (config.help) {
    process.stdout.write(cliUsage());
    return;
  }
  // The adapter-free core: the CLI must not need msw, which only tests install.
  const fake = createFakeDubApi({ rateLimit: config.rateLimit, token: config.token, webhooks: { receivers: config.webhooks } });
  const server = await serveHandler(fake.handler, { port: config.port, host: config.host, cors: config.cors });
  process.stdout.write(`Fake Dub Partners API listening on ${server.url}\n`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`dub-partners-fake: ${(error as Error).message}\n`);
  process.exit(1);
});
