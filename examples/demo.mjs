// A walk through dub-partners against the fake Dub Partners API that ships in the package:
// no API key, no network. Run it with `npm run demo`.
//
// Part one runs a partner program end to end: enroll a partner, give them a link, a visitor
// clicks it, signs up (a lead) and pays (a sale), the partner earns a commission, it is corrected,
// processed into a payout, and the webhook events of all that arrive signed at a local receiver.
// Part two shows what the SDK does when things go wrong: typed errors, rate limits, lost answers.
import { createServer } from "node:http";
import { Conflict, Dub, InternalServerError } from "dub-partners";
import { createFakeDub, errorReply } from "dub-partners/testing";
import { verifyWebhook } from "dub-partners/webhooks";

const section = (title) => console.log(`\n── ${title} ${"─".repeat(Math.max(0, 70 - title.length))}`);
const show = (label, value) => console.log(`  ${label.padEnd(22)} ${value}`);
const dollars = (cents) => `$${(cents / 100).toFixed(2)}`;

// The fake keeps the program in memory and answers like the real server, rate limits included:
// here 10 requests per API key per second.
const fake = createFakeDub({ rateLimit: { limit: 10, windowMs: 1_000 } });
const server = await fake.listen();
const dub = new Dub({ serverURL: server.url, token: "dub_demo_key" });

// Your webhook endpoint: it verifies each delivery's signature and keeps each event id once
// (Dub retries with the same id).
const WEBHOOK_SECRET = "whsec_0123456789abcdef0123456789abcdef";
const received = new Map();
const receiver = createServer(async (req, res) => {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  try {
    const event = await verifyWebhook(Buffer.concat(chunks).toString("utf8"), req.headers, WEBHOOK_SECRET);
    received.set(event.id, event);
    res.writeHead(200).end();
  } catch {
    res.writeHead(400).end();
  }
});
await new Promise((resolve) => receiver.listen(0, "127.0.0.1", resolve));
fake.addWebhookReceiver({ url: `http://127.0.0.1:${receiver.address().port}/webhooks/dub`, secret: WEBHOOK_SECRET });

