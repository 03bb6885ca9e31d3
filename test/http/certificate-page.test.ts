import Fastify, { type FastifyInstance } from "fastify";
import qrcode from "qrcode-generator";
import { describe, expect, it } from "vitest";
import { registerCertificatePage } from "../../src/http/routes/certificate-page.ts";
import { GROUP_LABELS } from "../../src/knowledge/group-labels.ts";
import type { Curriculum } from "../../src/knowledge/types.ts";
import { type Certificate, Certificates, shortKey } from "../../src/learning/certificates.ts";
import { certKey } from "../../src/learning/record-keys.ts";
import type { Store } from "../../src/storage/store.ts";
import { tempStore, testCurriculum } from "../helpers/core.ts";

const PUBLIC_URL = "https://hocvuso.example.vn";
const NOTE =
  "Đây là ghi nhận học tập của phường. Việc xác nhận chính thức trên toàn quốc thực hiện trên VNeID, " +
  "theo hướng dẫn của phường và nền tảng binhdanhocvuso.gov.vn.";
const NOW = new Date("2026-03-14T03:00:00Z");

interface Setup {
  app: FastifyInstance;
  store: Store;
  certificates: Certificates;
  curriculum: Curriculum;
  issue: (details?: Partial<Pick<Certificate, "name" | "to">>, personId?: string) => Promise<Certificate>;
}

async function setup(options: { publicUrl?: string; store?: Store } = {}): Promise<Setup> {
  const store = options.store ?? (await tempStore());
  const curriculum = await testCurriculum();
  const certificates = new Certificates(store, "test-secret");
  const app = Fastify();
  registerCertificatePage(app, {
    certificates,
    curriculum,
    wardName: "phường Thử Nghiệm",
    publicUrl: options.publicUrl ?? PUBLIC_URL,
  });
  await app.ready();
  return {
    app,
    store,
    certificates,
    curriculum,
    issue: async (details = {}, personId = "web:lan") =>
      (
        await certificates.issue(
          personId,
          {
            name: "Nguyễn Thị Lan",
            group: "nguoi-dan",
            to: "Tổ 5",
            modules: curriculum.paths.groups["nguoi-dan"].required,
            ...details,
          },
          NOW,
        )
      ).certificate,
  };
}

const get = (app: FastifyInstance, url: string) => app.inject({ method: "GET", url });
const canonicalUrl = (c: Certificate) => `${PUBLIC_URL}/chung-nhan/${c.id}?k=${shortKey(c)}`;

