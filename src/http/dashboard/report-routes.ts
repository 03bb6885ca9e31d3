import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { dashboardFrame, reportRangeText } from "../../catalog/dashboard.ts";
import { reportCsv } from "../../organizer/reports/export-csv.ts";
import { reportXlsx } from "../../organizer/reports/export-xlsx.ts";
import { parseReportRange, type RangeResult } from "../../organizer/reports/range.ts";
import { describeScope } from "../../organizer/roles.ts";
import { vietnamDate } from "../../shared/vietnam-time.ts";
import { renderDashboard } from "./dashboard-page.ts";
import type { DashboardDeps } from "./deps.ts";
import { BASE, messagePage, sendHtml } from "./layout.ts";
import { organizerOfRequest } from "./session.ts";

type RangeQuery = { Querystring: { from?: unknown; to?: unknown } };

const MAX_DATE_TEXT = 20;
const text = (value: unknown) =>
  typeof value === "string" && value.trim() ? value.trim().slice(0, MAX_DATE_TEXT) : undefined;

/** What an organizer reads when the period cannot be used. */
export function rangeErrorText(result: Exclude<RangeResult, { ok: true }>): string {
  if (result.error === "end-before-start") return reportRangeText.endBeforeStart;
  return reportRangeText.unreadableDate(result.text ?? "");
}

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** GET /quan-tri (the report page) and GET /quan-tri/bao-cao.csv|.xlsx (the same report as a file). */
export function registerReportRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const now = deps.now ?? (() => new Date());

  app.get<RangeQuery>("/", async (request, reply) => {
    const organizer = organizerOfRequest(request);
    const at = now();
    const today = vietnamDate(at);
    const from = text(request.query.from);
    const to = text(request.query.to);
    const parsed = parseReportRange(from, to, at);
    const base = {
      wardName: deps.wardName,
      scopeLabel: describeScope(organizer.scope),
      today,
      population: organizer.scope.ward,
    };
    if (!parsed.ok) {
      const form = { from: from ?? "", to: to ?? "" };
      return sendHtml(
        reply,
        400,
        renderDashboard({ ...base, form, result: { error: rangeErrorText(parsed) } }),
      );
    }
    const { presented } = await deps.reports.produce(parsed.range, organizer.scope, at);
    return sendHtml(
      reply,
      200,
      renderDashboard({ ...base, form: parsed.range, result: { report: presented, range: parsed.range } }),
    );
  });

  const download = async (request: FastifyRequest<RangeQuery>, reply: FastifyReply, kind: "csv" | "xlsx") => {
    const organizer = organizerOfRequest(request);
    const at = now();
    const parsed = parseReportRange(text(request.query.from), text(request.query.to), at);
    if (!parsed.ok)
      return sendHtml(
        reply,
        400,
        messagePage(deps.wardName, reportRangeText.downloadFailed, rangeErrorText(parsed), {
          href: BASE,
          label: dashboardFrame.backToDashboard,
        }),
      );
    const { presented } = await deps.reports.produce(parsed.range, organizer.scope, at);
    const filename = `bao-cao-${parsed.range.from}-${parsed.range.to}.${kind}`;
    reply.header("content-disposition", `attachment; filename="${filename}"`);
    if (kind === "csv")
      return reply.header("content-type", "text/csv; charset=utf-8").send(reportCsv(presented));
    return reply.header("content-type", XLSX_TYPE).send(await reportXlsx(presented));
  };
  app.get<RangeQuery>("/bao-cao.csv", (request, reply) => download(request, reply, "csv"));
  app.get<RangeQuery>("/bao-cao.xlsx", (request, reply) => download(request, reply, "xlsx"));
}
