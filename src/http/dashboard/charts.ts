import { chartText } from "../../catalog/dashboard-report.ts";
import { type Cell, formatCell, NO_POPULATION, SMALL } from "../../organizer/reports/present.ts";
import { escapeHtml } from "./layout.ts";

/** Inline SVG charts drawn on the server: no script, no request, a text summary for screen readers. */

/**
 * The drawing is 300 units wide and every label is 16 units: on a 360 px phone the chart's box is about
 * 307 px, so a unit is at least a pixel and no label renders under 16 px (checked in the browser test).
 */
const W = 300;
const FONT_SIZE = 16;
const FONT = `font-family="system-ui,Segoe UI,Roboto,Noto Sans,Arial,sans-serif" font-size="${FONT_SIZE}"`;
const GREEN = "#2e8b47";
const BLUE = "#1d5fb4";
const TARGET = "#b45309";

/** Hatching for a hidden ("< 5") value. */
const hatch = (id: string) =>
  `<defs><pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8a948c" stroke-width="2"/></pattern></defs>`;

const svgOpen = (height: number, titleId: string, summary: string) =>
  `<svg role="img" aria-labelledby="${titleId}" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" ${FONT} xmlns="http://www.w3.org/2000/svg"><title id="${titleId}">${escapeHtml(summary)}</title>`;

const text = (x: number, y: number, content: string, attrs = "") =>
  `<text x="${r(x)}" y="${r(y)}" ${attrs}>${escapeHtml(content)}</text>`;

const r = (n: number) => Math.round(n * 10) / 10;

export interface BarItem {
  label: string;
  /** A percentage, SMALL or NO_POPULATION. */
  value: Cell;
  /** The scope's total row, drawn in bold. */
  total?: boolean;
}

/**
 * Horizontal bars of a percentage per tổ with the target as a dashed line. A "< 5" cell is a hatched
 * box labelled "< 5 (ẩn)", never a length; a tổ without population says so instead of a bar.
 */
export function percentBarChart(items: BarItem[], targetPercent: number, id: string): string {
  const top = 26;
  const rowH = 46;
  const barW = W - 60;
  const height = top + items.length * rowH + 22;
  const x = (percent: number) => (Math.max(0, Math.min(100, percent)) / 100) * barW;
  const summary = chartText.certifiedSummary(
    targetPercent,
    items.map((item) => `${item.label} ${describe(item.value)}`),
  );
  const parts = [svgOpen(height, `${id}-t`, summary), hatch(`${id}-h`)];
  items.forEach((item, i) => {
    const y = top + i * rowH;
    const weight = item.total ? ` font-weight="700"` : "";
    parts.push(text(0, y + 15, item.label, `fill="#1b1b1b"${weight}`));
    parts.push(`<rect x="0" y="${y + 21}" width="${barW}" height="16" fill="#eef2ee"/>`);
    if (typeof item.value === "number") {
      const end = x(item.value);
      const fill = item.total ? "#17552a" : GREEN;
      parts.push(`<rect x="0" y="${y + 21}" width="${r(Math.max(end, 1))}" height="16" fill="${fill}"/>`);
      parts.push(text(Math.min(end, barW) + 4, y + 35, `${formatCell(item.value)}%`, weight.trim()));
    } else if (item.value === SMALL) {
      parts.push(
        `<rect x="0.5" y="${y + 21.5}" width="28" height="15" fill="url(#${id}-h)" stroke="#5f6b62" stroke-dasharray="3 2"/>`,
      );
      parts.push(text(34, y + 35, chartText.hiddenBar, `fill="#444" font-style="italic"`));
    } else {
      parts.push(text(4, y + 35, String(item.value), `fill="#444" font-style="italic"`));
    }
  });
  const tx = x(targetPercent);
  const bottom = top + items.length * rowH;
  parts.push(
    `<line x1="${r(tx)}" y1="${top - 4}" x2="${r(tx)}" y2="${bottom}" stroke="${TARGET}" stroke-width="2" stroke-dasharray="4 3"/>`,
    text(
      Math.max(50, Math.min(tx, barW - 50)),
      top - 8,
      chartText.target(targetPercent),
      `fill="${TARGET}" text-anchor="middle"`,
    ),
  );
  for (const tick of [0, 50, 100])
    parts.push(text(x(tick), bottom + 17, `${tick}%`, `fill="#555" text-anchor="${anchor(tick)}"`));
  parts.push("</svg>");
  return parts.join("");
}

const anchor = (tick: number) => (tick === 0 ? "start" : tick === 100 ? "end" : "middle");

function describe(value: Cell): string {
  if (typeof value === "number") return `${formatCell(value)}%`;
  if (value === SMALL) return chartText.hiddenValue;
  return value === NO_POPULATION ? chartText.noPopulation : value;
}

export interface Series {
  label: string;
  /** One value per point: a count, or SMALL. */
  values: Cell[];
  color: "blue" | "green";
}

/**
 * A line chart of cumulative counts by month. Points hidden as "< 5" sit as hollow markers in a hatched
 * band at the bottom, joined by dashed segments; only the last value of each line is written on the chart.
 */
