import type { Dataset, History } from '../dataset';
import { topK } from '../topK';
import { affinity, decay, type Model } from './model';

export interface UserKnnOptions {
  neighbours: number;
  /** Neighbour similarity is raised to this power before voting (sharpens the vote). */
  power: number;
  /** Customer vectors hold recency-decayed purchase counts (TIFU-KNN style); Infinity = binary. */
  halfLifeDays: number;
}

/** User-based CF: cosine similarity of customer vectors; the k nearest customers vote. */
export class UserKnn implements Model {
  readonly name = 'user_knn';
  private ds?: Dataset;
  private acc = new Float32Array(0);
  /** Vector value of (item, buyer) aligned with ds.iUser, of (user, item) aligned with ds.uItem. */
  private iValue = new Float32Array(0);
  private uValue = new Float32Array(0);
  private norm = new Float32Array(0);

  constructor(readonly options: UserKnnOptions = { neighbours: 50, power: 1, halfLifeDays: Infinity }) {}

  fit(ds: Dataset): void {
    this.ds = ds;
    this.acc = new Float32Array(ds.nUsers);
    this.uValue = new Float32Array(ds.uItem.length);
    this.norm = new Float32Array(ds.nUsers);
    const slot = new Map<number, number>();
    for (let u = 0; u < ds.nUsers; u++) {
      slot.clear();
      for (let p = ds.uPtr[u]; p < ds.uPtr[u + 1]; p++) slot.set(ds.uItem[p], p);
      if (!Number.isFinite(this.options.halfLifeDays)) this.uValue.fill(1, ds.uPtr[u], ds.uPtr[u + 1]);
      else for (let e = ds.evPtr[u]; e < ds.evPtr[u + 1]; e++) this.uValue[slot.get(ds.evItem[e])!] += decay(ds.now - ds.evDay[e], this.options.halfLifeDays);
      let s = 0;
      for (let p = ds.uPtr[u]; p < ds.uPtr[u + 1]; p++) s += this.uValue[p] * this.uValue[p];
      this.norm[u] = Math.sqrt(s);
    }
    this.iValue = new Float32Array(ds.iUser.length);
    const fill = ds.iPtr.slice(0, ds.nItems);
    for (let u = 0; u < ds.nUsers; u++) {
      for (let p = ds.uPtr[u]; p < ds.uPtr[u + 1]; p++) this.iValue[fill[ds.uItem[p]]++] = this.uValue[p];
    }
  }

  score(h: History, out: Float32Array, self = -1): void {
    out.fill(0);
    const ds = this.ds;
    if (!ds || h.items.length === 0) return;
    const binary = !Number.isFinite(this.options.halfLifeDays);
    const mine = affinity(h, ds.now, this.options.halfLifeDays, binary);
    let myNorm = 0;
    for (const w of mine.weights) myNorm += w * w;
    myNorm = Math.sqrt(myNorm);
    const acc = this.acc;
    const touched: number[] = [];
    mine.items.forEach((i, x) => {
      if (i >= ds.nItems) return;
      for (let p = ds.iPtr[i]; p < ds.iPtr[i + 1]; p++) {
        const v = ds.iUser[p];
        if (acc[v] === 0) touched.push(v);
        acc[v] += mine.weights[x] * this.iValue[p] + 1e-30;
      }
    });
    const sims = new Float32Array(touched.length);
    touched.forEach((v, x) => {
      sims[x] = v === self ? 0 : acc[v] / (myNorm * this.norm[v]);
      acc[v] = 0;
    });
    for (const x of topK(sims, this.options.neighbours)) {
      const v = touched[x];
      const w = Math.pow(sims[x], this.options.power);
      for (let p = ds.uPtr[v]; p < ds.uPtr[v + 1]; p++) out[ds.uItem[p]] += w * this.uValue[p];
    }
  }
}
