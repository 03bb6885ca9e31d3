import { randomUUID } from "node:crypto";

/**
 * SSCAN for the embedded store: the first page takes a copy of the set's members under a scan id carried in
 * the cursor ("<id>/<offset>"), so members added or removed while the scan runs never shift its pages. Only a
 * few scans are kept at once (the oldest is dropped; its cursor then reads as finished).
 */
export class SetScans {
  private readonly scans = new Map<string, string[]>();

  page(cursor: string, count: number, members: () => string[]): { cursor: string; members: string[] } {
    const [scanId, offsetText] = cursor === "0" ? [randomUUID(), "0"] : cursor.split("/");
    let copy = this.scans.get(scanId ?? "");
    if (!copy) {
      copy = cursor === "0" ? members() : [];
      if (this.scans.size >= 32) this.scans.delete(this.scans.keys().next().value as string);
      this.scans.set(scanId as string, copy);
    }
    const from = Number(offsetText) || 0;
    const page = copy.slice(from, from + Math.max(1, count));
    const done = from + page.length >= copy.length;
    if (done) this.scans.delete(scanId as string);
    return { cursor: done ? "0" : `${scanId}/${from + page.length}`, members: page };
  }
}
