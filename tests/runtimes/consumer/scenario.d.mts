/** Types of scenario.mjs, for the TypeScript consumers. */

/** What one run of the scenario reports, printed as one line of JSON. */
export interface ScenarioResult {
  ok: boolean;
  runtime: string;
  version: string | undefined;
  format: string;
  resolved: string | undefined;
  transport: "fetch" | "undici" | undefined;
  checks: string[];
  error: string | undefined;
  ms: number;
  [extra: string]: unknown;
}

export interface ScenarioOptions {
  serverURL: string;
  format: string;
  resolved?: string;
  errors?: object;
  /** The `dub-partners/webhooks` module: the scenario fails without it. */
  webhooks?: object;
  extra?: Record<string, unknown>;
  clientOptions?: Record<string, unknown>;
}

/** A delivery and its signature computed with Node's createHmac. */
export const WEBHOOK_VECTOR: { secret: string; body: string; signature: string };

export function detectRuntime(): { name: string; version: string | undefined };

/** `sdk` is the `dub-partners` module, loaded by ESM import or by require. */
export function runScenario(sdk: object, options: ScenarioOptions): Promise<ScenarioResult>;
