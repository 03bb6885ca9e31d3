import { type FileHandle, mkdir, open, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { AppError } from "../../shared/app-error.ts";
import { StoreUnavailableError } from "../store.ts";
import type { Op, SnapshotEntry } from "./memory-state.ts";

const SNAPSHOT = "store.snapshot.json";
const JOURNAL = "store.journal";

interface SnapshotFile {
  version: 1;
  seq: number;
  entries: SnapshotEntry[];
}

export interface Recovered {
  entries: SnapshotEntry[];
  ops: Op[];
  seq: number;
}

/**
 * Durable files of the embedded store: a snapshot (written to a temp file, fsynced, renamed) and an
 * append-only journal of ops numbered by sequence. A write is acknowledged only after fdatasync.
 * Replay skips journal lines already covered by the snapshot, so a crash between the two is harmless.
 */
export class Journal {
  private handle: FileHandle | undefined;
  private seq = 0;
  private linesSinceSnapshot = 0;

  constructor(private readonly dir: string) {}

  get snapshotPath(): string {
    return join(this.dir, SNAPSHOT);
  }

  get journalPath(): string {
    return join(this.dir, JOURNAL);
  }

  /** Reads snapshot and journal; a corrupt file is moved aside and reported with an AppError("corrupt-data"). */
  async recover(): Promise<Recovered> {
    await mkdir(this.dir, { recursive: true });
    const snapshot = await this.readSnapshot();
    const { ops, validBytes, totalBytes } = await this.readJournal(snapshot.seq);
    this.seq = Math.max(snapshot.seq, this.seq);
    this.handle = await open(this.journalPath, "a+");
    if (validBytes < totalBytes) await this.handle.truncate(validBytes);
    this.linesSinceSnapshot = ops.length;
    return { entries: snapshot.entries, ops, seq: this.seq };
  }

  /** Appends ops and resolves after they are on disk. */
  async append(ops: Op[]): Promise<void> {
    if (!this.handle) throw new StoreUnavailableError("embedded", "closed");
    const lines = ops.map((o) => `${JSON.stringify({ q: ++this.seq, o })}\n`).join("");
    await this.handle.write(lines);
    await this.handle.datasync();
    this.linesSinceSnapshot += ops.length;
  }

  get needsCompaction(): boolean {
    return this.linesSinceSnapshot >= 50_000;
  }

  /** Writes a full snapshot atomically, then starts an empty journal. */
  async compact(entries: SnapshotEntry[]): Promise<void> {
    const file: SnapshotFile = { version: 1, seq: this.seq, entries };
    const temp = `${this.snapshotPath}.tmp`;
    const handle = await open(temp, "w");
    try {
      await handle.writeFile(JSON.stringify(file));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, this.snapshotPath);
    await syncDir(this.dir);
    await this.handle?.close();
    await writeFile(this.journalPath, "");
    this.handle = await open(this.journalPath, "a+");
    this.linesSinceSnapshot = 0;
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }

  private async readSnapshot(): Promise<SnapshotFile> {
    let text: string;
    try {
      text = await readFile(this.snapshotPath, "utf8");
    } catch (error) {
      if (isMissing(error)) return { version: 1, seq: 0, entries: [] };
      throw error;
    }
    try {
      const parsed = JSON.parse(text) as SnapshotFile;
      if (parsed.version !== 1 || !Array.isArray(parsed.entries) || typeof parsed.seq !== "number")
        throw new Error("unexpected shape");
      return parsed;
    } catch (error) {
      throw await this.corrupt(this.snapshotPath, error);
    }
  }

  private async readJournal(
    afterSeq: number,
  ): Promise<{ ops: Op[]; validBytes: number; totalBytes: number }> {
    let text: string;
    try {
      text = await readFile(this.journalPath, "utf8");
    } catch (error) {
      if (isMissing(error)) return { ops: [], validBytes: 0, totalBytes: 0 };
      throw error;
    }
    const ops: Op[] = [];
    let offset = 0;
    const lines = text.split("\n");
    for (const [index, line] of lines.entries()) {
      const isLast = index === lines.length - 1;
      if (isLast && line === "") break;
      let record: { q: number; o: Op };
      try {
        record = JSON.parse(line);
        if (typeof record.q !== "number" || typeof record.o?.t !== "string")
          throw new Error("unexpected shape");
      } catch (error) {
        // A torn last line is a write that was never acknowledged: drop it. Anything else is corruption.
        if (isLast) break;
        throw await this.corrupt(this.journalPath, error, index + 1);
      }
      offset += Buffer.byteLength(line) + 1;
      this.seq = Math.max(this.seq, record.q);
      if (record.q > afterSeq) ops.push(record.o);
    }
    return { ops, validBytes: offset, totalBytes: Buffer.byteLength(text) };
  }

  private async corrupt(path: string, cause: unknown, line?: number): Promise<AppError> {
    const aside = `${path}.corrupt-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await rename(path, aside);
    const where = line ? ` at line ${line}` : "";
    return new AppError(
      "corrupt-data",
      `Data file ${path} is corrupt${where}; it was kept as ${aside}. Restore it from a backup, or start again to begin with what remains.`,
      { cause },
    );
  }
}

async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } catch {
    // Some file systems cannot fsync a directory; the rename is still atomic.
  } finally {
    await handle.close();
  }
}

function isMissing(error: unknown): boolean {
  return !!error && typeof error === "object" && "code" in error && error.code === "ENOENT";
}
