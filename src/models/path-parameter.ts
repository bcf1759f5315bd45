import * as z from "zod/mini";

/**
 * A path parameter's value (an ID, a code): a non-empty string. An empty one would put `//` in the
 * path, which names another endpoint than the one called.
 */
export const pathParameter = z.string().check(z.minLength(1, "must not be empty"));
