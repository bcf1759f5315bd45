import * as z from "zod/mini";
import { crossFieldIssues } from "../core/cross-field-rules.js";

/** A problem a {@link byKey} rule finds, at a path of the value. */
export interface KeyedRuleIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * A request that is one of several objects told apart by a string field (`type` of
 * `commissions.create`): the variant that field names checks the value, with every problem at
 * its path; a missing or unknown value of the field is one problem at `[key]`. `rules` are
 * checks across fields, each at its own path, run on every object whatever else failed, so that
 * one error lists every problem. A refinement over the variants rather than zod's union, which
 * would add its code to every bundle; the output is the value as given (the variants transform
 * nothing).
 */
/* @__NO_SIDE_EFFECTS__ */
export function byKey<const Key extends string, const Variants extends Readonly<Record<string, z.ZodMiniType>>>(
  key: Key,
  variants: Variants,
  rules?: (value: Record<string, unknown>) => readonly KeyedRuleIssue[],
): z.ZodMiniType<z.output<Variants[keyof Variants]>, z.input<Variants[keyof Variants]>> {
  const names = Object.keys(variants);
  return z.unknown().check(
    z.check((payload) => {
      const { value } = payload;
      const add = (path: readonly (string | number)[], message: string) => payload.issues.push({ code: "custom", path: [...path], message, input: value });
      if (typeof value !== "object" || value === null || Array.isArray(value)) {
        payload.issues.push({ code: "invalid_type", expected: "object", input: value });
        return;
      }
      const record = value as Record<string, unknown>;
      const name = record[key];
      const variant = typeof name === "string" && Object.hasOwn(variants, name) ? variants[name]! : undefined;
      if (!variant) add([key], `must be one of ${names.join(", ")}`);
      else {
        const result = variant.safeParse(value, { reportInput: true });
        if (!result.success) {
          payload.issues.push(...(result.error.issues as never[]));
          for (const message of crossFieldIssues(variant, value)) {
            if (!result.error.issues.some((issue) => issue.path.length === 0 && issue.message === message)) add([], message);
          }
        }
      }
      for (const issue of rules?.(record) ?? []) add(issue.path, issue.message);
    }),
  ) as never;
}
