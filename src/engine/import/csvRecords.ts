import { parse, type Info } from 'csv-parse';
import type { Readable } from 'node:stream';
import { EngineError } from '../errors';

/** One CSV record with the file line it starts on (the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** Bytes of the file consumed so far, for progress. */
  bytes: number;
}

/** A record csv-parse could not read (an unclosed quote, say): reported, then parsing goes on. */
export interface CsvSkip {
  line: number;
  reason: string;
}

/**
 * Streams CSV records with line numbers. Records with the wrong number of fields are passed on
 * (the caller reports them). Quotes are read leniently (`ab"c` and `"x"y` are text), so one stray
 * quote does not swallow the file; records csv-parse still rejects (a quote never closed) go to
 * `onSkip`, in file order with the records. Empty lines are ignored.
 */
export async function* csvRecords(stream: Readable, onSkip: (skip: CsvSkip) => void): AsyncGenerator<CsvRecord> {
  const parser = parse({ bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true, info: true });
  const skips: { after: number; end: number; reason: string }[] = [];
  parser.on('skip', (err: { lines?: number; message: string }) => {
    skips.push({ after: parser.info.records, end: err.lines ?? 0, reason: err.message });
  });
  stream.on('error', (e) => parser.destroy(e));
  let records = 0;
  let lastEnd = 0;
  const flushSkips = (upTo: number) => {
    while (skips.length > 0 && skips[0].after <= upTo) {
      const skip = skips.shift()!;
      onSkip({ line: lastEnd + 1, reason: skip.reason });
      lastEnd = skip.end;
    }
  };
  for await (const { record, info } of stream.pipe(parser) as AsyncIterable<{ record: string[]; info: Info }>) {
    flushSkips(records);
    let newlines = 0;
    for (const f of record) if (f.includes('\n')) newlines += f.split('\n').length - 1;
    records++;
    lastEnd = info.lines;
    yield { line: info.lines - newlines, fields: record, bytes: info.bytes };
  }
  flushSkips(Infinity);
}

/** Column positions by canonical name, from a header row and a table of accepted spellings. */
export function mapColumns<K extends string>(
  header: string[],
  spellings: Record<K, readonly string[]>,
  required: readonly NoInfer<K>[],
  format: string,
): Partial<Record<K, number>> {
  const canon = (s: string) => s.replace(/^\uFEFF/, '').toLowerCase().replace(/[\s_]+/g, '');
  const positions = new Map(header.map((h, i) => [canon(h), i]));
  const found: Partial<Record<K, number>> = {};
  for (const key of Object.keys(spellings) as K[]) {
    const at = spellings[key].map((s) => positions.get(canon(s))).find((i) => i !== undefined);
    if (at !== undefined) found[key] = at;
  }
  const missing = required.filter((k) => found[k] === undefined);
  if (missing.length > 0) {
    throw new EngineError('invalid', `not a valid ${format} file: the header lacks ${missing.map((k) => spellings[k][0]).join(', ')}`);
  }
  return found;
}
