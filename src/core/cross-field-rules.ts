import * as z from "zod/mini";

/** A rule across the fields of a request object (a field alone cannot express it). */
export interface CrossFieldRule {
  /** Whether the object passes. Only called with non-null objects. */
  readonly test: (input: Record<string, unknown>) => boolean;
  /** What the caller is told when it does not. */
  readonly message: string;
}

const rulesBySchema = new WeakMap<object, readonly CrossFieldRule[]>();

/**
 * `object` with `rules` checked on it. The rules are plain refinements, so zod's compiler can
 * turn the whole schema into one generated function (a refinement with a custom `when` would
 * keep it on the slower runtime parser for every call). Plain refinements are skipped once a
 * field has failed, though, so the rules are also recorded here and {@link crossFieldIssues}
 * reports them alongside the field errors: one error still lists every problem.
 */
/* @__NO_SIDE_EFFECTS__ */
export function withCrossFieldRules<T extends z.ZodMiniType>(object: T, ...rules: CrossFieldRule[]): T {
  const checked = (object as unknown as z.ZodMiniObject).check(
    ...rules.map(({ test, message }) =>
      // An input that is not an object already has its own issue; the rules speak of objects only.
      z.refine((input: unknown) => typeof input !== "object" || input === null || test(input as Record<string, unknown>), { message }),
    ),
  ) as unknown as T;
  rulesBySchema.set(checked, rules);
  return checked;
}

/** The messages of the cross-field rules of `schema` that `input` breaks. */
export function crossFieldIssues(schema: object, input: unknown): string[] {
  const rules = rulesBySchema.get(schema);
  if (!rules || typeof input !== "object" || input === null) return [];
  return rules.filter((rule) => !rule.test(input as Record<string, unknown>)).map((rule) => rule.message);
}
