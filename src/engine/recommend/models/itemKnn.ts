import type { Dataset, History } from '../dataset';
import { affinity, type ItemModel } from './model';
import { accumulate, type Neighbours, type Similarity } from './neighbours';

export interface ItemKnnOptions {
  similarity: Similarity;
  neighbours: number;
  /** Weight of the customer's items: Infinity = each distinct item counts 1. */
  halfLifeDays: number;
}

/** Item-to-item collaborative filtering from co-purchases (customers who bought both). */
export class ItemKnn implements ItemModel {
  readonly name: string;
  nb: Neighbours = { ptr: new Int32Array(1), item: new Int32Array(0), sim: new Float32Array(0) };
  private now = 0;

  constructor(readonly options: ItemKnnOptions = { similarity: 'cosine', neighbours: 100, halfLifeDays: Infinity }) {
    this.name = `item_knn_${options.similarity}`;
  }

  fit(ds: Dataset): void {
    this.now = ds.now;
    this.nb = ds.neighbours(this.options.similarity, this.options.neighbours);
  }

  score(h: History, out: Float32Array): void {
    out.fill(0);
    const binary = !Number.isFinite(this.options.halfLifeDays);
    const a = affinity(h, this.now, this.options.halfLifeDays, binary);
    accumulate(this.nb, a.items, a.weights, out, this.options.neighbours);
  }

  similar(items: ArrayLike<number>, out: Float32Array): void {
    out.fill(0);
    accumulate(this.nb, items, null, out, this.options.neighbours);
    for (let x = 0; x < items.length; x++) out[items[x]] = 0;
  }
}
