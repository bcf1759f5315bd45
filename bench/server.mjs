// Loopback HTTP/1.1 server for the benchmark, run in its own process.
// Answers the three Partners routes and the two conversion routes with precomputed, spec-valid
// bodies: the package's own fixtures (dist/testing: exampleLink, examplePartner), and what the
// embedded fake answers a lead and a sale with (the fake checks its answers against the spec).
// Reads every request body fully. Prints its port on stdout, then serves until killed (or stdin
// closes).
import http from "node:http";
import { createFakeDub, exampleLink, examplePartner } from "../dist/testing/index.js";
import { BODIES, TOKEN } from "./clients.mjs";

const partner = Buffer.from(JSON.stringify(examplePartner()));
const link = Buffer.from(JSON.stringify(exampleLink()));
const { lead, sale } = await conversionAnswers();

/** The fake's answers to the benchmark's lead and sale bodies, after the click they name. */
async function conversionAnswers() {
  const fake = createFakeDub({ seed: "bench" });
  const served = await fake.listen();
  try {
    const post = async (path, body) => {
      const res = await fetch(served.url + path, { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!res.ok) throw new Error(`the fake answered ${path} with ${res.status}: ${await res.text()}`);
      return Buffer.from(await res.text());
    };
    await post("/partners", BODIES.create);
    const { clickId } = fake.recordClick({ linkId: fake.links()[0].id });
    return { lead: await post("/track/lead", { ...BODIES.lead, clickId }), sale: await post("/track/sale", { ...BODIES.sale, clickId }) };
  } finally {
    await served.close();
  }
}
const notFound = Buffer.from(JSON.stringify({ error: { code: "not_found", message: "Not found", doc_url: "https://dub.co/docs/api-reference/errors#not-found" } }));

const routes = new Map([
  ["POST /partners", [201, partner]],
  ["POST /partners/links", [201, link]],
  ["PUT /partners/links/upsert", [200, link]],
  ["POST /track/lead", [200, lead]],
  ["POST /track/sale", [200, sale]],
]);

const stats = { requests: 0, bodyBytes: 0, byRoute: {} };

function reply(res, status, body) {
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": body.length,
    "x-ratelimit-limit": "600",
    "x-ratelimit-remaining": "599",
    "x-ratelimit-reset": "1",
  });
  res.end(body);
}

const server = http.createServer((req, res) => {
  let bytes = 0;
  req.on("data", (chunk) => {
    bytes += chunk.length;
  });
  req.on("end", () => {
    const key = `${req.method} ${req.url}`;
    if (key === "GET /__stats") {
      const body = Buffer.from(JSON.stringify(stats));
      return reply(res, 200, body);
    }
    if (key === "POST /__reset") {
      stats.requests = 0;
      stats.bodyBytes = 0;
      stats.byRoute = {};
      return reply(res, 200, Buffer.from("{}"));
    }
    const route = routes.get(key);
    if (!route) return reply(res, 404, notFound);
    stats.requests++;
    stats.bodyBytes += bytes;
    stats.byRoute[key] = (stats.byRoute[key] ?? 0) + 1;
    reply(res, route[0], route[1]);
  });
});

server.keepAliveTimeout = 120_000;
server.headersTimeout = 125_000;
server.requestTimeout = 0;
server.maxRequestsPerSocket = 0;

server.listen(Number(process.env.BENCH_PORT ?? 0), "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});

// Exit with the parent: when it closes our stdin, or on a signal.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
process.on("SIGTERM", () => process.exit(0));
process.on("SIGINT", () => process.exit(0));
