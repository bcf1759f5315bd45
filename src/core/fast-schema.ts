import type * as z from "zod/mini";

/**
 * The schema the pipeline parses with. Outside Node it is the schema itself: zod's runtime
 * parser, and no code generator in edge and browser bundles (workers forbid `new Function`
 * anyway). On Node, `fast-schema.node.ts` compiles it instead.
 */
export function fastSchema<T extends z.ZodMiniType>(schema: T): T {
  return schema;
}

/**
 * Whether `value` passes `schema`, where the caller then uses `value` itself (a freshly parsed
 * JSON body, which nothing else holds). Here: zod's runtime parse. On Node: the compiled
 * validator, which checks without building a copy of the value.
 */
export function conforms(schema: z.ZodMiniType, value: unknown): boolean {
  return schema.safeParse(value).success;
}
