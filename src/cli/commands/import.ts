import fs from 'node:fs';
import { openDatabase } from '../../engine/db';
import { importFile, importFormats, type ImportSummary, type LineError } from '../../engine/import';
import { parseFlags, printJson, progress, requireFlag, UsageError, type CliIO } from '../io';

const SHOWN_ERRORS = 20;

/**
 * `shopmate import --format online-retail|shopmate --db FILE CSV [--json]`: streams real
 * transactions into a store (created when missing). Progress and malformed lines go to stderr;
 * the summary to stdout (one JSON object with --json). Re-importing a file adds nothing.
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    format: { type: 'string' },
    db: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const formatName = requireFlag(values.format, 'format');
  const format = importFormats[formatName];
  if (!format) throw new UsageError(`--format must be one of ${Object.keys(importFormats).join(', ')}, got "${formatName}"`);
  const dbFile = requireFlag(values.db, 'db');
  if (positionals.length !== 1) throw new UsageError(`expected one CSV file, got ${positionals.length}`);
  const csv = positionals[0];
  const size = fileSize(csv);
  const db = openDatabase(dbFile);
  try {
    const bar = progress(io, `import ${formatName}`);
    let shown = 0;
    const summary = await importFile(db, format, fs.createReadStream(csv), {
      onProgress: (p) => bar.update(p.bytes, size),
      onError: (e: LineError) => {
        if (!values.json && shown++ < SHOWN_ERRORS) io.err(`${csv}:${e.line}: ${e.reason}`);
      },
    });
    bar.done(`${summary.lines.toLocaleString('en')} lines in ${summary.seconds.toFixed(1)} s`);
    if (values.json) printJson(io, summary);
    else io.out(describe(summary, dbFile));
    return 0;
  } finally {
    db.close();
  }
}

function fileSize(file: string): number {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new UsageError(`not a file: ${file}`);
    return stat.size;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

function describe(s: ImportSummary, dbFile: string): string {
  const n = (x: number) => x.toLocaleString('en');
  const { cancellations: c, skipped: k } = s;
  return [
    `Imported ${n(s.lines)} lines (${s.format}) into ${dbFile} in ${s.seconds.toFixed(1)} s`,
    `  new: ${n(s.orders)} orders, ${n(s.order_lines)} order lines, ${n(s.customers)} customers, ${n(s.products)} products`,
    `  period: ${s.period.from ?? '-'} .. ${s.period.to ?? '-'}`,
    `  cancellations: ${n(c.lines)} lines, ${n(c.matched)} matched a purchase, ${n(c.unmatched)} unmatched`,
    `  skipped: ${n(k.no_customer)} without customer, ${n(k.non_product)} non-product codes, ` +
      `${n(k.non_positive_quantity)} non-positive quantities, ${n(k.non_positive_price)} non-positive prices, ` +
      `${n(k.existing)} already imported, ${n(k.malformed)} malformed`,
    ...(s.error_count > SHOWN_ERRORS ? [`  (${n(s.error_count - SHOWN_ERRORS)} more malformed lines not shown; --json lists ${s.errors.length})`] : []),
  ].join('\n');
}