/** The dark modules drawn by the page's SVG, as "row,col" (the first square drawn is the top-left finder corner). */
function svgModules(svg: string, moduleCount: number): Set<string> {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const d = /<path d="([^"]+)"/.exec(svg)?.[1] ?? "";
  const corners = [...d.matchAll(/M(\d+),(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  const margin = corners[0]?.[0] ?? 0;
  const cell = (size - 2 * margin) / moduleCount;
  return new Set(corners.map(([x, y]) => `${(y - margin) / cell},${(x - margin) / cell}`));
}

function expectedModules(text: string): { count: number; dark: Set<string> } {
  const qr = qrcode(0, "M");
  qr.addData(text);
  qr.make();
  const count = qr.getModuleCount();
  const dark = new Set<string>();
  for (let r = 0; r < count; r++) for (let c = 0; c < count; c++) if (qr.isDark(r, c)) dark.add(`${r},${c}`);
  return { count, dark };
}

describe("certificate verification page", () => {
  it("shows a valid certificate with every field, a green Hợp lệ status and the ward's note", async () => {
    const { app, issue, curriculum } = await setup();
    const cert = await issue();
    const res = await get(app, `/chung-nhan/${cert.id}?k=${shortKey(cert)}`);

    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain("Chứng nhận học tập — Bình dân học vụ số");
    expect(html).toContain("Phường Thử Nghiệm");
    expect(html).toContain(cert.id);
    expect(html).toContain("Nguyễn Thị Lan");
    expect(html).toContain(GROUP_LABELS["nguoi-dan"]);
    expect(html).toContain("Tổ 5");
    expect(html).toContain("14/03/2026");
    expect(cert.modules.length).toBeGreaterThan(0);
    for (const slug of cert.modules) {
      const title = curriculum.modules.find((m) => m.slug === slug)?.title as string;
      expect(html).toContain(`<li>${title.replace(/&/g, "&#38;")}</li>`);
    }
    expect(html).toMatch(/class="status valid"[^>]*>✓ Hợp lệ/);
    expect(html).toContain(NOTE);
    expect(html).toContain(shortKey(cert));
    expect(html).toContain("In chứng nhận");
    expect(html).toContain("Dùng chức năng In của trình duyệt");
    expect(html).not.toContain("Đã thu hồi");
  });

  it("accepts the number in lower case with its key, and shows the canonical link", async () => {
    const { app, issue } = await setup();
    const cert = await issue();
    const res = await get(app, `/chung-nhan/${cert.id.toLowerCase()}?k=${shortKey(cert)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("✓ Hợp lệ");
    expect(res.body).toContain(canonicalUrl(cert));
  });

  it("shows nothing about anyone for a number without its key, an empty key or a key array", async () => {
    const { app, issue } = await setup();
    const cert = await issue();
    for (const path of [
      `/chung-nhan/${cert.id}`,
      `/chung-nhan/${cert.id}?k=`,
      `/chung-nhan/${cert.id}?k[]=`,
    ]) {
      const res = await get(app, path);
      expect(res.statusCode, path).toBe(404);
      expect(res.body, path).not.toContain(cert.name);
    }
  });

  it("draws a QR code that encodes exactly the canonical verification link", async () => {
    const { app, issue } = await setup({ publicUrl: `${PUBLIC_URL}/` });
    const cert = await issue();
    const html = (await get(app, `/chung-nhan/${cert.id}?k=${shortKey(cert)}`)).body;

    expect(html).toContain(canonicalUrl(cert)); // the trailing slash of PUBLIC_URL is not doubled
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    expect(svg).toContain("<path");
    const expected = expectedModules(canonicalUrl(cert));
    expect(svgModules(svg, expected.count)).toEqual(expected.dark);
    expect(svgModules(svg, expected.count)).not.toEqual(
      expectedModules(`${PUBLIC_URL}/chung-nhan/${cert.id}?k=0000000000000000`).dark,
    );
  });

  it("shows a revoked certificate in red with the date and reason, and never as Hợp lệ", async () => {
    const { app, issue, certificates } = await setup();
    const cert = await issue();
    await certificates.revoke(cert.id, "Cấp nhầm người", new Date("2026-04-02T20:00:00Z"));
    const res = await get(app, `/chung-nhan/${cert.id}?k=${shortKey(cert)}`);

    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/class="status revoked"[^>]*>✗ Đã thu hồi/);
    expect(res.body).toContain("Cấp nhầm người");
    expect(res.body).toContain("03/04/2026"); // 20:00 UTC is the next morning in Vietnam
    expect(res.body).toContain("Nguyễn Thị Lan");
    expect(res.body).toContain(cert.id);
    expect(res.body).not.toContain("Hợp lệ");
    expect(res.body).not.toContain("<svg");
    expect(res.body).not.toContain("In chứng nhận");
  });

  it("still says Đã thu hồi, with no name, after the holder of a revoked certificate erased their data", async () => {
    const { app, issue, certificates } = await setup();
    const cert = await issue();
    await certificates.revoke(cert.id, "Cấp nhầm người", new Date("2026-04-02T20:00:00Z"));
    await certificates.erase(cert.personId);
    const res = await get(app, `/chung-nhan/${cert.id}?k=${shortKey(cert)}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/class="status revoked"[^>]*>✗ Đã thu hồi/);
    expect(res.body).toContain("03/04/2026");
    expect(res.body).not.toContain("Nguyễn Thị Lan");
    expect((await get(app, `/chung-nhan/${cert.id}?k=0000000000000000`)).statusCode).toBe(404);
  });

  it("answers 404 'not found' for a wrong key, a tampered record, an unknown or a malformed number", async () => {
    const { app, issue, store } = await setup();
    const cert = await issue();
    const other = await issue({ name: "Trần Văn Bình" }, "web:binh");
    // Tampering goes around the owner on purpose (an edited database); the key is still the owner's own.
    await store.hset(certKey(other.id), { name: "Người khác" });

    const urls = [
      `/chung-nhan/${cert.id}?k=${shortKey(other)}`,
      `/chung-nhan/${cert.id}?k=`,
      `/chung-nhan/${cert.id}?k=${shortKey(cert)}&k=${shortKey(cert)}`,
      `/chung-nhan/${other.id}`,
      `/chung-nhan/${other.id}?k=${shortKey(other)}`,
      "/chung-nhan/HVS-26-ZZZZZZ",
      "/chung-nhan/..%2F..%2Fetc",
      `/chung-nhan/HVS-26-${"A".repeat(60)}`,
    ];
    for (const url of urls) {
      const res = await get(app, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers["content-type"], url).toBe("text/html; charset=utf-8");
      expect(res.body, url).toContain("Không tìm thấy chứng nhận hợp lệ");
      expect(res.body, url).toContain("gõ sai");
      expect(res.body, url).not.toContain("Hợp lệ");
      for (const leak of ["Nguyễn Thị Lan", "Người khác", "Trần Văn Bình", "Tổ 5", "<svg", "Error"])
        expect(res.body, url).not.toContain(leak);
    }
    expect((await get(app, "/chung-nhan/../../etc")).statusCode).toBe(404);
  });

  it("renders a name with markup as text", async () => {
    const { app, issue } = await setup();
    const cert = await issue({ name: `<script>alert("x")</script>`, to: `<img src=x onerror=alert(1)>` });
    const html = (await get(app, `/chung-nhan/${cert.id}?k=${shortKey(cert)}`)).body;
    expect(html).toContain("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;");
    expect(html).toContain("&#60;img src=x onerror=alert(1)&#62;");
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
    expect(html.match(/<script>/g)?.length).toBe(1); // only the print button's own script
  });

  it("sends strict headers: HTML, a CSP without unsafe-inline, noindex, no-store, no-referrer", async () => {
    const { app, issue } = await setup();
    const cert = await issue();
    for (const url of [`/chung-nhan/${cert.id}?k=${shortKey(cert)}`, "/chung-nhan/HVS-26-ZZZZZZ"]) {
      const res = await get(app, url);
      expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
      const csp = String(res.headers["content-security-policy"]);
      expect(csp).toContain("default-src 'none'");
      expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe");
      expect(res.headers["x-robots-tag"]).toContain("noindex");
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(res.headers["referrer-policy"]).toBe("no-referrer");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  it("answers 503 with a plain page, not a stack trace, when the store fails", async () => {
    const store = await tempStore();
    const { app, issue } = await setup({ store });
    const cert = await issue();
    store.hgetall = async () => {
      throw new Error("ECONNREFUSED secret-detail");
    };
    const res = await get(app, `/chung-nhan/${cert.id}?k=${shortKey(cert)}`);
    expect(res.statusCode).toBe(503);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.body).toContain("Tạm thời chưa kiểm tra được");
    expect(res.body).not.toContain("secret-detail");
    expect(res.body).not.toContain("Hợp lệ");
  });
});
