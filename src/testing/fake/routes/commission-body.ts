import { PAYMENT_PROCESSORS } from "../../../models/payment-processor.js";
import { metadataProblems } from "../beyond-spec.js";

/** A check of one field's value, and what it expects in words. */
interface FieldCheck {
  readonly test: (value: unknown) => boolean;
  readonly expected: string;
}

/** The fields of an object, which of them are required, and what each must be. */
interface ObjectShape {
  readonly required: readonly string[];
  readonly fields: Readonly<Record<string, FieldCheck | ObjectShape>>;
}

const check = (test: (value: unknown) => boolean, expected: string): FieldCheck => ({ test, expected });
const string = check((v) => typeof v === "string", "string");
const number = check((v) => typeof v === "number" && Number.isFinite(v), "number");
const boolean = check((v) => typeof v === "boolean", "boolean");
const nullable = (c: FieldCheck): FieldCheck => check((v) => v === null || c.test(v), `${c.expected} or null`);
const oneOf = (values: readonly string[]) => check((v) => values.includes(v as string), `one of ${values.join(", ")}`);
const metadata = check((v) => metadataProblems(v, "").length === 0, "an object of at most 10,000 characters as JSON, or null");
/** The spec's email `pattern` (its `format: email` adds little the fake needs). */
const EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const email = check((v) => typeof v === "string" && EMAIL.test(v), "a valid email address");
const uri = check((v) => typeof v === "string" && URL.canParse(v), "a valid URI");

const customer: ObjectShape = {
  required: ["externalId", "country"],
  fields: { email: nullable(email), name: nullable(string), avatar: nullable(uri), externalId: string, stripeCustomerId: nullable(string), country: string },
};

const conversion = {
  partnerId: string,
  customerId: nullable(string),
  customer,
  linkId: nullable(string),
  /** Newer than the document, in `dub` 0.73.5. */
  date: nullable(string),
};

/** The variants of the spec's `oneOf`, with the fields of `dub` 0.73.5 the document lacks (`date` on lead and sale, `lead`, `sale`). */
const VARIANTS: Readonly<Record<string, ObjectShape>> = {
  custom: {
    required: ["type", "partnerId", "amount"],
    fields: { type: string, partnerId: string, amount: number, date: nullable(string), description: nullable(check((v) => typeof v === "string" && v.length <= 190, "a string of at most 190 characters")) },
  },
  lead: {
    required: ["type", "partnerId"],
    fields: {
      type: string,
      ...conversion,
      lead: { required: [], fields: { eventName: nullable(string), metadata } },
      leadEventDate: nullable(string),
      leadEventName: nullable(string),
    },
  },
  sale: {
    required: ["type", "partnerId"],
    fields: {
      type: string,
      ...conversion,
      importStripeInvoices: nullable(boolean),
      sale: {
        required: [],
        fields: { amount: nullable(number), currency: string, eventName: string, paymentProcessor: oneOf(PAYMENT_PROCESSORS), invoiceId: nullable(string), metadata },
      },
      saleAmount: nullable(number),
      saleEventDate: nullable(string),
      invoiceId: nullable(string),
      productId: nullable(string),
    },
  },
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The problems of `value` against `shape` (at `path`), dropping the keys the shape does not list, as the server's schemas strip them. */
function shapeProblems(value: unknown, shape: ObjectShape, path: string): string[] {
  if (!isObject(value)) return [`${path || "body"}: expected object`];
  const at = (name: string) => (path ? `${path}.${name}` : name);
  const problems = shape.required.filter((name) => value[name] === undefined).map((name) => `${at(name)}: is required`);
  for (const name of Object.keys(value)) {
    const field = shape.fields[name];
    if (!field) delete value[name];
    else if ("test" in field) {
      if (!field.test(value[name])) problems.push(`${at(name)}: expected ${field.expected}`);
    } else if (value[name] !== null) problems.push(...shapeProblems(value[name], field, at(name)));
  }
  return problems;
}

/**
 * The body of `POST /commissions` judged as the spec's `oneOf` of three variants told apart by
 * `type` (with the newer fields), one variant at a time: the compiled validator would strip each
 * variant of its own fields (see `BeyondSpec.wholeBody`).
 */
export function commissionBodyProblems(body: unknown): string[] {
  if (!isObject(body)) return ["body: expected object"];
  const variant = typeof body.type === "string" ? VARIANTS[body.type] : undefined;
  if (!variant || !Object.hasOwn(VARIANTS, body.type as string)) return [`type: must be one of ${Object.keys(VARIANTS).join(", ")}`];
  return shapeProblems(body, variant, "");
}
