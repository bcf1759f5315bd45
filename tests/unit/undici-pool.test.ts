import { Pool } from "undici";
import { describe, expect, it } from "vitest";
import { loadPool } from "../../src/core/transport/undici-transport.js";

const missing = (id: string) => Object.assign(new Error(`Cannot find module '${id}'`), { code: "ERR_MODULE_NOT_FOUND" });

describe("the undici Pool the Node transport loads", () => {
  it("is undici's own Pool class, loaded from its module alone", async () => {
    expect((await import("undici/lib/dispatcher/pool.js")).default).toBe(Pool);
    expect(await loadPool()).toBe(Pool);
  });

  it("comes from the package entry when undici's layout no longer has that module", async () => {
    const asked: string[] = [];
    const loaded = await loadPool({
      poolModule: async () => {
        asked.push("pool module");
        throw missing("undici/lib/dispatcher/pool.js");
      },
      undici: async () => {
        asked.push("undici");
        return { Pool };
      },
    });
    expect(loaded).toBe(Pool);
    expect(asked).toEqual(["pool module", "undici"]);
  });

  it("comes from the package entry when that module no longer exports a pool", async () => {
    expect(await loadPool({ poolModule: async () => ({ default: {} }), undici: async () => ({ Pool }) })).toBe(Pool);
  });

  it("does not hide an error other than a missing module", async () => {
    const broken = new SyntaxError("Unexpected token");
    await expect(
      loadPool({
        poolModule: async () => {
          throw broken;
        },
        undici: async () => ({ Pool }),
      }),
    ).rejects.toBe(broken);
  });
});
