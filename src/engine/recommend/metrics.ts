/** Ranking metrics at k with binary relevance. */
export interface ListMetrics {
  hit_rate: number;
  ndcg: number;
  precision: number;
  recall: number;
}

/** Metrics of one recommendation list against one customer's relevant items. */
export function scoreList(recs: ArrayLike<number>, relevant: ReadonlySet<number>, k: number): ListMetrics {
  let hits = 0;
  let dcg = 0;
  const n = Math.min(k, recs.length);
  for (let r = 0; r < n; r++) {
    if (relevant.has(recs[r])) {
      hits++;
      dcg += 1 / Math.log2(r + 2);
    }
  }
  let idcg = 0;
  for (let r = 0; r < Math.min(k, relevant.size); r++) idcg += 1 / Math.log2(r + 2);
  return {
    hit_rate: hits > 0 ? 1 : 0,
    ndcg: idcg > 0 ? dcg / idcg : 0,
    precision: hits / k,
    recall: relevant.size > 0 ? hits / relevant.size : 0,
  };
}

/** Averages list metrics over customers and counts the distinct items recommended. */
export class MetricSummary {
  private n = 0;
  private sums: ListMetrics = { hit_rate: 0, ndcg: 0, precision: 0, recall: 0 };
  private readonly recommended = new Set<number>();

  constructor(
    private readonly k: number,
    private readonly catalogueSize: number,
  ) {}

  add(recs: ArrayLike<number>, relevant: ReadonlySet<number>): ListMetrics {
    const m = scoreList(recs, relevant, this.k);
    this.n++;
    for (const key of Object.keys(m) as (keyof ListMetrics)[]) this.sums[key] += m[key];
    for (let r = 0; r < Math.min(this.k, recs.length); r++) this.recommended.add(recs[r]);
    return m;
  }

  get count(): number {
    return this.n;
  }

  /** Means over customers, and coverage = distinct recommended items / catalogueSize. */
  result(): ListMetrics & { coverage: number } {
    const mean = (v: number) => (this.n > 0 ? v / this.n : 0);
    return {
      hit_rate: mean(this.sums.hit_rate),
      ndcg: mean(this.sums.ndcg),
      precision: mean(this.sums.precision),
      recall: mean(this.sums.recall),
      coverage: this.catalogueSize > 0 ? this.recommended.size / this.catalogueSize : 0,
    };
  }
}
