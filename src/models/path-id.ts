import * as z from "zod/mini";

/** An ID placed in the path (`/customers/{id}`): never empty, which would name another endpoint. */
export const pathId = z.string().check(z.minLength(1));
