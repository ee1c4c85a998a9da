import type { Segmentation } from './segmentCustomers';

/** Bars for the segments chart (`barChartPng` in src/replies/charts.ts): revenue share in % per segment. */
export function segmentBars(result: Segmentation): { label: string; value: number }[] {
  return result.segments.map((s) => ({ label: `${s.name} (${s.size})`, value: Number((100 * s.revenueShare).toFixed(1)) }));
}

export function segmentChartTitle(result: Segmentation): string {
  return `Share of revenue by segment, % (${result.customers} customers, k=${result.k}, silhouette ${result.silhouette.toFixed(2)})`;
}
