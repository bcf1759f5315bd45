// A walk through dub-partners against the fake Dub Partners API that ships in the package:
// no API key, no network. Run it with `npm run demo`.
import { Conflict, Dub, InternalServerError } from "dub-partners";
import { createFakeDub, errorReply } from "dub-partners/testing";

const section = (title) => console.log(`\n── ${title} ${"─".repeat(Math.max(0, 70 - title.length))}`);
const show = (label, value) => console.log(`  ${label.padEnd(22)} ${value}`);

// The fake keeps partners and links in memory and answers like the real server, rate limits
// included: here 10 requests per API key per second.
const fake = createFakeDub({ rateLimit: { limit: 10, windowMs: 1_000 } });
const server = await fake.listen();
const dub = new Dub({ serverURL: server.url, token: "dub_demo_key" });

try {
  section("1. Enroll a partner (POST /partners)");
  const partner = await dub.partners.create({
    email: "kim@example.com",
    name: "Kim Lee",
    username: "kimlee",
    tenantId: "user_42",
    country: "US",
  });
  show("partner id", partner.id);
  show("status", partner.status);
  show("default link", partner.links?.[0]?.shortLink ?? "(none)");

  section("2. Create a link for them (POST /partners/links)");
  const link = await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com/pricing", key: "kim-pricing" });
  show("short link", link.shortLink);
  show("destination", link.url);

  section("3. Upsert the same URL twice (PUT /partners/links/upsert)");
  const first = await dub.partners.upsertLink({ partnerId: partner.id, url: "https://acme.com/blog" });
  const second = await dub.partners.upsertLink({ partnerId: partner.id, url: "https://acme.com/blog" });
  show("first", `${first.id} ${first.shortLink}`);
  show("second", `${second.id} ${second.shortLink}`);
  show("same link back", String(first.id === second.id));

  section("4. A typed error: the key is taken (409)");
  try {
    await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com/pricing", key: "kim-pricing" });
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    show("caught", `${error.name} (${error.statusCode} ${error.code})`);
    show("message", error.message);
  }

  section("5. Rate limited: 25 calls against 10 per second");
  const before = fake.requests.length;
  const started = Date.now();
  const burst = await Promise.all(
    Array.from({ length: 25 }, (_, i) => dub.partners.upsertLink({ partnerId: partner.id, url: `https://acme.com/p/${i}` })),
  );
  const sent = fake.requests.slice(before);
  const limited = sent.length - burst.length;
  show("calls that succeeded", `${burst.length} of 25`);
  show("429s ridden out", `${limited} (waited as Retry-After said, in epoch ms)`);
  show("took", `${Date.now() - started} ms`);

  section("6. No duplicate links: a 500 after the server created one");
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // a fresh rate-limit window
  const linksBefore = fake.links().length;
  fake.inject(errorReply("internal_server_error"), { route: "POST /partners/links", afterEffect: true });
  try {
    await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com/careers" });
  } catch (error) {
    if (!(error instanceof InternalServerError)) throw error;
    show("caught", `${error.name} (${error.statusCode}), not retried`);
  }
  show("links created", String(fake.links().length - linksBefore));

  section("7. A passing 503 on an idempotent call is retried");
  fake.inject({ status: 503, headers: { "content-type": "text/html" }, body: "<h1>Service Unavailable</h1>" }, { route: "PUT /partners/links/upsert" });
  const again = await dub.partners.upsertLink({ partnerId: partner.id, url: "https://acme.com/blog" });
  show("result", `${again.shortLink} (same link: ${again.id === first.id})`);

  section("On the fake server now");
  show("partners", String(fake.partners().length));
  show("links", String(fake.links().length));
  show("requests received", String(fake.requests.length));
} finally {
  await dub.close();
  await server.close();
}
