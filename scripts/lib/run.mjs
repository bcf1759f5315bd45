/**
 * Child processes with a deadline, for the package scripts. Every child runs in its own process
 * group, so that on timeout the whole tree (Miniflare's workerd, npm's children) is killed, not
 * only the direct child.
 */
import { spawn } from "node:child_process";

/**
 * The environment for children: the current one without what `npm run` adds about this project
 * (npm_package_*, npm_lifecycle_*, its prefix), which could make a child npm treat the repository
 * as its project, and without DUB_* variables, which the SDK would read.
 */
export function childEnv(extra = {}) {
  const keep = new Set(["npm_config_cache", "npm_config_userconfig", "npm_config_globalconfig", "npm_config_cafile", "npm_config_registry"]);
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(name) && !keep.has(name.toLowerCase())) continue;
    if (/^DUB_/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, ...extra };
}

/** Process groups of the children still running, for {@link killAll}. */
const running = new Set();

/** Kills every child still running (each with its process group), as on Ctrl-C of the parent. */
export function killAll(signal = "SIGKILL") {
  for (const pid of running) {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  }
}

/**
 * Runs `command args` and resolves (never rejects) with its exit status and output.
 * @param {string} command
 * @param {string[]} args
 * @param {{ cwd?: string, env?: Record<string, string|undefined>, timeoutMs: number, onStdout?: (chunk: string, kill: (signal?: string) => void) => void }} options
 *   `onStdout` sees the output as it comes, with a function that signals the child's process group
 * @returns {Promise<{ code: number | null, signal: string | null, stdout: string, stderr: string, timedOut: boolean, ms: number, error?: Error }>}
 */
export function run(command, args, options) {
  const started = performance.now();
  return new Promise((resolve) => {
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    let settled = false;
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? childEnv(),
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    if (child.pid) running.add(child.pid);
    const killTree = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killTree("SIGTERM");
      setTimeout(() => killTree("SIGKILL"), 2_000).unref();
    }, options.timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (chunk) => {
      stdout += chunk;
      options.onStdout?.(chunk, (signal = "SIGTERM") => killTree(signal));
    });
    child.stderr.setEncoding("utf8").on("data", (chunk) => {
      stderr += chunk;
    });
    const finish = (code, signal, error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      running.delete(child.pid);
      // Leftover grandchildren (a workerd whose parent died) must not outlive the run.
      if (child.pid) killTree("SIGKILL");
      resolve({ code, signal, stdout, stderr, timedOut, ms: Math.round(performance.now() - started), error });
    };
    child.on("error", (error) => finish(null, null, error));
    // A grandchild still holding the pipes open would delay "close" until the deadline.
    child.on("exit", () => killTree("SIGKILL"));
    child.on("close", (code, signal) => finish(code, signal));
  });
}

/** Like {@link run}, but throws with the output when the command fails or times out. */
export async function runOrThrow(command, args, options) {
  const result = await run(command, args, options);
  if (result.code !== 0) {
    const why = result.timedOut ? `timed out after ${options.timeoutMs} ms` : result.error ? result.error.message : `exited with ${result.code ?? result.signal}`;
    throw new Error(`${command} ${args.join(" ")} ${why}\n${tail(result.stderr || result.stdout)}`);
  }
  return result;
}

/** The last lines of a text, for error messages. */
export function tail(text, lines = 25) {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}
