export interface DiversityOptions {
  /** Two items at least this similar (content cosine) count as variants of one product. */
  threshold: number;
  /** How many variants of one product may appear in a list. */
  maxVariants: number;
  /** Items per category in one list (Infinity = no cap). */
  maxPerCategory: number;
}

export const DEFAULT_DIVERSITY: DiversityOptions = { threshold: 0.6, maxVariants: 1, maxPerCategory: Infinity };

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
