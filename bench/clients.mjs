// The clients under test. Each factory returns { call(i), close() }; call(i) performs operation
// i % 3 (create, createLink, upsertLink) and resolves with the parsed body.
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

/** The request bodies, the same for every client. */
export const BODIES = {
  create: { email: "kim@example.com", name: "Kim Lee", tenantId: "user_42" },
  createLink: { partnerId: "pn_1JZ0XK7N3Q9R5S8T2U4V6W8X0Y", url: "https://acme.com/pricing" },
  upsertLink: { partnerId: "pn_1JZ0XK7N3Q9R5S8T2U4V6W8X0Y", url: "https://acme.com/pricing" },
};

const RAW_OPS = [
  { method: "POST", path: "/partners", body: BODIES.create },
  { method: "POST", path: "/partners/links", body: BODIES.createLink },
  { method: "PUT", path: "/partners/links/upsert", body: BODIES.upsertLink },
];

export const distIndex = fileURLToPath(new URL("../dist/index.js", import.meta.url));
export const distEdge = fileURLToPath(new URL("../dist/edge/index.js", import.meta.url));

function sdkCalls(partners) {
  return (i) => {
    switch (i % 3) {
      case 0:
        return partners.create(BODIES.create);
      case 1:
        return partners.createLink(BODIES.createLink);
      default:
        return partners.upsertLink(BODIES.upsertLink);
    }
  };
}

export async function createClient(name, origin) {
  switch (name) {
    case "raw-undici": {
      const { Pool } = await import("undici");
      const pool = new Pool(origin);
      return {
        async call(i) {
          const op = RAW_OPS[i % 3];
          const res = await pool.request({
            path: op.path,
            method: op.method,
            headers: { authorization: `Bearer ${TOKEN}`, accept: "application/json", "content-type": "application/json" },
            body: JSON.stringify(op.body),
          });
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
          const op = RAW_OPS[i % 3];
          const res = await fetch(origin + op.path, {
            method: op.method,
            headers: { authorization: `Bearer ${TOKEN}`, accept: "application/json", "content-type": "application/json" },
            body: JSON.stringify(op.body),
          });
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
      return { call: sdkCalls(dub.partners), close: async () => {} };
    }
    case "ours-undici": {
      const { Dub } = await import(distIndex);
      const dub = new Dub({ token: TOKEN, serverURL: origin });
      return { call: sdkCalls(dub.partners), close: () => dub.close() };
    }
    case "ours-fetch": {
      const { Dub } = await import(distIndex);
      const dub = new Dub({ token: TOKEN, serverURL: origin, fetch: globalThis.fetch });
      return { call: sdkCalls(dub.partners), close: () => dub.close() };
    }
    default:
      throw new Error(`unknown client ${name}`);
  }
}
