import { BuyAgain } from './models/buyAgain';
import { ContentTfidf } from './models/contentTfidf';
import { Ease, type EaseOptions } from './models/ease';
import { ItemKnn, type ItemKnnOptions } from './models/itemKnn';
import type { Model } from './models/model';
import { Popularity } from './models/popularity';
import { Sar, type SarOptions } from './models/sar';
import { UserKnn, type UserKnnOptions } from './models/userKnn';
import type { Weights } from './hybrid';

/** Every model's hyper-parameters plus the hybrid's weights (order = HYBRID_PARTS). */
export interface RecommendParams {
  popularity: { halfLifeDays: number };
  buyAgain: { halfLifeDays: number };
  itemKnn: ItemKnnOptions;
  sar: SarOptions;
  userKnn: UserKnnOptions;
  ease: EaseOptions;
  content: { neighbours: number; halfLifeDays: number };
  weights: Weights;
}

/** The models blended by the served hybrid, in weight order. */
export const HYBRID_PARTS = ['popularity', 'buy_again', 'item_knn', 'sar', 'user_knn', 'ease', 'content_tfidf'] as const;
export type PartName = (typeof HYBRID_PARTS)[number];

/** Defaults: what validation on the nine-month Online Retail data chose (see bench/recommend.ts). */
export const DEFAULT_PARAMS: RecommendParams = {
  popularity: { halfLifeDays: 14 },
  buyAgain: { halfLifeDays: 60 },
  itemKnn: { similarity: 'cosine', neighbours: 100, halfLifeDays: Infinity },
  sar: { similarity: 'jaccard', halfLifeDays: 30, neighbours: 300 },
  userKnn: { neighbours: 50, power: 1, halfLifeDays: Infinity },
  ease: { lambda: 200, maxItems: 1500 },
  content: { neighbours: 50, halfLifeDays: 60 },
  weights: {
    all: [0.05, 1, 0.1, 0.5, 0.2, 0.3, 0.05],
    new: [0.1, 0, 0.2, 0.5, 0.3, 0.5, 0.1],
  },
};

/** Fresh, unfitted instances of the hybrid's parts. */
export function buildParts(p: RecommendParams): Record<PartName, Model> {
  return {
    popularity: new Popularity({ ...p.popularity }),
    buy_again: new BuyAgain({ ...p.buyAgain }),
    item_knn: new ItemKnn({ ...p.itemKnn }),
    sar: new Sar({ ...p.sar }),
    user_knn: new UserKnn({ ...p.userKnn }),
    ease: new Ease({ ...p.ease }),
    content_tfidf: new ContentTfidf({ ...p.content }),
  };
}
