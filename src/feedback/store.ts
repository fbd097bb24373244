/**
 * Feedback on answers (👍/👎 from the web page), stored durably as an append-only JSONL file.
 *
 * Why a JSONL file rather than a database: feedback is written once and read rarely (by
 * `npm run feedback`), and a line-per-record file is readable with any tool.
 *
 * - Each record is one line, written with a single write() on a descriptor opened with
 *   O_APPEND ('a'): the kernel places every write at the end of the file, so concurrent writers
 *   (two server processes on the same file) never interleave or overwrite each other's lines,
 *   and a crash leaves at most one incomplete last line, which the reader skips and the next
 *   append closes.
 * - Bounded: when a line would take the file past `maxBytes`, the file is first renamed to
 *   `FILE.1` (replacing an older `FILE.1`) and a new file started. At most about 2 × maxBytes
 *   are kept; the reader reads both files. A record larger than maxBytes is refused.
 * - Writes in one process are serialized (a promise chain) so that the size check and the
 *   rotation are not raced by the process's own appends.
 */
import { mkdirSync, promises as fsp } from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';
import type { FeedbackEntry, FeedbackRecord, FeedbackStore } from '../types.js';

export interface JsonlFeedbackStoreOptions {
  file: string;
  maxBytes: number;
  now?: () => number;
}

export class JsonlFeedbackStore implements FeedbackStore {
  private readonly file: string;
  private readonly maxBytes: number;
  private readonly now: () => number;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(opts: JsonlFeedbackStoreOptions) {
    this.file = path.resolve(opts.file);
    this.maxBytes = opts.maxBytes;
    this.now = opts.now ?? Date.now;
  }

  /** The rotated file holding the older records. */
  get previousFile(): string {
    return `${this.file}.1`;
  }

  add(entry: FeedbackEntry): Promise<FeedbackRecord> {
    const record: FeedbackRecord = { at: new Date(this.now()).toISOString(), ...entry };
    const line = `${JSON.stringify(record)}\n`;
    const bytes = Buffer.byteLength(line);
    if (bytes > this.maxBytes) {
      return Promise.reject(new AppError('PAYLOAD_TOO_LARGE', `feedback record of ${bytes} bytes exceeds FEEDBACK_MAX_BYTES (${this.maxBytes})`, { field: 'body' }));
    }
    const run = this.queue.then(() => this.append(line, bytes)).then(() => record);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async append(line: string, bytes: number): Promise<void> {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const size = await fsp.stat(this.file).then((s) => s.size, () => 0);
    if (size > 0 && size + bytes > this.maxBytes) await fsp.rename(this.file, this.previousFile);
    const fh = await fsp.open(this.file, 'a+', 0o600);
    try {
      // After a crash mid-write the file ends inside a line: start on a fresh line, or this
      // record would be glued to the cut one and lost with it.
      const { size: now } = await fh.stat();
      const last = Buffer.alloc(1);
      if (now > 0) await fh.read(last, 0, 1, now - 1);
      await fh.write(now > 0 && last[0] !== 0x0a ? `\n${line}` : line);
      await fh.sync();
    } finally {
      await fh.close();
    }
  }

  /** Every stored record, newest first (incomplete or foreign lines skipped). */
  async list(): Promise<FeedbackRecord[]> {
    await this.queue;
    const out: FeedbackRecord[] = [];
    for (const f of [this.previousFile, this.file]) {
      const text = await fsp.readFile(f, 'utf8').catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return '';
        throw e;
      });
      for (const l of text.split('\n')) {
        if (!l.trim()) continue;
        try {
          const r = JSON.parse(l) as FeedbackRecord;
          if (r && typeof r.at === 'string' && (r.rating === 'up' || r.rating === 'down')) out.push(r);
        } catch {
          /* a line cut by a crash mid-write */
        }
      }
    }
    // Files are in write order; a stable reverse keeps same-millisecond records in order.
    return out.reverse();
  }
}

/** In-memory store: the test double, and what a context without a feedback file uses. */
export class MemoryFeedbackStore implements FeedbackStore {
  readonly records: FeedbackRecord[] = [];
  constructor(private readonly now: () => number = Date.now) {}
  async add(entry: FeedbackEntry): Promise<FeedbackRecord> {
    const record: FeedbackRecord = { at: new Date(this.now()).toISOString(), ...entry };
    this.records.push(record);
    return record;
  }
  async list(): Promise<FeedbackRecord[]> {
    return [...this.records].reverse();
  }
}
