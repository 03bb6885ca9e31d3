/** RFC 4180 CSV: reading what spreadsheets save, writing what they open (UTF-8 BOM, CRLF). */

/** Splits CSV text into rows of cells. Strips a BOM, accepts CRLF/LF/CR and `,` or `;` as the delimiter. */
export function parseCsv(text: string): { rows: string[][]; delimiter: "," | ";" } {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.split(/\r\n|\n|\r/, 1)[0] ?? "";
  const delimiter = count(firstLine, ";") > count(firstLine, ",") ? ";" : ",";
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === "") quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += c;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return { rows, delimiter };
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/**
 * Formats rows as CSV for spreadsheets: UTF-8 BOM, CRLF, quotes where needed, and a leading apostrophe on
 * text that a spreadsheet would run as a formula (=, +, -, @).
 */
export function formatCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(formatCell).join(",")).join("\r\n")}\r\n`;
}

function formatCell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