export function trendChart(months: string[], series: Series[], id: string): string {
  const left = 44;
  const right = 48;
  // One legend line of 22 units per series above the plot.
  const top = 16 + series.length * 22;
  const plotH = 150;
  const height = top + plotH + 26;
  const numbers = series.flatMap((s) => s.values.filter((v): v is number => typeof v === "number"));
  const { max, step } = niceScale(Math.max(5, ...numbers));
  const plotW = W - left - right;
  const plot: Plot = {
    left,
    plotW,
    px: (i) => left + (months.length === 1 ? plotW / 2 : (i / (months.length - 1)) * plotW),
    py: (v) => top + plotH - (v / max) * plotH,
  };
  const bandTop = Math.min(plot.py(5), top + plotH - 8);
  const hiddenY = (bandTop + top + plotH) / 2;
  const parts = [svgOpen(height, `${id}-t`, trendSummary(months, series)), hatch(`${id}-h`)];
  series.forEach((s, i) => {
    const ly = 12 + i * 22;
    parts.push(marker(s, 12, ly, true));
    parts.push(`<line x1="2" y1="${ly}" x2="22" y2="${ly}" stroke="${hex(s)}" stroke-width="2"/>`);
    parts.push(text(28, ly + 5, s.label));
  });
  // Grid and axis.
  for (let v = 0; v <= max; v += step) {
    parts.push(
      `<line x1="${left}" y1="${r(plot.py(v))}" x2="${left + plotW}" y2="${r(plot.py(v))}" stroke="#dde3de" stroke-width="1"/>`,
      text(left - 5, plot.py(v) + 5, formatCell(v), `fill="#555" text-anchor="end"`),
    );
  }
  if (series.some((s) => s.values.includes(SMALL)))
    parts.push(
      `<rect x="${left}" y="${r(bandTop)}" width="${plotW}" height="${r(top + plotH - bandTop)}" fill="url(#${id}-h)" opacity="0.6"/>`,
    );
  parts.push(...monthAxis(months, plot.px, top + plotH + 20), ...trendLines(series, plot, hiddenY));
  parts.push("</svg>");
  return parts.join("");
}

/** Where the trend chart draws: the plot's left edge and width, a month's x and a count's y. */
interface Plot {
  left: number;
  plotW: number;
  px: (monthIndex: number) => number;
  py: (value: number) => number;
}

/** What a screen reader hears instead of the trend chart: every value of every line. */
function trendSummary(months: string[], series: Series[]): string {
  return chartText.trendSummary(
    series.map(
      (s) =>
        `${s.label} ${s.values
          .map(
            (v, i) =>
              `${monthLabel(months[i] ?? "", "long")} ${typeof v === "number" ? formatCell(v) : chartText.hiddenPoint}`,
          )
          .join(", ")}`,
    ),
  );
}

/** The month labels under the plot at height `y`. */
function monthAxis(months: string[], px: (i: number) => number, y: number): string[] {
  const parts: string[] = [];
  const multiYear = new Set(months.map((m) => m.slice(0, 4))).size > 1;
  // Labels of 16 units need room: at most five month labels, four when they carry the year.
  const every = Math.ceil(months.length / (multiYear ? 4 : 5));
  const last = months.length - 1;
  months.forEach((m, i) => {
    // The last month is always named; a regular label too close before it gives way.
    if ((i % every === 0 && last - i >= Math.ceil(every / 2)) || i === last)
      parts.push(
        text(px(i), y, monthLabel(m, multiYear ? "year" : "short"), `fill="#555" text-anchor="middle"`),
      );
  });
  return parts;
}

/** Each series' line (dashed where a point is hidden), its markers, and its last value at the right. */
function trendLines(series: Series[], { left, plotW, px, py }: Plot, hiddenY: number): string[] {
  const parts: string[] = [];
  const ends: { y: number; s: Series; v: Cell }[] = [];
  for (const s of series) {
    const ys = s.values.map((v) => (typeof v === "number" ? py(v) : hiddenY));
    for (let i = 1; i < ys.length; i++) {
      const dashed = typeof s.values[i - 1] !== "number" || typeof s.values[i] !== "number";
      parts.push(
        `<line x1="${r(px(i - 1))}" y1="${r(ys[i - 1] ?? 0)}" x2="${r(px(i))}" y2="${r(ys[i] ?? 0)}" stroke="${hex(s)}" stroke-width="2.5"${dashed ? ` stroke-dasharray="4 3"` : ""}/>`,
      );
    }
    s.values.forEach((v, i) => {
      parts.push(marker(s, px(i), ys[i] ?? 0, typeof v === "number"));
    });
    const last = s.values.length - 1;
    if (last >= 0) ends.push({ y: ys[last] ?? 0, s, v: s.values[last] ?? SMALL });
  }
  ends.sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) {
    const prev = ends[i - 1];
    const cur = ends[i];
    if (prev && cur && cur.y - prev.y < 17) cur.y = prev.y + 17;
  }
  for (const end of ends)
    parts.push(
      text(left + plotW + 7, end.y + 5, formatCell(end.v), `font-weight="700" fill="${hex(end.s)}"`),
    );
  return parts;
}

const hex = (s: Series) => (s.color === "blue" ? BLUE : "#15803d");

function marker(s: Series, x: number, y: number, filled: boolean): string {
  const fill = filled ? hex(s) : "#fff";
  return s.color === "blue"
    ? `<circle cx="${r(x)}" cy="${r(y)}" r="4" fill="${fill}" stroke="${hex(s)}" stroke-width="2"/>`
    : `<rect x="${r(x - 4)}" y="${r(y - 4)}" width="8" height="8" fill="${fill}" stroke="${hex(s)}" stroke-width="2"/>`;
}

/** "T3", across years "T3/26", or in words "tháng 3/2026". */
function monthLabel(month: string, style: "short" | "year" | "long"): string {
  const [y = "", m = ""] = month.split("-");
  const n = Number(m);
  if (style === "long") return chartText.month(n, y);
  return style === "year" ? `T${n}/${y.slice(2)}` : `T${n}`;
}

/** A round top and step for an axis up to `value` (steps of 1, 2 or 5 × 10^k, about four of them). */
export function niceScale(value: number): { max: number; step: number } {
  const raw = value / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
  const whole = Math.max(1, Math.round(step));
  return { max: Math.ceil(value / whole) * whole, step: whole };
}
