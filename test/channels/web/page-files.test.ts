import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { registerWebChat } from "../../../src/http/routes/web-chat.ts";
import { ROOT } from "../../helpers/process.ts";

const PUBLIC = join(ROOT, "src", "channels", "web", "public");
const served = async () => {
  const app = Fastify();
  registerWebChat(app, "phường <Thử> Nghiệm");
  await app.ready();
  return app;
};
/** The paths the service worker keeps for offline use (its SHELL list). */
const shell = (): string[] => {
  const source = readFileSync(join(PUBLIC, "sw.js"), "utf8");
  const list = /const SHELL = \[([\s\S]*?)\];/.exec(source)?.[1] ?? "";
  return [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? "");
};

describe("the web chat's files", () => {
  it("serves the page with the ward's name escaped, and every file with its type, no CDN, revalidated each load", async () => {
    const app = await served();
    const page = await app.inject({ url: "/" });
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.body).toContain("phường &#60;Thử&#62; Nghiệm");
    expect(page.body).not.toContain("<Thử>");
    expect(page.body).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    const types: Record<string, string> = {
      "/chat.js": "text/javascript; charset=utf-8",
      "/sw.js": "text/javascript; charset=utf-8",
      "/chat.css": "text/css; charset=utf-8",
      "/manifest.webmanifest": "application/manifest+json; charset=utf-8",
      "/icon.svg": "image/svg+xml",
      "/icon-192.png": "image/png",
    };
    for (const [url, type] of Object.entries(types)) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers["content-type"], url).toBe(type);
      expect(response.headers["cache-control"], url).toBe("no-cache");
    }
    const png = await app.inject({ url: "/icon-512.png" });
    expect(png.rawPayload.equals(readFileSync(join(PUBLIC, "icon-512.png")))).toBe(true);
    await app.close();
  });

  it("has a manifest that lets the page be added to the home screen, with 192 and 512 px icons that exist", async () => {
    const app = await served();
    const manifest = (await app.inject({ url: "/manifest.webmanifest" })).json() as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      lang: string;
      icons: { src: string; sizes: string; type: string }[];
    };
    expect(manifest).toMatchObject({ start_url: "/", display: "standalone", lang: "vi" });
    expect(manifest.short_name.length).toBeLessThanOrEqual(12);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of manifest.icons) {
      const response = await app.inject({ url: icon.src });
      expect(response.statusCode, icon.src).toBe(200);
      if (icon.type === "image/png") {
        const [w, h] = icon.sizes.split("x").map(Number);
        expect(response.rawPayload.readUInt32BE(16), icon.src).toBe(w); // PNG IHDR width
        expect(response.rawPayload.readUInt32BE(20), icon.src).toBe(h);
      }
    }
    await app.close();
  });

  it("keeps every file the page loads in the service worker's offline shell", () => {
    const kept = shell();
    const modules = readdirSync(PUBLIC).filter((f) => f.endsWith(".js") && f !== "sw.js");
    for (const file of ["chat.css", "manifest.webmanifest", "icon.svg", ...modules])
      expect(kept, file).toContain(`/${file}`);
    expect(kept).toContain("/");
    // Each module's imports are served files too.
    for (const file of modules) {
      const source = readFileSync(join(PUBLIC, file), "utf8");
      for (const [, imported] of source.matchAll(/from "\.\/([^"]+)"/g)) expect(modules).toContain(imported);
    }
  });
});
