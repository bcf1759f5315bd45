/**
 * Reads an environment variable in any runtime: Node, Bun and Deno (with or without the
 * `--allow-env` permission), and returns `undefined` where there is no environment (browsers,
 * workers), instead of throwing a ReferenceError.
 */
export function readEnv(name: string): string | undefined {
  const runtime = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get(key: string): string | undefined } };
  };
  try {
    const value = runtime.process?.env?.[name] ?? runtime.Deno?.env?.get(name);
    return value === "" ? undefined : value;
  } catch {
    // Deno without --allow-env throws PermissionDenied: treat as unset.
    return undefined;
  }
}
