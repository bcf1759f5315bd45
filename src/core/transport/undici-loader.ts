import type { EnvHttpProxyAgent, Pool } from "undici";
import { TransportLoadError } from "./transport-errors.js";

/** The undici classes the Node transport uses. */
export interface UndiciClasses {
  readonly Pool: typeof Pool;
  readonly EnvHttpProxyAgent: typeof EnvHttpProxyAgent;
}

/** The name of one of the {@link UndiciClasses}. */
export type UndiciClassName = keyof UndiciClasses;

/** How undici is loaded; replaced in tests. */
export interface UndiciLoaders {
  /** The class's own module, by a literal specifier that bundlers follow and include. */
  readonly module: (name: UndiciClassName) => Promise<{ default?: unknown }>;
  /** undici's package entry, by a literal specifier. */
  readonly entry: () => Promise<Partial<Record<UndiciClassName, unknown>>>;
  /** The class's own module from `node_modules` at run time, by a specifier no bundler follows. */
  readonly atRunTime: (name: UndiciClassName) => Promise<{ default?: unknown }>;
}

const MODULE_PATHS: Readonly<Record<UndiciClassName, string>> = {
  Pool: "undici/lib/dispatcher/pool.js",
  EnvHttpProxyAgent: "undici/lib/dispatcher/env-http-proxy-agent.js",
};

/**
 * Literal specifiers, so that bundlers (esbuild, webpack, Vercel's and Netlify's file tracing)
 * see and include the modules when an application bundles its Node code.
 */
const UNDICI: UndiciLoaders = {
  module: (name) => (name === "Pool" ? import("undici/lib/dispatcher/pool.js") : import("undici/lib/dispatcher/env-http-proxy-agent.js")),
  entry: () => import("undici"),
  // A specifier in a variable is left alone by esbuild, and the comments keep webpack and Vite
  // from warning about it: Node resolves it from the application's node_modules.
  atRunTime: (name) => {
    const specifier = MODULE_PATHS[name];
    return import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);
  },
};

/** What loading a class gave. */
export type LoadOutcome<Name extends UndiciClassName> =
  | { readonly loaded: UndiciClasses[Name] }
  /**
   * The application is an ES module bundle that holds undici but cannot run its CommonJS
   * `require`s of Node built-ins (esbuild's `--format=esm`), and no `node_modules` at run time has
   * undici either.
   */
  | { readonly unusableInBundle: TransportLoadError };

const isNotFound = (error: unknown) => {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "ERR_MODULE_NOT_FOUND" || code === "MODULE_NOT_FOUND";
};

/**
 * esbuild's ESM output replaces `require` with a stub that throws this when the bundle has no
 * `require` (the application did not add a `createRequire` banner); rollup's commonjs plugin says
 * the second.
 */
const CANNOT_REQUIRE_IN_BUNDLE = /Dynamic require of "[^"]*" is not supported|Could not dynamically require/;

const isUsable = (value: unknown): boolean => typeof value === "function" && typeof (value as { prototype?: { dispatch?: unknown } }).prototype?.dispatch === "function";

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Loads one undici class.
 *
 * Only its own module is loaded: undici's package entry loads all of undici (fetch, WebSocket,
 * caches, mocks: about 110 modules, some 75 ms of a cold start on a small machine) where the pool
 * needs 22 of them. undici has no `exports` map, so the module path is public to Node; should a
 * later undici move it, the package entry is used instead (slower to load, same class).
 *
 * In an ES module bundle that cannot run undici's `require`s, the module is loaded again from
 * `node_modules` at run time, where there is one; without one the outcome says so, and the caller
 * decides (the pool falls back to the runtime's `fetch`; a proxy cannot). Any other failure
 * throws {@link TransportLoadError}.
 */
export async function loadUndiciClass<Name extends UndiciClassName>(name: Name, loaders: UndiciLoaders = UNDICI): Promise<LoadOutcome<Name>> {
  let failure: unknown;
  try {
    const loaded = (await loaders.module(name)).default;
    if (isUsable(loaded)) return { loaded: loaded as UndiciClasses[Name] };
  } catch (error) {
    if (!isNotFound(error)) failure = error;
  }
  if (failure === undefined) {
    try {
      const loaded = (await loaders.entry())[name];
      if (isUsable(loaded)) return { loaded: loaded as UndiciClasses[Name] };
      failure = new Error(`undici's package entry has no ${name} class`);
    } catch (error) {
      failure = error;
    }
  }
  if (!CANNOT_REQUIRE_IN_BUNDLE.test(describe(failure))) {
    const hint = isNotFound(failure) ? " (undici is a dependency of dub-partners: reinstall, or, in a bundle that leaves undici external, deploy it in node_modules)" : "";
    throw new TransportLoadError(`could not load undici's ${name}, the HTTP client of the Node build: ${describe(failure)}${hint}`, failure);
  }
  try {
    const loaded = (await loaders.atRunTime(name)).default;
    if (isUsable(loaded)) return { loaded: loaded as UndiciClasses[Name] };
  } catch (error) {
    if (!isNotFound(error)) throw new TransportLoadError(`could not load undici's ${name} from node_modules: ${describe(error)}`, error);
  }
  return {
    unusableInBundle: new TransportLoadError(
      `undici's ${name} is in this ES module bundle but cannot run there (${describe(failure)}): bundle the application as CommonJS, ` +
        `or give the bundle a require (esbuild: --banner:js="import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"), ` +
        `or deploy undici in node_modules beside it`,
      failure,
    ),
  };
}
