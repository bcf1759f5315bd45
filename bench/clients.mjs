// The clients and workloads under test. `createClient(name, origin, workload)` returns
// { call(i), close() }; call(i) performs operation i % n of the workload and resolves with the
// parsed body, which the workload's `answered` check reads.
import { fileURLToPath } from "node:url";

export const CLIENTS = ["raw-undici", "raw-fetch", "official", "ours-undici", "ours-fetch"];

export const LABELS = {
  "raw-undici": "raw undici.request + Pool (no validation)",
  "raw-fetch": "raw global fetch (no validation)",
  official: "official dub SDK 0.73.5",
  "ours-undici": "dub-partners, undici transport",
  "ours-fetch": "dub-partners, fetch transport",
};

export const TOKEN = "dub_bench_0123456789abcdef";

/** The request bodies, the same for every client. The conversions are what an app sends on a signup and a payment. */
export const BODIES = {
  create: { email: "kim@example.com", name: "Kim Lee", tenantId: "user_42" },
  createLink: { partnerId: "pn_1JZ0XK7N3Q9R5S8T2U4V6W8X0Y", url: "https://acme.com/pricing" },
  upsertLink: { partnerId: "pn_1JZ0XK7N3Q9R5S8T2U4V6W8X0Y", url: "https://acme.com/pricing" },
  lead: {
    clickId: "rLnWe1uz9t282v7g",
    eventName: "Sign up",
    customerExternalId: "user_7Hq2Lw9XbR",
    customerName: "Ana Silva",
    customerEmail: "ana.silva@example.com",
    metadata: { plan: "pro", source: "pricing-page", utm_campaign: "spring-launch" },
  },
  sale: {
    customerExternalId: "user_7Hq2Lw9XbR",
    clickId: "rLnWe1uz9t282v7g",
    amount: 4900,
    currency: "usd",
    eventName: "Invoice paid",
    paymentProcessor: "stripe",
    invoiceId: "in_1QxT5e2eZvKYlo2C0pR3sV1A",
    metadata: { plan: "pro", interval: "month", seats: 3 },
  },
};

/**
 * What each workload runs, in turn: its operations (method and path, the SDKs' namespace and
 * method, the body) and how a successful answer is recognised.
 */
export const WORKLOADS = {
  partners: {
    label: "partners.create, createLink, upsertLink in turn (1/3 each)",
    ops: [
      { method: "POST", path: "/partners", sdk: ["partners", "create"], body: BODIES.create },
      { method: "POST", path: "/partners/links", sdk: ["partners", "createLink"], body: BODIES.createLink },
      { method: "PUT", path: "/partners/links/upsert", sdk: ["partners", "upsertLink"], body: BODIES.upsertLink },
    ],
    answered: (body) => typeof body?.id === "string",
  },
  conversions: {
    label: "track.lead and track.sale in turn (1/2 each), with customerExternalId, clickId and metadata",
    ops: [
      { method: "POST", path: "/track/lead", sdk: ["track", "lead"], body: BODIES.lead },
      { method: "POST", path: "/track/sale", sdk: ["track", "sale"], body: BODIES.sale },
    ],
    answered: (body) => typeof body?.click?.id === "string" || typeof body?.sale?.amount === "number",
  },
};

export const distIndex = fileURLToPath(new URL("../dist/index.js", import.meta.url));
export const distEdge = fileURLToPath(new URL("../dist/edge/index.js", import.meta.url));

const HEADERS = { authorization: `Bearer ${TOKEN}`, accept: "application/json", "content-type": "application/json" };

/** `call(i)` through an SDK client: the workload's operation i % n, by namespace and method. */
function sdkCalls(dub, ops) {
  const methods = ops.map(({ sdk: [namespace, method], body }) => {
    const target = dub[namespace];
    return () => target[method](body);
  });
  return (i) => methods[i % methods.length]();
}

export async function createClient(name, origin, workload = "partners") {
  const { ops } = WORKLOADS[workload];
  switch (name) {
    case "raw-undici": {
      const { Pool } = await import("undici");
      const pool = new Pool(origin);
      return {
        async call(i) {
          const op = ops[i % ops.length];
          const res = await pool.request({ path: op.path, method: op.method, headers: HEADERS, body: JSON.stringify(op.body) });
          const text = await res.body.text();
          if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`HTTP ${res.statusCode}`);
          return JSON.parse(text);
        },
        close: () => pool.close(),
      };
    }
    case "raw-fetch": {
      return {
        async call(i) {
          const op = ops[i % ops.length];
          const res = await fetch(origin + op.path, { method: op.method, headers: HEADERS, body: JSON.stringify(op.body) });
          const text = await res.text();
          if (!res.ok) throw new Error(`HTTP ${res.status}`);
          return JSON.parse(text);
        },
        close: async () => {},
      };
    }
    case "official": {
      const { Dub } = await import("dub");
      const dub = new Dub({ token: TOKEN, serverURL: origin, retryConfig: { strategy: "none" } });
      return { call: sdkCalls(dub, ops), close: async () => {} };
    }
    case "ours-undici": {
      const { Dub } = await import(distIndex);
      const dub = new Dub({ token: TOKEN, serverURL: origin });
      return { call: sdkCalls(dub, ops), close: () => dub.close() };
    }
    case "ours-fetch": {
      const { Dub } = await import(distIndex);
      const dub = new Dub({ token: TOKEN, serverURL: origin, fetch: globalThis.fetch });
      return { call: sdkCalls(dub, ops), close: () => dub.close() };
    }
    default:
      throw new Error(`unknown client ${name}`);
  }
}
