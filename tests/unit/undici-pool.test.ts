import { createRequire } from "node:module";
import { Pool } from "undici";
import { describe, expect, it } from "vitest";
import { loadPool } from "../../src/core/transport/undici-transport.js";

const require = createRequire(import.meta.url);

describe("the undici Pool the Node transport loads", () => {
  it("is undici's own Pool class, loaded from its module alone", () => {
    expect(require("undici/lib/dispatcher/pool.js")).toBe(Pool);
    expect(loadPool()).toBe(Pool);
  });

  it("comes from the package entry when undici's layout no longer has that module", () => {
    const asked: string[] = [];
    const fakeRequire = (id: string) => {
      asked.push(id);
      if (id === "undici") return { Pool };
      throw Object.assign(new Error(`Cannot find module '${id}'`), { code: "MODULE_NOT_FOUND" });
    };
    expect(loadPool(fakeRequire)).toBe(Pool);
    expect(asked).toEqual(["undici/lib/dispatcher/pool.js", "undici"]);
  });

  it("does not hide an error other than a missing module", () => {
    const broken = new SyntaxError("Unexpected token");
    expect(() =>
      loadPool(() => {
        throw broken;
      }),
    ).toThrow(broken);
  });
});
