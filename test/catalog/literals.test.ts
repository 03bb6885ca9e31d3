import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "..", "..", "src");
/** A letter only Vietnamese uses (a vowel with a tone or hat, đ): the mark of text meant for a person. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** Every string and template literal of a TypeScript source that holds Vietnamese text, with its line. */
function vietnameseLiterals(path: string, text = readFileSync(path, "utf8")): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const literal =
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node);
    if (literal && VIETNAMESE.test(node.text)) {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push(`${relative(SRC, path)}:${line} ${JSON.stringify(node.text.slice(0, 40))}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
    .map((name) => join(dir, name));
}

describe("the message catalog", () => {
  it("holds every Vietnamese string of src/: none is written anywhere else", () => {
    const outside = sourceFiles(SRC).filter((path) => !relative(SRC, path).startsWith("catalog/"));
    expect(outside.flatMap((path) => vietnameseLiterals(path))).toEqual([]);
  });

  it("finds Vietnamese in strings and templates, not in comments or regular expressions", () => {
    const sample = [
      "// Chào bạn (a comment)",
      "const pattern = /bước (\\d+)/;",
      'const plain = "hello";',
      'const said = "Xin chào";',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the sample is source code holding a template
      "const built = `Tổ ${1} đã lưu`;",
    ].join("\n");
    expect(vietnameseLiterals(join(SRC, "sample.ts"), sample)).toEqual([
      'sample.ts:4 "Xin chào"',
      'sample.ts:5 "Tổ "',
      'sample.ts:5 " đã lưu"',
    ]);
  });

  it("imports nothing from the rest of src/ (a leaf every layer may use)", () => {
    const imports = sourceFiles(join(SRC, "catalog")).flatMap((path) =>
      [...readFileSync(path, "utf8").matchAll(/from\s+"(\.[^"]+)"/g)]
        .map((m) => m[1] ?? "")
        .filter((target) => !/^\.\/[^/]+$/.test(target))
        .map((target) => `${relative(SRC, path)} → ${target}`),
    );
    expect(imports).toEqual([]);
  });
});
