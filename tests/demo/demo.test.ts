import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** The README's main command runs this script against the built package (`npm test` builds first). */
const demo = fileURLToPath(new URL("../../examples/demo.mjs", import.meta.url));

describe("the demo (npm run demo)", () => {
  it("runs the partner program and the failure cases against the embedded fake, with no key and no network", () => {
    const env = { ...process.env };
    delete env.DUB_API_KEY;
    delete env.DUB_BASE_URL;
    const run = spawnSync(process.execPath, [demo], { encoding: "utf8", env, timeout: 60_000 });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const out = run.stdout;
    // The program flow: enrollment, link, lead, a sale repeated once after a lost answer.
    expect(out).toMatch(/partner id\s+pn_\w+/);
    expect(out).toMatch(/short link\s+https:\/\/acme\.link\/kim-pricing/);
    expect(out).toMatch(/customer\s+cus_ana \(ana@example\.com\)/);
    expect(out).toMatch(/sale\s+\$129\.00 for in_1001\n\s+attempts\s+2\n\s+sales recorded\s+1\n/);
    // Without an invoiceId: one attempt, the reason in the error, the sale counted once.
    expect(out).toMatch(/caught\s+InternalServerError \(500\), not retried\n\s+why\s+a sale without invoiceId .*invoiceId.*\n\s+sales recorded\s+2\n/);
    // Commissions at 10 %, the correction, the payout of both, confirmed.
    expect(out).toMatch(/sale pending\s+\$12\.90 on a \$129\.00 sale\n\s+sale pending\s+\$2\.90 on a \$29\.00 sale/);
    expect(out).toMatch(/earnings\s+\$12\.90 → \$9\.90/);
    expect(out).toMatch(/payout\s+po_\w+ pending\n\s+amount\s+\$12\.80\n\s+after confirming\s+processing/);
    // The receiver verified every event of the flow.
    const webhooks = out.slice(out.indexOf("Webhook events received"), out.indexOf("10. A typed error"));
    for (const [trigger, count] of [["partner.enrolled", 1], ["link.clicked", 1], ["lead.created", 1], ["sale.created", 2], ["commission.created", 2], ["payout.confirmed", 1]] as const) {
      expect(webhooks).toMatch(new RegExp(`${trigger.replace(".", "\\.")}\\s+${count}\\n`));
    }
    // What goes wrong: a typed 409, a rate limit ridden out, no duplicate link, a 503 retried.
    expect(out).toMatch(/caught\s+Conflict \(409 conflict\)/);
    expect(out).toMatch(/calls that succeeded\s+25 of 25/);
    expect(out).toMatch(/429s ridden out\s+[1-9]\d*/);
    expect(out).toMatch(/caught\s+InternalServerError \(500\), not retried\n\s+links created\s+1\n/);
    expect(out).toMatch(/same link: true/);
  });
});
