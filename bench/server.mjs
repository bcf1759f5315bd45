// Loopback HTTP/1.1 server for the benchmark, run in its own process.
// Answers the three Partners routes with precomputed, spec-valid bodies built from the package's
// own fixtures (dist/testing: exampleLink, examplePartner). Reads every request body fully.
// Prints its port on stdout, then serves until killed (or stdin closes).
import http from "node:http";
import { exampleLink, examplePartner } from "../dist/testing/index.js";

const partner = Buffer.from(JSON.stringify(examplePartner()));
const link = Buffer.from(JSON.stringify(exampleLink()));
const notFound = Buffer.from(JSON.stringify({ error: { code: "not_found", message: "Not found", doc_url: "https://dub.co/docs/api-reference/errors#not-found" } }));

const routes = new Map([
  ["POST /partners", [201, partner]],
  ["POST /partners/links", [201, link]],
  ["PUT /partners/links/upsert", [200, link]],
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
