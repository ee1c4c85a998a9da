import { parse } from 'csv-parse/sync';

/** Column names of a long-format CSV: one row per series key and period. */
export interface CsvColumns {
  key: string;
  date: string;
  value: string;
}

/** Dates as `dd/mm/yy`, `dd/mm/yyyy` or ISO `yyyy-mm-dd`, to a sortable number. */
export function parseDate(text: string): number {
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text.trim());
  if (dmy) {
    const year = dmy[3].length === 2 ? 2000 + Number(dmy[3]) : Number(dmy[3]);
    return Date.UTC(year, Number(dmy[2]) - 1, Number(dmy[1]));
  }
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new RangeError(`not a date: "${text}"`);
  return t;
}

/** One series per key, values in date order (e.g. the weekly sales of each Walmart store). */
export function seriesFromCsv(text: string, columns: CsvColumns): Map<string, number[]> {
  const rows = parse(text, { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
  if (rows.length && !(columns.key in rows[0] && columns.date in rows[0] && columns.value in rows[0])) {
    throw new RangeError(`the CSV needs columns ${columns.key}, ${columns.date} and ${columns.value}`);
  }
  const byKey = new Map<string, { t: number; v: number }[]>();
  for (const r of rows) {
    const list = byKey.get(r[columns.key]) ?? [];
    list.push({ t: parseDate(r[columns.date]), v: Number(r[columns.value]) || 0 });
    byKey.set(r[columns.key], list);
  }
  return new Map([...byKey].map(([k, list]) => [k, list.sort((a, b) => a.t - b.t).map((p) => p.v)]));
}
