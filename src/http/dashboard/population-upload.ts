import { readFile } from "node:fs/promises";
import type { FastifyInstance } from "fastify";
import { dashboardFrame, populationText } from "../../catalog/dashboard.ts";
import { describeScope } from "../../organizer/roles.ts";
import type { DashboardDeps } from "./deps.ts";
import { BASE, messagePage, sendHtml } from "./layout.ts";
import { MAX_CSV_BYTES, renderPopulationResult } from "./population-page.ts";
import { organizerOfRequest } from "./session.ts";

const TEMPLATE = new URL("../../../scripts/templates/dan-so.csv", import.meta.url);
/** Form encoding writes most CSV bytes (commas, line breaks, accents) as %XX: up to three times the file. */
const BODY_LIMIT = 3 * MAX_CSV_BYTES + 1024;

/** POST /quan-tri/dan-so (ward-scope organizers import the population) and GET /quan-tri/dan-so-mau.csv. */
export function registerPopulationUpload(app: FastifyInstance, deps: DashboardDeps): void {
  const now = deps.now ?? (() => new Date());

  app.post<{ Body: Record<string, string> | undefined }>(
    "/dan-so",
    { bodyLimit: BODY_LIMIT },
    async (request, reply) => {
      const organizer = organizerOfRequest(request);
      const scopeLabel = describeScope(organizer.scope);
      if (!organizer.scope.ward)
        return sendHtml(
          reply,
          403,
          messagePage(deps.wardName, populationText.notWardScope.title, populationText.notWardScope.message, {
            href: BASE,
            label: dashboardFrame.backToDashboard,
          }),
        );
      const csv = typeof request.body?.csv === "string" ? request.body.csv : "";
      if (Buffer.byteLength(csv) > MAX_CSV_BYTES) {
        const errors = [{ line: 1, message: dashboardFrame.fileTooLarge }];
        return sendHtml(reply, 400, renderPopulationResult(deps.wardName, scopeLabel, { errors, csv: "" }));
      }
      const result = await deps.reports.importPopulation(csv, now());
      if (!result.ok)
        return sendHtml(
          reply,
          400,
          renderPopulationResult(deps.wardName, scopeLabel, { errors: result.errors, csv }),
        );
      request.log.info(
        { event: "population-imported", tos: result.population.tos.length },
        "population imported",
      );
      return sendHtml(
        reply,
        200,
        renderPopulationResult(deps.wardName, scopeLabel, { imported: result.population.tos.length }),
      );
    },
  );

  app.get("/dan-so-mau.csv", async (_request, reply) => {
    const template = (await readFile(TEMPLATE, "utf8")).replace(/^\uFEFF/, "");
    return reply
      .header("content-type", "text/csv; charset=utf-8")
      .header("content-disposition", `attachment; filename="dan-so-mau.csv"`)
      .send(`\uFEFF${template}`); // the BOM makes Excel read the Vietnamese as UTF-8
  });
}
