// Shared helpers of the benchmark scripts: child processes, the server, statistics.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import os from "node:os";

export const benchDir = fileURLToPath(new URL(".", import.meta.url));
export const rootDir = fileURLToPath(new URL("..", import.meta.url));

/** Starts bench/server.mjs in its own process; resolves with { origin, port, stop(), stats() }. */
export async function startServer() {
  const child = spawn(process.execPath, [`${benchDir}server.mjs`], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise((resolve, reject) => {
    let buffered = "";
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench server exited early (code ${code})`)));
    child.stdout.on("data", (chunk) => {
      buffered += chunk;
      const line = buffered.split("\n")[0];
      if (buffered.includes("\n")) resolve(Number(line.trim()));
    });
  });
  child.removeAllListeners("exit");
  const origin = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode === null) {
      child.stdin.end();
      child.kill("SIGTERM");
    }
  };
  process.once("exit", stop);
  return {
    origin,
    port,
    pid: child.pid,
    stop,
    async stats() {
      const res = await fetch(`${origin}/__stats`);
      return res.json();
    },
  };
}

/** Runs `node [nodeArgs] script args`; resolves with { stdout, stderr, code, wallMs }. */
export function runNode(script, args = [], nodeArgs = [], options = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], { stdio: ["ignore", "pipe", "pipe"], ...options });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.once("error", reject);
    child.once("exit", (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      resolve({ stdout, stderr, code, wallMs });
    });
  });
}

/** The last line of a child's stdout, parsed as JSON; throws with its stderr when it failed. */
export function lastJson(run, what) {
  const line = run.stdout.trim().split("\n").pop();
  if (run.code !== 0 || !line) throw new Error(`${what} failed (exit ${run.code}):\n${run.stderr.slice(-2000)}`);
  return JSON.parse(line);
}

export function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Deterministic shuffle (mulberry32), so that a run's order can be reproduced from its seed. */
export function shuffler(seed) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (items) => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  };
}

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: `${cpus[0]?.model ?? "unknown"} (${cpus.length} logical cores)`,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}
