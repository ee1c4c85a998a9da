import type { Catalog } from '../interactions';
import type { Dataset, History } from '../dataset';
import { tokenize } from '../tokenize';
import { topK } from '../topK';
import { affinity, type ItemModel } from './model';
import type { Neighbours } from './neighbours';

/** Sparse L2-normalised TF-IDF vectors, one per catalogue item (CSR over term ids). */
export interface TfidfVectors {
  ptr: Int32Array;
  term: Int32Array;
  weight: Float32Array;
  vocabulary: Map<string, number>;
}

/** Field weights: the name says most about a product; description, category and brand help. */
const FIELDS: [keyof Pick<Catalog, 'name' | 'description' | 'category' | 'brand'>, number][] = [
  ['name', 2],
  ['description', 1],
  ['category', 1],
  ['brand', 1],
];

export function tfidfVectors(catalog: Catalog): TfidfVectors {
  const vocabulary = new Map<string, number>();
  const docs: Map<number, number>[] = [];
  const df: number[] = [];
  for (let i = 0; i < catalog.size; i++) {
    const tf = new Map<number, number>();
    for (const [field, w] of FIELDS) {
      for (const tok of tokenize(catalog[field][i])) {
        let t = vocabulary.get(tok);
        if (t === undefined) vocabulary.set(tok, (t = vocabulary.size));
        tf.set(t, (tf.get(t) ?? 0) + w);
      }
    }
    for (const t of tf.keys()) df[t] = (df[t] ?? 0) + 1;
    docs.push(tf);
  }
  const ptr = new Int32Array(catalog.size + 1);
  const term: number[] = [];
  const weight: number[] = [];
  docs.forEach((tf, i) => {
    const entries = [...tf].sort((a, b) => a[0] - b[0]).map(([t, c]) => [t, (1 + Math.log(c)) * Math.log((1 + catalog.size) / (1 + df[t]))] as const);
    const norm = Math.hypot(...entries.map((e) => e[1])) || 1;
    for (const [t, w] of entries) {
      term.push(t);
      weight.push(w / norm);
    }
    ptr[i + 1] = term.length;
  });
  return { ptr, term: Int32Array.from(term), weight: Float32Array.from(weight), vocabulary };
}

/** Cosine similarity of two items' TF-IDF vectors. */
export function cosine(v: TfidfVectors, a: number, b: number): number {
  let x = v.ptr[a];
  let y = v.ptr[b];
  let dot = 0;
  while (x < v.ptr[a + 1] && y < v.ptr[b + 1]) {
    if (v.term[x] === v.term[y]) dot += v.weight[x++] * v.weight[y++];
    else if (v.term[x] < v.term[y]) x++;
    else y++;
  }
  return dot;
}

/** Each item's `k` most similar items by text, through an inverted index. */
export function contentNeighbours(v: TfidfVectors, k: number): Neighbours {
  const n = v.ptr.length - 1;
  const nTerms = v.vocabulary.size;
  const tPtr = new Int32Array(nTerms + 1);
  for (const t of v.term) tPtr[t + 1]++;
  for (let t = 0; t < nTerms; t++) tPtr[t + 1] += tPtr[t];
  const tItem = new Int32Array(v.term.length);
  const tWeight = new Float32Array(v.term.length);
  const fill = tPtr.slice(0, nTerms);
  for (let i = 0; i < n; i++) {
    for (let p = v.ptr[i]; p < v.ptr[i + 1]; p++) {
      const slot = fill[v.term[p]]++;
      tItem[slot] = i;
      tWeight[slot] = v.weight[p];
    }
  }
  const row = new Float32Array(n);
  const ptr = new Int32Array(n + 1);
  const items: number[] = [];
  const sims: number[] = [];
  for (let i = 0; i < n; i++) {
    row.fill(0);
    for (let p = v.ptr[i]; p < v.ptr[i + 1]; p++) {
      const t = v.term[p];
      for (let q = tPtr[t]; q < tPtr[t + 1]; q++) row[tItem[q]] += v.weight[p] * tWeight[q];
    }
    row[i] = 0;
    for (const j of topK(row, k)) {
      items.push(j);
      sims.push(row[j]);
    }
    ptr[i + 1] = items.length;
  }
  return { ptr, item: Int32Array.from(items), sim: Float32Array.from(sims) };
}

/**
 * Content-based: TF-IDF over name, description, category and brand; a customer's score for an
 * item is the similarity to what they bought (recency-weighted). Scores products nobody bought yet.
 */
export class ContentTfidf implements ItemModel {
  readonly name = 'content_tfidf';
  vectors?: TfidfVectors;
  nb: Neighbours = { ptr: new Int32Array(1), item: new Int32Array(0), sim: new Float32Array(0) };
  private now = 0;
  private fittedCatalog?: Catalog;

  constructor(readonly options: { neighbours: number; halfLifeDays: number } = { neighbours: 50, halfLifeDays: 60 }) {}

  fit(ds: Dataset): void {
    this.now = ds.now;
    if (this.fittedCatalog === ds.catalog) return;
    this.vectors = tfidfVectors(ds.catalog);
    this.nb = contentNeighbours(this.vectors, this.options.neighbours);
    this.fittedCatalog = ds.catalog;
  }

  score(h: History, out: Float32Array): void {
    out.fill(0);
    const a = affinity(h, this.now, this.options.halfLifeDays);
    for (let x = 0; x < a.items.length; x++) {
      const i = a.items[x];
      const end = Math.min(this.nb.ptr[i + 1], this.nb.ptr[i] + this.options.neighbours);
      for (let p = this.nb.ptr[i]; p < end; p++) out[this.nb.item[p]] += a.weights[x] * this.nb.sim[p];
    }
  }

  similar(items: ArrayLike<number>, out: Float32Array): void {
    out.fill(0);
    for (let x = 0; x < items.length; x++) {
      const i = items[x];
      for (let p = this.nb.ptr[i]; p < this.nb.ptr[i + 1]; p++) out[this.nb.item[p]] += this.nb.sim[p];
    }
    for (let x = 0; x < items.length; x++) out[items[x]] = 0;
  }
}
