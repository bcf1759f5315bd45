// A grouped bar chart of requests/s per client at c=1 and c=32, as hand-written SVG text.
import { CLIENTS } from "./clients.mjs";

const escape = (text) => String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const NAMES = {
  "raw-undici": ["raw undici", "(no validation)"],
  "raw-fetch": ["raw fetch", "(no validation)"],
  official: ["official dub SDK", ""],
  "ours-undici": ["dub-partners", "undici transport"],
  "ours-fetch": ["dub-partners", "fetch transport"],
};

/** Rounds `max` up to a readable axis end and returns the tick step. */
function axis(max) {
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough || 1));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= rough);
  return { step, end: Math.ceil(max / step) * step };
}

/** The chart of one workload (`conversions`, `partners`) of a report. */
export function renderChart(report, workload) {
  const summary = report.summary[workload];
  const width = 860;
  const height = 470;
  const margin = { top: 78, right: 24, bottom: 78, left: 78 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const series = [
    { c: 1, color: "#4C78A8", label: "concurrency 1" },
    { c: 32, color: "#F58518", label: "concurrency 32" },
  ];
  const values = CLIENTS.flatMap((client) => series.map(({ c }) => summary[client][c].rps));
  const { step, end } = axis(Math.max(...values));
  const y = (v) => margin.top + plotH - (v / end) * plotH;
  const groupW = plotW / CLIENTS.length;
  const barW = Math.min(56, (groupW - 28) / series.length);

  const out = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif" role="img" aria-labelledby="title desc">`,
    `<title id="title">Requests per second by client at concurrency 1 and 32: ${escape(workload)}</title>`,
    `<desc id="desc">${escape(`Median of ${report.config.rounds} rounds against a loopback HTTP/1.1 server; ${report.machine.cpu}, Node ${report.machine.node}.`)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="30" font-size="18" font-weight="600" fill="#222">Requests per second, ${escape(workload)} (higher is better)</text>`,
    `<text x="${margin.left}" y="50" font-size="12" fill="#555">${escape(`Median of ${report.config.rounds} interleaved rounds, ${report.config.mixes[workload]}, loopback server; ${report.machine.cpu}, Node ${report.machine.node}, ${report.date.slice(0, 10)}`)}</text>`,
  );
  for (let v = 0; v <= end + 1e-9; v += step) {
    const yy = y(v).toFixed(1);
    out.push(
      `<line x1="${margin.left}" x2="${width - margin.right}" y1="${yy}" y2="${yy}" stroke="${v === 0 ? "#444" : "#e2e2e2"}" stroke-width="1"/>`,
      `<text x="${margin.left - 8}" y="${yy}" dy="4" font-size="11" fill="#555" text-anchor="end">${Math.round(v).toLocaleString("en-US")}</text>`,
    );
  }
  out.push(
    `<text transform="translate(20 ${margin.top + plotH / 2}) rotate(-90)" font-size="12" fill="#444" text-anchor="middle">requests / s</text>`,
  );
  CLIENTS.forEach((client, i) => {
    const groupX = margin.left + i * groupW;
    const start = groupX + (groupW - barW * series.length - 6) / 2;
    series.forEach(({ c, color }, j) => {
      const v = summary[client][c].rps;
      const x = start + j * (barW + 6);
      const top = y(v);
      out.push(
        `<rect x="${x.toFixed(1)}" y="${top.toFixed(1)}" width="${barW.toFixed(1)}" height="${(margin.top + plotH - top).toFixed(1)}" fill="${color}"><title>${escape(`${client}, c=${c}: ${Math.round(v)} req/s`)}</title></rect>`,
        `<text x="${(x + barW / 2).toFixed(1)}" y="${(top - 5).toFixed(1)}" font-size="11" fill="#222" text-anchor="middle">${Math.round(v).toLocaleString("en-US")}</text>`,
      );
    });
    const [name, detail] = NAMES[client] ?? [client, ""];
    const cx = (groupX + groupW / 2).toFixed(1);
    out.push(`<text x="${cx}" y="${margin.top + plotH + 20}" font-size="12" font-weight="600" fill="#222" text-anchor="middle">${escape(name)}</text>`);
    if (detail) out.push(`<text x="${cx}" y="${margin.top + plotH + 36}" font-size="11" fill="#555" text-anchor="middle">${escape(detail)}</text>`);
  });
  const legendY = height - 18;
  series.forEach(({ color, label }, j) => {
    const x = margin.left + j * 150;
    out.push(
      `<rect x="${x}" y="${legendY - 10}" width="12" height="12" fill="${color}"/>`,
      `<text x="${x + 18}" y="${legendY}" font-size="12" fill="#333">${escape(label)}</text>`,
    );
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
