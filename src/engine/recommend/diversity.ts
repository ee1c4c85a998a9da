import type { Dataset, History } from './dataset';
import type { Model, ScoreContext } from './models/model';
import { topK } from './topK';

export interface DiversityOptions {
  /** Two items at least this similar (content cosine) count as variants of one product. */
  threshold: number;
  /** How many variants of one product may appear in a list. */
  maxVariants: number;
  /** Items per category in one list (Infinity = no cap). */
  maxPerCategory: number;
}

/** Colours and sizes of one product score 0.7-0.8 with each other in the demo store; two may show. */
export const DEFAULT_DIVERSITY: DiversityOptions = { threshold: 0.7, maxVariants: 2, maxPerCategory: Infinity };

/**
 * Greedy re-ranking so the top k is not ten colours of one mug: walk the candidates best first and
 * defer an item when `maxVariants` already-picked items are near-duplicates of it, or its category
 * is full; deferred items fill the list only if too few remain.
 */
export function diversify(
  candidates: readonly number[],
  k: number,
  similarity: (a: number, b: number) => number,
  category: (item: number) => string,
  options: DiversityOptions = DEFAULT_DIVERSITY,
): number[] {
  const picked: number[] = [];
  const deferred: number[] = [];
  const perCategory = new Map<string, number>();
  for (const c of candidates) {
    if (picked.length >= k) break;
    const variants = picked.reduce((n, p) => n + (similarity(c, p) >= options.threshold ? 1 : 0), 0);
    const cat = category(c);
    const inCategory = cat ? (perCategory.get(cat) ?? 0) : 0;
    if (variants >= options.maxVariants || inCategory >= options.maxPerCategory) {
      deferred.push(c);
      continue;
    }
    picked.push(c);
    if (cat) perCategory.set(cat, inCategory + 1);
  }
  for (const d of deferred) {
    if (picked.length >= k) break;
    picked.push(d);
  }
  return picked;
}

/**
 * A model's ranking after the served diversity re-rank (for evaluation): its best `depth` items are
 * re-ordered by diversify() and scored depth, depth-1, ... so top-k of the result is the served list.
 */
export class Diversified implements Model {
  readonly name: string;

  constructor(
    readonly inner: Model,
    private readonly similarity: (a: number, b: number) => number,
    private readonly category: (item: number) => string,
    private readonly options: DiversityOptions = DEFAULT_DIVERSITY,
    private readonly depth = 40,
  ) {
    this.name = `${inner.name}_diverse`;
  }

  fit(ds: Dataset): void {
    this.inner.fit(ds);
  }

  score(h: History, out: Float32Array, self?: number, context?: ScoreContext): void {
    this.inner.score(h, out, self, context);
    const ranked = diversify(Array.from(topK(out, this.depth, context?.skip)), this.depth, this.similarity, this.category, this.options);
    out.fill(0);
    ranked.forEach((item, r) => (out[item] = this.depth - r));
  }
}
