import fs from 'node:fs';
import { fixedClock, systemClock } from '../../engine/clock';
import { openDatabase } from '../../engine/db';
import { fromCents } from '../../engine/money';
import { segmentBars, segmentChartTitle } from '../../engine/segments/segmentBars';
import { Segmenter, type SegmentMember } from '../../engine/segments/segmenter';
import type { Segmentation } from '../../engine/segments/segmentCustomers';
import { intFlag, parseFlags, printJson, requireFlag, UsageError, type CliIO } from '../io';

const round = (v: number, digits = 4) => Number(v.toFixed(digits));

/**
 * `shopmate segments --db FILE [--k N] [--json] [--csv OUT] [--png OUT] [--segment NAME] [--top N] [--today ISO]`
 * "today" for recency defaults to the day after the last order in the data.
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(argv, {
    db: { type: 'string' },
    k: { type: 'string' },
    json: { type: 'boolean', default: false },
    csv: { type: 'string' },
    png: { type: 'string' },
    segment: { type: 'string' },
    top: { type: 'string' },
    today: { type: 'string' },
  });
  const file = requireFlag(values.db, 'db');
  if (!fs.existsSync(file)) throw new UsageError(`no database at ${file}`);
  const k = values.k === undefined ? undefined : intFlag(values.k, 'k', 0, 2);
  if (values.today && Number.isNaN(Date.parse(values.today))) throw new UsageError(`--today must be an ISO date, got "${values.today}"`);
  const started = performance.now();
  const db = openDatabase(file, { readonly: true });
  try {
    const clock = values.today ? fixedClock(values.today) : systemClock;
    const segmenter = new Segmenter(db, clock, { k, today: values.today ? 'clock' : 'data' });
    const result = segmenter.current();
    const ms = Math.round(performance.now() - started);
    const top = values.segment ? segmenter.customersIn(values.segment, intFlag(values.top, 'top', 10)) : undefined;
    if (values.csv) writeCsv(values.csv, segmenter.allMembers());
    if (values.png) await writeChart(values.png, result);
    if (values.json) printJson(io, { ...toJson(result), today: result.today.toISOString(), ms, ...(top && { top_customers: top.map(memberJson) }) });
    else io.out(describe(result, ms, top, values.segment));
    if (values.csv) io.err(`wrote ${result.customers} customers to ${values.csv}`);
    return 0;
  } finally {
    db.close();
  }
}

export function toJson(r: Segmentation) {
  return {
    k: r.k,
    silhouette: round(r.silhouette),
    customers: r.customers,
    segments: r.segments.map((s) => ({
      name: s.name,
      size: s.size,
      revenue_share: round(s.revenueShare),
      centroid: { recency_days: round(s.centroid.recencyDays, 1), frequency: round(s.centroid.frequency, 2), monetary: round(s.centroid.monetary, 2) },
      r_score: s.rScore,
      f_score: s.fScore,
      clv: fromCents(s.clvCents),
      avg_order_value: fromCents(s.avgOrderValueCents),
      orders_per_year: round(s.ordersPerYear, 2),
      retention: round(s.retention),
    })),
    silhouette_by_k: Object.fromEntries(Object.entries(r.silhouetteByK).map(([k, v]) => [k, round(v)])),
    silhouette_points: r.silhouettePoints,
    clv_formula: 'AOV x orders per year (tenure floored at 90 days) x segment retention (share active in the last 90 days), 12 months, revenue',
  };
}

function memberJson(m: SegmentMember) {
  return { customer_id: m.customerId, external_id: m.externalId, name: m.name, recency_days: m.recencyDays, frequency: m.frequency, monetary: fromCents(m.monetaryCents), clv: fromCents(m.clvCents) };
}

function describe(r: Segmentation & { today: Date }, ms: number, top: SegmentMember[] | undefined, name?: string): string {
  const lines = [
    `${r.customers} customers, k=${r.k} (silhouette ${r.silhouette.toFixed(3)}; by k: ${Object.entries(r.silhouetteByK).map(([k, v]) => `${k}=${v.toFixed(3)}`).join(' ')}), today ${r.today.toISOString().slice(0, 10)}, ${ms} ms`,
    '',
    `${'segment'.padEnd(22)}${'size'.padStart(7)}${'revenue'.padStart(9)}${'recency'.padStart(9)}${'orders'.padStart(8)}${'spend'.padStart(11)}${'CLV 12m'.padStart(10)}`,
  ];
  for (const s of r.segments) {
    lines.push(
      `${s.name.padEnd(22)}${String(s.size).padStart(7)}${`${(100 * s.revenueShare).toFixed(1)}%`.padStart(9)}${`${s.centroid.recencyDays.toFixed(0)}d`.padStart(9)}${s.centroid.frequency.toFixed(1).padStart(8)}${s.centroid.monetary.toFixed(0).padStart(11)}${fromCents(s.clvCents).toFixed(0).padStart(10)}`,
    );
  }
  if (top) {
    lines.push('', `top customers in ${name}:`);
    for (const m of top) lines.push(`  ${String(m.externalId ?? m.customerId).padEnd(10)} ${m.name.slice(0, 30).padEnd(30)} ${m.frequency} orders, ${fromCents(m.monetaryCents).toFixed(2)} spent, last ${m.recencyDays}d ago`);
  }
  return lines.join('\n');
}

const csvField = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function writeCsv(file: string, members: SegmentMember[]): void {
  const header = 'customer_id,external_id,name,segment,recency_days,frequency,monetary,clv';
  const rows = members.map((m) =>
    [m.customerId, m.externalId, m.name, m.segment, m.recencyDays, m.frequency, fromCents(m.monetaryCents), fromCents(m.clvCents)].map(csvField).join(','),
  );
  fs.writeFileSync(file, `${[header, ...rows].join('\n')}\n`);
}

async function writeChart(file: string, r: Segmentation): Promise<void> {
  const { barChartPng } = await import('../../replies/charts');
  fs.writeFileSync(file, barChartPng(segmentBars(r), segmentChartTitle(r)));
}
