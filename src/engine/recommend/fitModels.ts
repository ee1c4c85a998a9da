import type { Db } from '../db';
import { Dataset } from './dataset';
import type { ExplainContext } from './explain';
import { Hybrid } from './hybrid';
import { loadCatalog, loadLines, type Catalog } from './interactions';
import type { ContentTfidf } from './models/contentTfidf';
import type { Model } from './models/model';
import type { Sar } from './models/sar';
import { buildParts, HYBRID_PARTS, type PartName, type RecommendParams } from './params';
import { StoreReader, type StoreStamp } from './storeReader';

/** What one fit produces from the store: plain data and fitted models (no live handles). */
export interface FittedModels {
  catalog: Catalog;
  ds: Dataset;
  parts: Record<PartName, Model>;
  /** The store's fingerprint read before the sales, so a later change is never missed. */
  stamp: StoreStamp;
  /** Load + fit milliseconds. */
  ms: number;
}

/** The served state: fitted models plus what is derived from them cheaply. */
export interface Fitted extends FittedModels {
  hybrid: Hybrid;
  explain: ExplainContext;
  /** When the fit started (the injected clock), for the staleness check. */
  at: number;
}

/** Loads the sales view and fits every part of the hybrid (synchronous: seconds on a large store). */
export function fitModels(db: Db, params: RecommendParams): FittedModels {
  const started = performance.now();
  const stamp = new StoreReader(db).stamp();
  const catalog = loadCatalog(db);
  const ds = new Dataset(loadLines(db), catalog);
  const parts = buildParts(params);
  for (const name of HYBRID_PARTS) parts[name].fit(ds);
  ds.releaseCache();
  return { catalog, ds, parts, stamp, ms: performance.now() - started };
}

/** The served state from fitted models (cheap: no data is copied). */
export function serve(m: FittedModels, params: RecommendParams, at: number): Fitted {
  const content = m.parts.content_tfidf as ContentTfidf;
  return {
    ...m,
    hybrid: new Hybrid(HYBRID_PARTS.map((n) => m.parts[n]), params.weights),
    explain: { catalog: m.catalog, coPurchase: (m.parts.sar as Sar).nb, vectors: content.vectors },
    at,
  };
}