try {
  section("1. Enroll a partner (partners.create)");
  const partner = await dub.partners.create({ email: "kim@example.com", name: "Kim Lee", username: "kimlee", tenantId: "user_42", country: "US" });
  show("partner id", partner.id);
  show("status", partner.status);
  show("default link", partner.links?.[0]?.shortLink ?? "(none)");

  section("2. Give them a link (partners.createLink)");
  const link = await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com/pricing", key: "kim-pricing" });
  show("short link", link.shortLink);
  show("destination", link.url);

  section("3. A visitor clicks it and signs up (track.lead)");
  // In production the click happens in the visitor's browser and its id arrives in the dub_id cookie.
  const { clickId } = fake.recordClick({ linkId: link.id });
  const lead = await dub.track.lead({ clickId, eventName: "Sign up", customerExternalId: "cus_ana", customerName: "Ana Silva", customerEmail: "ana@example.com" });
  show("click id", clickId);
  show("customer", `${lead.customer.externalId} (${lead.customer.email})`);

  section("4. They pay: a sale, sent with its invoiceId (track.sale)");
  // The answer is lost after the server recorded the sale: with an invoiceId the SDK repeats the
  // call, and the server answers the repeat with the first sale instead of recording another.
  fake.inject(errorReply("internal_server_error"), { route: "POST /track/sale", afterEffect: true });
  const { sale } = await dub.track.sale({ customerExternalId: "cus_ana", amount: 12_900, currency: "usd", invoiceId: "in_1001", paymentProcessor: "stripe" });
  show("sale", `${dollars(sale.amount)} for ${sale.invoiceId}`);
  show("attempts", String(fake.requests.filter((r) => r.path === "/track/sale").length));
  show("sales recorded", String(fake.customers().find((c) => c.externalId === "cus_ana").sales));

  section("5. A sale without an invoiceId is never repeated blindly");
  fake.inject(errorReply("internal_server_error"), { route: "POST /track/sale", afterEffect: true });
  try {
    await dub.track.sale({ customerExternalId: "cus_ana", amount: 2_900, currency: "usd", paymentProcessor: "stripe" });
  } catch (error) {
    if (!(error instanceof InternalServerError)) throw error;
    show("caught", `${error.name} (${error.statusCode}), not retried`);
    show("why", error.message.match(/\(not retried: (.*)\)$/)?.[1] ?? error.message);
  }
  // The first attempt did reach the server: the sale is recorded once, not twice.
  show("sales recorded", String(fake.customers().find((c) => c.externalId === "cus_ana").sales));

  section("6. The partner's commissions (commissions.list)");
  const commissions = await dub.commissions.list({ partnerId: partner.id, sortBy: "createdAt", sortOrder: "asc" });
  for (const commission of commissions) show(`${commission.type} ${commission.status}`, `${dollars(commission.earnings)} on a ${dollars(commission.amount)} sale`);

  section("7. Correct one: a partial refund (commissions.update)");
  const [first] = commissions;
  const corrected = await dub.commissions.update({ id: first.id, requestBody: { saleAmount: 9_900 } });
  show("sale amount", `${dollars(first.amount)} → ${dollars(corrected.amount)}`);
  show("earnings", `${dollars(first.earnings)} → ${dollars(corrected.earnings)}`);

  section("8. The holding period ends; the payout (payouts.list)");
  fake.processCommissions(); // what Dub's daily job does
  const [payout] = await dub.payouts.list({ partnerId: partner.id });
  show("payout", `${payout.id} ${payout.status}`);
  show("amount", dollars(payout.amount));
  fake.confirmPayouts(); // what the program owner does in the dashboard
  show("after confirming", (await dub.payouts.list({ partnerId: partner.id }))[0].status);

  section("9. Webhook events received and verified");
  await fake.webhooksSettled();
  const triggers = new Map();
  for (const event of received.values()) triggers.set(event.event, (triggers.get(event.event) ?? 0) + 1);
  for (const [trigger, count] of triggers) show(trigger, String(count));

  section("10. A typed error: the key is taken (409)");
  try {
    await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com/pricing", key: "kim-pricing" });
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    show("caught", `${error.name} (${error.statusCode} ${error.code})`);
    show("message", error.message);
  }

  section("11. Rate limited: 25 calls against 10 per second");
  await new Promise((resolve) => setTimeout(resolve, 1_000)); // a fresh rate-limit window
  const before = fake.requests.length;
  const started = Date.now();
  const burst = await Promise.all(
    Array.from({ length: 25 }, (_, i) => dub.partners.upsertLink({ partnerId: partner.id, url: `https://acme.com/p/${i}` })),
  );
  const limited = fake.requests.length - before - burst.length;
  show("calls that succeeded", `${burst.length} of 25`);
  show("429s ridden out", `${limited} (waited as Retry-After said, in epoch ms)`);
  show("took", `${Date.now() - started} ms`);

  section("12. No duplicate links: a 500 after the server created one");
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const linksBefore = fake.links().length;
  fake.inject(errorReply("internal_server_error"), { route: "POST /partners/links", afterEffect: true });
  try {
    await dub.partners.createLink({ partnerId: partner.id, url: "https://acme.com/careers" });
  } catch (error) {
    if (!(error instanceof InternalServerError)) throw error;
    show("caught", `${error.name} (${error.statusCode}), not retried`);
  }
  show("links created", String(fake.links().length - linksBefore));

  section("13. A passing 503 on an idempotent call is retried");
  fake.inject({ status: 503, headers: { "content-type": "text/html" }, body: "<h1>Service Unavailable</h1>" }, { route: "PUT /partners/links/upsert" });
  const first503 = await dub.partners.upsertLink({ partnerId: partner.id, url: "https://acme.com/blog" });
  const again = await dub.partners.upsertLink({ partnerId: partner.id, url: "https://acme.com/blog" });
  show("result", `${again.shortLink} (same link: ${again.id === first503.id})`);

  section("On the fake server now");
  show("partners", String(fake.partners().length));
  show("links", String(fake.links().length));
  show("customers", String(fake.customers().length));
  show("commissions", String(fake.commissions().length));
  show("requests received", String(fake.requests.length));
} finally {
  await dub.close();
  await server.close();
  await new Promise((resolve) => receiver.close(resolve));
}
