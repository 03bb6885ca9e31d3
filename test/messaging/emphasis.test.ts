import { describe, expect, it } from "vitest";
import { markEmphasis, stripEmphasis } from "../../src/messaging/emphasis.ts";

/** The web page's own script (plain JavaScript, no types: it is served as is). */
const webRender = new URL("../../src/channels/web/public/render.js", import.meta.url).href;
const { emphasisParts } = (await import(webRender)) as {
  emphasisParts: (text: string) => { text: string; strong: boolean }[];
};

/** The same texts, read the same way by the server's rule and the web page's. */
const CASES: [string, string][] = [
  ["Mở *VNeID* rồi chọn *Đăng nhập*", "Mở [VNeID] rồi chọn [Đăng nhập]"],
  ["2 * 3 * 4 = 24", "2 * 3 * 4 = 24"],
  ["không *đậm", "không *đậm"],
  ["*dòng\nmới*", "*dòng\nmới*"],
  ["*a* và *b c*", "[a] và [b c]"],
];

describe("emphasis in reply text", () => {
  it("marks *x* on one line with no space inside the asterisks, and nothing else", () => {
    for (const [text, marked] of CASES) expect(markEmphasis(text, (inner) => `[${inner}]`)).toBe(marked);
  });

  it("strips exactly what it would mark", () => {
    for (const [text, marked] of CASES)
      expect(stripEmphasis(text)).toBe(marked.replace(/\[([^\]]*)\]/g, "$1"));
  });

  it("is read the same way by the web page's script", () => {
    for (const [text, marked] of CASES) {
      const shown = emphasisParts(text)
        .map((p) => (p.strong ? `[${p.text}]` : p.text))
        .join("");
      expect(shown).toBe(marked);
    }
  });
});
