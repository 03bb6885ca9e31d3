import type { FastifyInstance, FastifyReply } from "fastify";
import type { Curriculum } from "../../knowledge/types.ts";
import { type Certificates, shortKey, type Verification } from "../../learning/certificates.ts";
import {
  CERTIFICATE_PAGE_CSP,
  type CertificateView,
  renderCertificatePage,
} from "./certificate-page-html.ts";

export interface CertificatePageDeps {
  /** Verifies id, signature and printed key against the store. */
  certificates: Pick<Certificates, "verify">;
  /** Only the module titles are used. */
  curriculum: Pick<Curriculum, "modules">;
  wardName: string;
  /** Public base address; the QR code encodes `${publicUrl}/chung-nhan/<id>?k=<key>`. */
  publicUrl: string;
}

const MAX_ID_LENGTH = 32;
const MAX_KEY_LENGTH = 128;

/**
 * GET /chung-nhan/:id?k=key — the public, printable verification page of a certificate (the key required):
 * 200 valid or revoked, 404 for anything not provably issued by the ward (unknown, malformed,
 * tampered, wrong key), 503 when the store does not answer. Always HTML, never a stack trace.
 */
export function registerCertificatePage(app: FastifyInstance, deps: CertificatePageDeps): void {
  const base = deps.publicUrl.replace(/\/+$/, "");
  const titles = new Map(deps.curriculum.modules.map((m) => [m.slug, m.title]));
  const moduleTitles = (slugs: string[]) => slugs.map((slug) => titles.get(slug) ?? slug);

  app.get<{ Params: { id: string }; Querystring: { k?: unknown } }>(
    "/chung-nhan/:id",
    async (request, reply) => {
      const id = request.params.id.trim().toUpperCase();
      const key = request.query.k;
      // The key printed beside the QR code is required: a bare number shows nothing about anyone.
      if (id.length > MAX_ID_LENGTH || typeof key !== "string" || !key || key.length > MAX_KEY_LENGTH) {
        return send(reply, 404, { kind: "not-found" }, deps.wardName);
      }
      let verification: Verification;
      try {
        verification = await deps.certificates.verify(id, key);
      } catch {
        request.log.error({ code: "certificate-verify-failed" }, "certificate verification failed");
        return send(reply, 503, { kind: "unavailable" }, deps.wardName);
      }
      if (verification.status === "invalid") return send(reply, 404, { kind: "not-found" }, deps.wardName);
      if (verification.status === "withdrawn")
        return send(reply, 200, { kind: "withdrawn", id, revokedAt: verification.revokedAt }, deps.wardName);
      const { certificate } = verification;
      if (verification.status === "revoked") {
        const view = {
          kind: "revoked",
          certificate,
          moduleTitles: moduleTitles(certificate.modules),
        } as const;
        return send(reply, 200, view, deps.wardName);
      }
      const k = shortKey(certificate);
      return send(
        reply,
        200,
        {
          kind: "valid",
          certificate,
          moduleTitles: moduleTitles(certificate.modules),
          verifyUrl: `${base}/chung-nhan/${certificate.id}?k=${k}`,
        },
        deps.wardName,
      );
    },
  );
}

function send(reply: FastifyReply, status: number, view: CertificateView, wardName: string) {
  return reply
    .code(status)
    .header("content-type", "text/html; charset=utf-8")
    .header("content-security-policy", CERTIFICATE_PAGE_CSP)
    .header("x-robots-tag", "noindex, nofollow")
    .header("cache-control", "no-store")
    .header("referrer-policy", "no-referrer")
    .header("x-content-type-options", "nosniff")
    .send(renderCertificatePage(view, wardName));
}
