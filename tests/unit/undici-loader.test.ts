import { EnvHttpProxyAgent, Pool } from "undici";
import { describe, expect, it } from "vitest";
import { TransportLoadError } from "../../src/core/transport/transport-errors.js";
import { loadUndiciClass, type UndiciLoaders } from "../../src/core/transport/undici-loader.js";

const missing = (id: string) => Object.assign(new Error(`Cannot find module '${id}'`), { code: "ERR_MODULE_NOT_FOUND" });
/** What esbuild's `--format=esm` output throws when bundled CommonJS calls `require`. */
const inEsmBundle = () => new Error('Dynamic require of "node:buffer" is not supported');

/** Loaders that record what was asked, each answering with `answers[step]`. */
function loaders(answers: Partial<Record<keyof UndiciLoaders, () => unknown>>) {
  const asked: string[] = [];
  const step =
    (name: keyof UndiciLoaders) =>
    async (): Promise<never> => {
      asked.push(name);
      const answer = answers[name];
      if (!answer) throw new Error(`unexpected step ${name}`);
      return answer() as never;
    };
  return { asked, loaders: { module: step("module"), entry: step("entry"), atRunTime: step("atRunTime") } satisfies UndiciLoaders };
}

describe("loading undici's classes for the Node transport", () => {
  it("gives undici's own Pool and EnvHttpProxyAgent, each from its module alone", async () => {
    expect((await import("undici/lib/dispatcher/pool.js")).default).toBe(Pool);
    expect(await loadUndiciClass("Pool")).toEqual({ loaded: Pool });
    expect(await loadUndiciClass("EnvHttpProxyAgent")).toEqual({ loaded: EnvHttpProxyAgent });
  });

  it("falls back to the package entry when undici's layout no longer has the module", async () => {
    const { asked, loaders: l } = loaders({
      module: () => {
        throw missing("undici/lib/dispatcher/pool.js");
      },
      entry: () => ({ Pool }),
    });
    expect(await loadUndiciClass("Pool", l)).toEqual({ loaded: Pool });
    expect(asked).toEqual(["module", "entry"]);
  });

  it("falls back to the package entry when the module no longer exports the class", async () => {
    const { loaders: l } = loaders({ module: () => ({ default: {} }), entry: () => ({ EnvHttpProxyAgent }) });
    expect(await loadUndiciClass("EnvHttpProxyAgent", l)).toEqual({ loaded: EnvHttpProxyAgent });
  });

  it("throws TransportLoadError, keeping the cause, for a failure other than a missing module", async () => {
    const broken = new SyntaxError("Unexpected token 'export'");
    const { asked, loaders: l } = loaders({
      module: () => {
        throw broken;
      },
    });
    const error = await loadUndiciClass("Pool", l).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportLoadError);
    expect((error as Error).cause).toBe(broken);
    expect((error as Error).message).toMatch(/could not load undici's Pool.*Unexpected token 'export'/);
    expect(asked).toEqual(["module"]);
  });

  it("says undici is missing, and how to fix it, when neither the module nor the entry is installed", async () => {
    const { loaders: l } = loaders({
      module: () => {
        throw missing("undici/lib/dispatcher/pool.js");
      },
      entry: () => {
        throw missing("undici");
      },
    });
    await expect(loadUndiciClass("Pool", l)).rejects.toThrow(/Cannot find module 'undici'.*reinstall.*node_modules/);
  });

  it("in an ES module bundle that cannot run undici, loads it from node_modules at run time", async () => {
    const { asked, loaders: l } = loaders({
      module: () => {
        throw inEsmBundle();
      },
      atRunTime: () => ({ default: Pool }),
    });
    expect(await loadUndiciClass("Pool", l)).toEqual({ loaded: Pool });
    expect(asked).toEqual(["module", "atRunTime"]);
  });

  it("in such a bundle with no node_modules, reports it unusable with the ways out, instead of throwing", async () => {
    const { loaders: l } = loaders({
      module: () => {
        throw inEsmBundle();
      },
      atRunTime: () => {
        throw missing("undici/lib/dispatcher/pool.js");
      },
    });
    const outcome = await loadUndiciClass("Pool", l);
    expect("unusableInBundle" in outcome).toBe(true);
    const { unusableInBundle } = outcome as { unusableInBundle: TransportLoadError };
    expect(unusableInBundle).toBeInstanceOf(TransportLoadError);
    expect(unusableInBundle.message).toMatch(/ES module bundle.*Dynamic require of "node:buffer".*CommonJS.*createRequire.*node_modules/);
  });

  it("throws when undici in node_modules fails for another reason than being absent", async () => {
    const { loaders: l } = loaders({
      module: () => {
        throw inEsmBundle();
      },
      atRunTime: () => {
        throw new RangeError("corrupt");
      },
    });
    await expect(loadUndiciClass("Pool", l)).rejects.toThrow(TransportLoadError);
  });
});
