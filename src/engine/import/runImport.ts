import type { Readable } from 'node:stream';
import { performance } from 'node:perf_hooks';
import type { Db } from '../db';
import { getMeta, setMeta } from '../db';
import { systemClock, type Clock } from '../clock';
import { EngineError } from '../errors';
import { csvRecords } from './csvRecords';
import { emptySummary, recordError, type ImportSummary, type LineError } from './importSummary';
import { ImportWriter } from './importWriter';
import { FieldError } from './lineFields';
import type { SaleLine } from './saleLine';

export interface ImportProgress {
  lines: number;
  /** Bytes of the input read so far (compare with the file size for a percentage). */
  bytes: number;
}

export interface ImportOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Called for every malformed line (the summary lists only the first ones). */
  onError?: (e: LineError) => void;
  /** Lines between progress reports (default 5,000). */
  progressEvery?: number;
  /** Lines per write transaction, cut between orders (default 5,000). */
  batchSize?: number;
  clock?: Clock;
}

/** Reads one data record into a SaleLine, or throws a FieldError naming what is wrong. */
export type RecordReader = (fields: string[], line: number) => SaleLine;

/** An import format: how to read its header into a record reader, and facts it records in `meta`. */
export interface ImportFormat {
  name: string;
  /** Throws EngineError('invalid') when the header is not this format's. */
  readHeader(header: string[]): RecordReader;
  meta?: Record<string, string>;
  /** Meta values set only when the store has none yet (e.g. its currency). */
  metaDefaults?: Record<string, string>;
}

/** Streams a CSV through a format's reader into the store; see ImportWriter for what is stored. */
export async function runImport(db: Db, stream: Readable, format: ImportFormat, options: ImportOptions = {}): Promise<ImportSummary> {
  const started = performance.now();
  const summary = emptySummary(format.name);
  const every = options.progressEvery ?? 5000;
  const fail = (e: LineError) => {
    recordError(summary, e);
    options.onError?.(e);
  };
  const malformed = (e: LineError) => {
    summary.lines++;
    fail(e);
  };
  const writer = new ImportWriter(db, summary, fail, options.batchSize);
  let reader: RecordReader | undefined;
  let bytes = 0;
  for await (const record of csvRecords(stream, malformed)) {
    bytes = record.bytes;
    if (!reader) {
      reader = format.readHeader(record.fields);
      continue;
    }
    summary.lines++;
    try {
      writer.accept(reader(record.fields, record.line));
    } catch (e) {
      if (!(e instanceof FieldError)) throw e;
      fail({ line: record.line, reason: e.message });
    }
    if (summary.lines % every === 0) options.onProgress?.({ lines: summary.lines, bytes });
  }
  if (!reader) throw new EngineError('invalid', `not a valid ${format.name} file: it is empty`);
  writer.finish();
  const at = (options.clock ?? systemClock).now().toISOString();
  summary.seconds = Math.round(performance.now() - started) / 1000;
  db.transaction(() => {
    for (const [key, value] of Object.entries(format.meta ?? {})) setMeta(db, key, value);
    for (const [key, value] of Object.entries(format.metaDefaults ?? {})) if (getMeta(db, key) === undefined) setMeta(db, key, value);
    const { errors: _errors, ...counts } = summary;
    setMeta(db, 'import.last', JSON.stringify({ ...counts, at }));
  })();
  options.onProgress?.({ lines: summary.lines, bytes });
  return summary;
}
