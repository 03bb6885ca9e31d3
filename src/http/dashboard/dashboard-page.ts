import { dashboardFrame } from "../../catalog/dashboard.ts";
import {
  reportColumns as col,
  reportVerdicts,
  reportPageText as T,
  targetsText,
} from "../../catalog/dashboard-report.ts";
import {
  type Cell,
  formatCell,
  NO_POPULATION,
  type PresentedReport,
  SMALL,
  type Table,
} from "../../organizer/reports/present.ts";
import type { ReportRange } from "../../organizer/reports/range.ts";
import { percentBarChart, trendChart } from "./charts.ts";
import { BASE, escapeHtml, renderPage } from "./layout.ts";
import { populationSection } from "./population-page.ts";

/** The plan's certification target for adults (section III): above 90% of the population. */
const CERT_TARGET = 90;

export interface DashboardView {
  wardName: string;
  /** "cả phường" or the organizer's tổ. */
  scopeLabel: string;
  /** What the date inputs show. */
  form: { from: string; to: string };
  /** Today in Vietnam, `YYYY-MM-DD` (for the presets). */
  today: string;
  /** The report, or an error instead of any number. */
  result: { report: PresentedReport; range: ReportRange } | { error: string };
  /** Shows the population import (ward-scope organizers). */
  population: boolean;
}

/** The dashboard: period form, targets, charts, tables, downloads and (ward scope) the population import. */
export function renderDashboard(view: DashboardView): string {
  const parts = [rangeSection(view)];
  if ("error" in view.result) {
    parts.push(`<section><p class="error" role="alert">${escapeHtml(view.result.error)}</p></section>`);
  } else {
    const { report, range } = view.result;
    parts.push(
      headingSection(report, range),
      targetsSection(report.targets),
      `<section><h2>${T.certifiedByTo}</h2>${certifiedChart(report.byTo)}</section>`,
      trendSection(report.trend),
      wideSection(report.byTo, "by-to", true),
      wideSection(report.byGroup, "by-group"),
      activitySection(report.activity),
      `<section><h2>${T.notes}</h2><ul class="notes">${report.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul></section>`,
    );
  }
  if (view.population) parts.push(populationSection());
  parts.push(
    `<section aria-labelledby="contacts-link-h"><h2 id="contacts-link-h">${T.contactsHeading}</h2><p>${T.contactsHint}</p><p><a class="btn light" href="${BASE}/lien-he">${T.contactsLink}</a></p></section>`,
  );
  return renderPage({
    title: T.pageTitle,
    wardName: view.wardName,
    signedIn: { scope: view.scopeLabel },
    body: parts.join("\n"),
    script: view.population,
  });
}

const query = (range: ReportRange) =>
  `from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`;

