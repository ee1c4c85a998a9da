import type { Catalog, Lines } from './interactions';
import { neighboursFromCooccurrence, type Neighbours, type Similarity } from './models/neighbours';

/**
 * A customer's purchase events, oldest first: one event per (order, product), however many
 * lines or units the order had. Everything a model needs to score the customer.
 */
export interface History {
  items: Int32Array;
  days: Float64Array;
}

/**
 * Training data indexed for the models: dense user and item indices, purchase events per user,
 * distinct items per user and distinct buyers per item (CSR arrays).
 */
export class Dataset {
  readonly nUsers: number;
  readonly nItems: number;
  /** The time decays are measured from: the last training event. */
  readonly now: number;
  readonly userIds: Int32Array;
  readonly userIndex = new Map<number, number>();
  /** Events per user (CSR): evPtr[u]..evPtr[u+1] index evItem / evDay, oldest first. */
  readonly evPtr: Int32Array;
  readonly evItem: Int32Array;
  readonly evDay: Float64Array;
  /** Distinct items per user (CSR) with the number of orders containing each. */
  readonly uPtr: Int32Array;
  readonly uItem: Int32Array;
  readonly uCount: Float32Array;
  /** Distinct buyers per item (CSR). */
  readonly iPtr: Int32Array;
  readonly iUser: Int32Array;
  private cooc?: Float32Array;
  private readonly neighbourCache = new Map<Similarity, Neighbours & { k: number }>();

  /** Uses lines[0, end) (a time prefix); products missing from the catalogue are skipped. */
  constructor(
    lines: Lines,
    readonly catalog: Catalog,
    end = lines.length,
  ) {
    this.nItems = catalog.size;
    const evUserTmp: number[] = [];
    const evItemTmp: number[] = [];
    const evDayTmp: number[] = [];
    const seenInOrder = new Int32Array(this.nItems).fill(-1);
    const ids: number[] = [];
    let now = -Infinity;
    for (let l = 0; l < end; l++) {
      const item = catalog.index.get(lines.product[l]);
      if (item === undefined) continue;
      const order = lines.order[l];
      if (seenInOrder[item] === order) continue;
      seenInOrder[item] = order;
      const cid = lines.customer[l];
      let u = this.userIndex.get(cid);
      if (u === undefined) {
        u = ids.length;
        ids.push(cid);
        this.userIndex.set(cid, u);
      }
      evUserTmp.push(u);
      evItemTmp.push(item);
      evDayTmp.push(lines.day[l]);
      if (lines.day[l] > now) now = lines.day[l];
    }
    this.now = Number.isFinite(now) ? now : 0;
    this.userIds = Int32Array.from(ids);
    this.nUsers = ids.length;
    const nEv = evUserTmp.length;
    this.evPtr = new Int32Array(this.nUsers + 1);
    for (const u of evUserTmp) this.evPtr[u + 1]++;
    for (let u = 0; u < this.nUsers; u++) this.evPtr[u + 1] += this.evPtr[u];
    this.evItem = new Int32Array(nEv);
    this.evDay = new Float64Array(nEv);
    const fill = this.evPtr.slice(0, this.nUsers);
    for (let e = 0; e < nEv; e++) {
      const p = fill[evUserTmp[e]]++;
      this.evItem[p] = evItemTmp[e];
      this.evDay[p] = evDayTmp[e];
    }
    [this.uPtr, this.uItem, this.uCount] = this.distinctPerUser();
    [this.iPtr, this.iUser] = this.buyersPerItem();
  }

  private distinctPerUser(): [Int32Array, Int32Array, Float32Array] {
    const ptr = new Int32Array(this.nUsers + 1);
    const items: number[] = [];
    const counts: number[] = [];
    const slot = new Int32Array(this.nItems).fill(-1);
    for (let u = 0; u < this.nUsers; u++) {
      const start = items.length;
      for (let e = this.evPtr[u]; e < this.evPtr[u + 1]; e++) {
        const i = this.evItem[e];
        if (slot[i] < start) {
          slot[i] = items.length;
          items.push(i);
          counts.push(1);
        } else counts[slot[i]]++;
      }
      ptr[u + 1] = items.length;
    }
    return [ptr, Int32Array.from(items), Float32Array.from(counts)];
  }

  private buyersPerItem(): [Int32Array, Int32Array] {
    const ptr = new Int32Array(this.nItems + 1);
    for (let k = 0; k < this.uItem.length; k++) ptr[this.uItem[k] + 1]++;
    for (let i = 0; i < this.nItems; i++) ptr[i + 1] += ptr[i];
    const users = new Int32Array(this.uItem.length);
    const fill = ptr.slice(0, this.nItems);
    for (let u = 0; u < this.nUsers; u++) {
      for (let k = this.uPtr[u]; k < this.uPtr[u + 1]; k++) users[fill[this.uItem[k]]++] = u;
    }
    return [ptr, users];
  }

  /** Number of distinct buyers of item i. */
  buyers(i: number): number {
    return this.iPtr[i + 1] - this.iPtr[i];
  }

  history(u: number): History {
    return { items: this.evItem.subarray(this.evPtr[u], this.evPtr[u + 1]), days: this.evDay.subarray(this.evPtr[u], this.evPtr[u + 1]) };
  }

  /**
   * Item co-occurrence counts C[i*n+j] = customers who bought both i and j (C[i*n+i] = buyers of i),
   * dense, computed once and shared by the item-based models.
   */
  cooccurrence(): Float32Array {
    if (this.cooc) return this.cooc;
    const n = this.nItems;
    const c = new Float32Array(n * n);
    for (let u = 0; u < this.nUsers; u++) {
      const a = this.uPtr[u];
      const b = this.uPtr[u + 1];
      for (let x = a; x < b; x++) {
        const row = this.uItem[x] * n;
        for (let y = a; y < b; y++) c[row + this.uItem[y]]++;
      }
    }
    this.cooc = c;
    return c;
  }

  /**
   * Each item's top-k co-purchase neighbours (best first, the item itself excluded), shared by the
   * item-based models: a list built for a larger k serves a smaller one (models truncate at query).
   */
  neighbours(similarity: Similarity, k: number): Neighbours {
    const cached = this.neighbourCache.get(similarity);
    if (cached && cached.k >= k) return cached;
    const nb = { ...neighboursFromCooccurrence(this.cooccurrence(), this.nItems, similarity, k), k };
    this.neighbourCache.set(similarity, nb);
    return nb;
  }

  /** Forgets the shared neighbour lists (so the next model's fit time is its own). */
  clearNeighbours(): void {
    this.neighbourCache.clear();
  }

  /** Drops the cached co-occurrence matrix and neighbour lists once every model is fitted. */
  releaseCache(): void {
    this.cooc = undefined;
    this.neighbourCache.clear();
  }
}

/** An empty history (cold-start customers). */
export const emptyHistory: History = { items: new Int32Array(0), days: new Float64Array(0) };
