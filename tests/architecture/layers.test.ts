/**
 * The layers of docs/architecture.md, read from the sources' imports (static, dynamic and
 * type-only, through TypeScript's own pre-processor): every import points down or stays within its
 * layer, and no module reaches itself through its imports.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const src = fileURLToPath(new URL("../../src/", import.meta.url));

/** The rank of each layer: a module may import its own layer and those of a lower rank. */
const RANK: Record<string, number> = {
  core: 0,
  models: 1,
  webhooks: 1,
  operations: 2,
  client: 3,
  testing: 3,
  funcs: 4,
  entry: 4,
};

const layerOf = (file: string): string => {
  const parts = path.relative(src, file).split(path.sep);
  return parts.length === 1 ? "entry" : parts[0]!;
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Every relative import of every source file, resolved to the file it names. */
function importGraph(): Map<string, string[]> {
  const files = sourceFiles(src);
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
    const targets = importedFiles
      .map((ref) => ref.fileName)
      .filter((name) => name.startsWith("."))
      .map((name) => {
        const base = path.resolve(path.dirname(file), name);
        const candidates = [base.replace(/\.js$/, ".ts"), base, `${base}.ts`, path.join(base, "index.ts")];
        const found = candidates.find((candidate) => known.has(candidate));
        if (!found) throw new Error(`${path.relative(src, file)} imports ${name}, which is not a source file`);
        return found;
      });
    graph.set(file, targets);
  }
  return graph;
}

const graph = importGraph();
const rel = (file: string) => path.relative(src, file);

describe("the layers of src/", () => {
  it("reads a graph of the whole source tree (so the checks below look at something)", () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(new Set([...graph.keys()].map(layerOf))).toEqual(new Set(Object.keys(RANK)));
  });

  it("every import points down or stays within its layer", () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const from = layerOf(file);
        const to = layerOf(target);
        if (RANK[to]! > RANK[from]! || (RANK[to] === RANK[from] && to !== from)) upward.push(`${rel(file)} (${from}) → ${rel(target)} (${to})`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("no module reaches itself through its imports", () => {
    // Iterative depth-first search with colours; a grey target is a back edge, that is a cycle.
    const colour = new Map<string, "grey" | "black">();
    const cycles: string[] = [];
    for (const start of graph.keys()) {
      if (colour.has(start)) continue;
      const stack: { file: string; next: number }[] = [{ file: start, next: 0 }];
      colour.set(start, "grey");
      while (stack.length > 0) {
        const top = stack[stack.length - 1]!;
        const targets = graph.get(top.file)!;
        if (top.next >= targets.length) {
          colour.set(top.file, "black");
          stack.pop();
          continue;
        }
        const target = targets[top.next++]!;
        const seen = colour.get(target);
        if (seen === "grey") {
          const from = stack.findIndex((frame) => frame.file === target);
          cycles.push([...stack.slice(from).map((frame) => rel(frame.file)), rel(target)].join(" → "));
        } else if (seen === undefined) {
          colour.set(target, "grey");
          stack.push({ file: target, next: 0 });
        }
      }
    }
    expect(cycles).toEqual([]);
  });
});