function rangeSection(view: DashboardView): string {
  const year = Number(view.today.slice(0, 4));
  const min = (a: string, b: string) => (a < b ? a : b);
  const presets: [string, ReportRange][] = [
    [T.presets.halfYear, { from: `${year}-01-01`, to: min(`${year}-05-15`, view.today) }],
    [T.presets.wholeYear, { from: `${year}-01-01`, to: view.today }],
    [T.presets.lastYear, { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` }],
  ];
  return `<section aria-labelledby="range-h">
<h2 id="range-h">${T.rangeHeading}</h2>
<form class="range" method="get" action="${BASE}">
<div><label for="from">${T.from}</label><input type="date" id="from" name="from" value="${escapeHtml(view.form.from)}" max="${view.today}" required></div>
<div><label for="to">${T.to}</label><input type="date" id="to" name="to" value="${escapeHtml(view.form.to)}" max="${view.today}" required></div>
<button class="go" type="submit">${T.show}</button>
</form>
<div class="presets">${presets
    .map(([label, range]) => `<a class="btn light" href="${BASE}?${query(range)}">${escapeHtml(label)}</a>`)
    .join("")}</div>
</section>`;
}

function headingSection(report: PresentedReport, range: ReportRange): string {
  return `<section>
<h1>${escapeHtml(report.title)}</h1>
<p class="meta">${dashboardFrame.scope}: <b>${escapeHtml(report.scope)}</b></p>
<p class="meta">${T.period}: <b>${escapeHtml(report.period)}</b></p>
<div class="downloads">
<a class="btn" href="${BASE}/bao-cao.csv?${query(range)}">${T.downloadCsv}</a>
<a class="btn" href="${BASE}/bao-cao.xlsx?${query(range)}">${T.downloadExcel}</a>
</div>
</section>`;
}

/** A value cell: right-aligned, numbers in vi-VN form, "< 5" marked as hidden. */
function td(cell: Cell | undefined): string {
  if (cell === undefined) return "<td></td>";
  if (cell === SMALL) return `<td class="n small" title="${T.hiddenTitle}">${escapeHtml(SMALL)}</td>`;
  if (cell === NO_POPULATION || cell === "—") return `<td class="n small">${escapeHtml(cell)}</td>`;
  return `<td class="n">${escapeHtml(formatCell(cell))}</td>`;
}

const column = (table: Table, name: string) => table.columns.indexOf(name);

function targetsSection(targets: Table): string {
  const at = (row: Cell[], name: string) => row[column(targets, name)];
  /** A cell that, on a phone, becomes a labelled box of the target's card. */
  const cell = (label: string, cls: string, content: string) =>
    `<td class="${cls}" data-label="${label}">${content}</td>`;
  const rows = targets.rows.map((row) => {
    const verdict = String(at(row, col.verdict) ?? "");
    const badge =
      verdict === reportVerdicts.met ? "met" : verdict === reportVerdicts.unmet ? "unmet" : "nodata";
    const value = at(row, col.percent);
    const gap = at(row, col.gap);
    const needed = at(row, col.needed);
    const count = targetsText.people(
      formatCell(at(row, col.met) ?? ""),
      formatCell(at(row, col.outOf) ?? ""),
    );
    const shown = (c: Cell | undefined, suffix: string) =>
      typeof c === "number"
        ? escapeHtml(`${formatCell(c)}${suffix}`)
        : `<span class="small"${c === SMALL ? ` title="${T.hiddenTitle}"` : ""}>${escapeHtml(String(c ?? "—"))}</span>`;
    const gapText =
      typeof gap === "number"
        ? `${shown(gap, "")}<span class="sub">${targetsText.needMore(escapeHtml(formatCell(needed ?? "")))}</span>`
        : shown(gap, "");
    return [
      "<tr>",
      `<td class="t-label">${escapeHtml(String(row[0] ?? ""))}<span class="sub">${escapeHtml(String(at(row, col.method) ?? ""))}: ${escapeHtml(count)}</span></td>`,
      cell(targetsText.reached, "n t-value", shown(value, "%")),
      cell(targetsText.target, "n t-target", `${escapeHtml(String(at(row, col.target) ?? ""))}%`),
      cell(targetsText.gap, "n t-gap", gapText),
      `<td class="t-verdict"><span class="badge ${badge}">${escapeHtml(verdict)}</span></td>`,
      "</tr>",
    ].join("");
  });
  return `<section aria-labelledby="targets-h">
<h2 id="targets-h">${escapeHtml(targets.title)}</h2>
<table class="targets">
<thead><tr><th scope="col">${targetsText.indicator}</th><th scope="col" class="n">${targetsText.reached}</th><th scope="col" class="n">${targetsText.target}</th><th scope="col" class="n">${targetsText.gap}</th><th scope="col">${targetsText.verdict}</th></tr></thead>
<tbody>${rows.join("\n")}</tbody>
</table>
</section>`;
}

function certifiedChart(byTo: Table): string {
  const i = column(byTo, col.certifiedPercent);
  const items = byTo.rows.map((row, n) => ({
    label: String(row[0] ?? ""),
    value: row[i] ?? NO_POPULATION,
    total: n === byTo.rows.length - 1,
  }));
  return `<figure class="chart">${percentBarChart(items, CERT_TARGET, "chart-to")}
<figcaption>${T.certifiedCaption(CERT_TARGET)}</figcaption></figure>`;
}

function trendSection(trend: Table): string {
  const months = trend.rows.map((row) => String(row[0] ?? ""));
  const chart = months.length
    ? trendChart(
        months,
        [
          { label: T.trendSeries.enrolled, values: trend.rows.map((row) => row[1] ?? SMALL), color: "blue" },
          {
            label: T.trendSeries.certified,
            values: trend.rows.map((row) => row[2] ?? SMALL),
            color: "green",
          },
        ],
        "chart-trend",
      )
    : `<p>${T.noData}</p>`;
  return `<section aria-labelledby="trend-h">
<h2 id="trend-h">${escapeHtml(trend.title)}</h2>
<figure class="chart">${chart}</figure>
<details><summary>${T.monthlyTable}</summary>${plainTable(trend)}</details>
</section>`;
}

/** A table in its own scrolling box, named apart from its section (two landmarks must not share a name). */
function plainTable(table: Table, options: { wide?: boolean; totalLast?: boolean } = {}): string {
  const head = table.columns
    .map((c, i) => `<th scope="col"${i > 0 ? ` class="n"` : ""}>${escapeHtml(c)}</th>`)
    .join("");
  const body = table.rows
    .map((row, r) => {
      const total = options.totalLast && r === table.rows.length - 1;
      const cells = row.map((cell, i) =>
        i === 0 ? `<th scope="row">${escapeHtml(String(cell))}</th>` : td(cell),
      );
      return `<tr${total ? ` class="total"` : ""}>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<div class="scroll" role="region" aria-label="${T.tableRegion(escapeHtml(table.title))}" tabindex="0"><table${options.wide ? ` class="wide"` : ""}>
<thead><tr>${head}</tr></thead>
<tbody>${body}</tbody>
</table></div>`;
}

function wideSection(table: Table, id: string, totalLast = false): string {
  return `<section aria-labelledby="${id}-h">
<h2 id="${id}-h">${escapeHtml(table.title)}</h2>
<p class="hint">${T.swipe}</p>
${plainTable(table, { wide: true, totalLast })}
</section>`;
}

function activitySection(activity: Table): string {
  return `<section aria-labelledby="activity-h">
<h2 id="activity-h">${escapeHtml(activity.title)}</h2>
${plainTable(activity)}
</section>`;
}
