import type { Db } from '../db';
import { getMeta, setMeta } from '../db';
import { loadCatalog, loadLines } from './interactions';
import { DEFAULT_PARAMS, type RecommendParams } from './params';
import { tuneParams, validationFolds } from './tune';

/** Where a store keeps the parameters tuned on its own sales. */
export const PARAMS_META_KEY = 'recommend.params';

/** JSON has no Infinity (a half-life "never decays"): it travels as the string "Infinity". */
export const paramsToJson = (p: RecommendParams): string => JSON.stringify(p, (_k, v) => (v === Infinity ? 'Infinity' : v));
export const paramsFromJson = (s: string): RecommendParams => JSON.parse(s, (_k, v) => (v === 'Infinity' ? Infinity : v)) as RecommendParams;

/** The store's saved parameters, or undefined (unreadable or old-shaped ones are ignored). */
export function savedParams(db: Db): RecommendParams | undefined {
  const raw = getMeta(db, PARAMS_META_KEY);
  if (!raw) return undefined;
  try {
    const p = upgrade(paramsFromJson(raw));
    const sameShape = Object.keys(DEFAULT_PARAMS).every((k) => k in p) && p.weights.all.length === DEFAULT_PARAMS.weights.all.length;
    return sameShape ? p : undefined;
  } catch {
    return undefined;
  }
}

/** Parameters saved before buy_again_count joined the blend keep their tuned weights (0 for it). */
function upgrade(p: RecommendParams): RecommendParams {
  const old = p as Partial<RecommendParams>;
  if (old.buyAgainCount || old.weights?.all?.length !== DEFAULT_PARAMS.weights.all.length - 1) return p;
  return { ...p, buyAgainCount: { ...DEFAULT_PARAMS.buyAgainCount }, weights: { all: [...p.weights.all, 0], new: [...p.weights.new, 0] } };
}

/**
 * Tunes every model and the hybrid's weights on validation folds of ALL the store's sales (the
 * same procedure `shopmate eval recommend` runs inside its training period). Takes tens of seconds
 * on a large store: run it offline or at night, not inside a chat turn.
 */
export function tuneOnStore(db: Db, options: { k?: number; save?: boolean; log?: (msg: string) => void } = {}): RecommendParams {
  const lines = loadLines(db);
  if (lines.length === 0) return DEFAULT_PARAMS; // nothing to learn from yet
  const catalog = loadCatalog(db);
  const { params } = tuneParams(validationFolds(lines, catalog, lines.length, options.k ?? 10), DEFAULT_PARAMS, options.log);
  if (options.save) setMeta(db, PARAMS_META_KEY, paramsToJson(params));
  return params;
}
