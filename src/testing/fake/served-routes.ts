import { ROUTES } from "./routes/index.js";

/**
 * `METHOD /path` of every route the fake serves, in the order of its route table: what
 * `dub-partners-fake --help` lists. Read from the table itself, so a route added there shows up.
 */
export function servedRoutes(): string[] {
  return Object.keys(ROUTES);
}
