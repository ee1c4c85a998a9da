import type { Dataset, History } from '../dataset';
import { topK } from '../topK';
import type { Model } from './model';
import { invertSpd } from './spdInverse';

export interface EaseOptions {
  lambda: number;
  /** Only the most-bought items enter the model (the inverse is cubic in this number). */
  maxItems: number;
}

/**
 * EASE (Steck 2019): closed-form item-item weights B = I - P diag(1/diag P), P = (X'X + lambda I)^-1,
 * with a zero diagonal; score = x_u B over the customer's distinct items.
 */
export class Ease implements Model {
  readonly name = 'ease';
  private sub: Int32Array = new Int32Array(0);
  private pos = new Int32Array(0);
  private b = new Float32Array(0);

  constructor(readonly options: EaseOptions = { lambda: 200, maxItems: 2000 }) {}

  fit(ds: Dataset): void {
    const buyers = new Float32Array(ds.nItems);
    for (let i = 0; i < ds.nItems; i++) buyers[i] = ds.buyers(i);
    this.sub = topK(buyers, this.options.maxItems);
    const n = this.sub.length;
    this.pos = new Int32Array(ds.nItems).fill(-1);
    this.sub.forEach((item, x) => (this.pos[item] = x));
    const cooc = ds.cooccurrence();
    const g = new Float64Array(n * n);
    for (let x = 0; x < n; x++) {
      const row = this.sub[x] * ds.nItems;
      for (let y = 0; y < n; y++) g[x * n + y] = cooc[row + this.sub[y]];
      g[x * n + x] += this.options.lambda;
    }
    invertSpd(g, n);
    this.b = new Float32Array(n * n);
    for (let x = 0; x < n; x++) {
      for (let y = 0; y < n; y++) this.b[x * n + y] = x === y ? 0 : -g[x * n + y] / g[y * n + y];
    }
  }

  score(h: History, out: Float32Array): void {
    out.fill(0);
    const n = this.sub.length;
    const mine = new Set<number>();
    for (const i of h.items) if (i < this.pos.length && this.pos[i] >= 0) mine.add(this.pos[i]);
    const acc = new Float32Array(n);
    for (const x of mine) {
      const row = x * n;
      for (let y = 0; y < n; y++) acc[y] += this.b[row + y];
    }
    for (let y = 0; y < n; y++) out[this.sub[y]] = acc[y];
  }
}
