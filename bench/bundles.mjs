// The bundles the benchmark measures (esbuild, minified ESM for browsers and workers, gzip -9):
// ours and the official SDK's, whole and per use, each given as the entry module an app would
// write. `fullClient` is the entry that calls every method of ours (scripts/check-size.mjs).

const lead = `{ clickId: "c", eventName: "Sign up", customerExternalId: "u" }`;

export function bundleCases(fullClient) {
  return [
    { id: "ours-full", label: "dub-partners (edge build), the whole client: every method called", entry: fullClient },
    {
      id: "ours-class-trackLead",
      label: "dub-partners (edge build), the client, track.lead only",
      entry: `import { Dub } from "dub-partners";\nnew Dub({ token: "x" }).track.lead(${lead});\n`,
    },
    {
      id: "ours-funcs-trackLead",
      label: "dub-partners (edge build), standalone: DubCore + trackLead",
      entry: `import { DubCore, trackLead } from "dub-partners/funcs";\ntrackLead(new DubCore({ token: "x" }), ${lead});\n`,
    },
    {
      id: "ours-webhooks",
      label: "dub-partners/webhooks (edge build), verifyWebhook alone",
      entry: `import { verifyWebhook } from "dub-partners/webhooks";\nexport { verifyWebhook };\n`,
    },
    {
      id: "official-class",
      label: "official dub SDK, the client (track.lead, track.sale, partners.create)",
      entry: `import { Dub } from "dub";\nconst dub = new Dub({ token: "x" });\nexport const calls = [dub.track.lead(${lead}), dub.track.sale({ customerExternalId: "u", amount: 1 }), dub.partners.create({ email: "a@b.co" })];\n`,
    },
    {
      id: "official-funcs-trackLead",
      label: "official dub SDK, standalone: DubCore + trackLead",
      entry: `import { DubCore } from "dub/core.js";\nimport { trackLead } from "dub/funcs/trackLead.js";\ntrackLead(new DubCore({ token: "x" }), ${lead});\n`,
    },
  ];
}
