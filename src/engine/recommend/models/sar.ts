import type { Dataset, History } from '../dataset';
import { affinity, type ItemModel } from './model';
import { accumulate, type Neighbours, type Similarity } from './neighbours';

export interface SarOptions {
  similarity: Similarity;
  /** Half-life of the customer affinity (SAR's time decay). */
  halfLifeDays: number;
  /** Neighbours kept per item (SAR keeps all; a cap keeps memory and query time bounded). */
  neighbours: number;
}

/**
 * Smart Adaptive Recommendations: score = time-decayed customer affinity x item similarity
 * (Jaccard of co-purchases by default), with the item itself on the diagonal, so repeat purchases
 * score too.
 */
export class Sar implements ItemModel {
  readonly name = 'sar';
  nb: Neighbours = { ptr: new Int32Array(1), item: new Int32Array(0), sim: new Float32Array(0) };
  /** The diagonal: each item's similarity to itself (1 for cosine and Jaccard). */
  private self = new Float32Array(0);
  private now = 0;

  constructor(readonly options: SarOptions = { similarity: 'jaccard', halfLifeDays: 30, neighbours: 500 }) {}

  fit(ds: Dataset): void {
    this.now = ds.now;
    this.nb = ds.neighbours(this.options.similarity, this.options.neighbours);
    this.self = new Float32Array(ds.nItems);
    for (let i = 0; i < ds.nItems; i++) {
      const d = ds.buyers(i);
      if (d === 0) continue;
      const s = this.options.similarity;
      this.self[i] = s === 'lift' ? 1 / d : s === 'count' ? d : 1;
    }
  }

  score(h: History, out: Float32Array): void {
    out.fill(0);
    const a = affinity(h, this.now, this.options.halfLifeDays);
    accumulate(this.nb, a.items, a.weights, out, this.options.neighbours);
    for (let x = 0; x < a.items.length; x++) if (a.items[x] < this.self.length) out[a.items[x]] += a.weights[x] * this.self[a.items[x]];
  }

  similar(items: ArrayLike<number>, out: Float32Array): void {
    out.fill(0);
    accumulate(this.nb, items, null, out, this.options.neighbours);
    for (let x = 0; x < items.length; x++) out[items[x]] = 0;
  }
}
