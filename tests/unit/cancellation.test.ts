import { describe, expect, it } from "vitest";
import { Cancellation } from "../../src/core/transport/cancellation.js";

describe("Cancellation", () => {
  it("aborts once, with the first reason, calling every listener still attached", () => {
    const c = new Cancellation();
    const calls: string[] = [];
    const removed = () => calls.push("removed");
    c.once("abort", () => calls.push("a"));
    c.on("abort", () => calls.push("b"));
    c.once("abort", removed);
    c.removeListener("abort", removed);
    c.abort("first");
    c.abort("second");
    expect(c.aborted).toBe(true);
    expect(c.reason).toBe("first");
    expect(calls).toEqual(["a", "b"]);
  });

  it("gives a real AbortSignal that follows it, before or after the abort", () => {
    const early = new Cancellation();
    const signal = early.toAbortSignal();
    expect(signal.aborted).toBe(false);
    early.abort("deadline");
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe("deadline");

    const late = new Cancellation();
    late.abort("gone");
    expect(late.toAbortSignal().reason).toBe("gone");
  });
});
