import { BuyAgain, type BuyAgainOptions } from './models/buyAgain';
import { ContentTfidf } from './models/contentTfidf';
import { Ease, type EaseOptions } from './models/ease';
import { ItemKnn, type ItemKnnOptions } from './models/itemKnn';
import type { Model } from './models/model';
import { Popularity, type PopularityOptions } from './models/popularity';
import { Sar, type SarOptions } from './models/sar';
import { UserKnn, type UserKnnOptions } from './models/userKnn';
import type { Weights } from './hybrid';

/** Every model's hyper-parameters plus the hybrid's weights (order = HYBRID_PARTS). */
export interface RecommendParams {
  popularity: PopularityOptions;
  buyAgain: BuyAgainOptions;
  /**
   * The second buy-again view, not tuned: plain order counts (no decay, no item factors), what
   * buy_again's decay and factors leave out; the blend's weights decide how much each counts.
   */
  buyAgainCount: BuyAgainOptions;
  itemKnn: ItemKnnOptions;
  sar: SarOptions;
  userKnn: UserKnnOptions;
  ease: EaseOptions;
  content: { neighbours: number; halfLifeDays: number };
  weights: Weights;
}

/** The models blended by the served hybrid, in weight order. */
export const HYBRID_PARTS = ['popularity', 'buy_again', 'item_knn', 'sar', 'user_knn', 'ease', 'content_tfidf', 'buy_again_count'] as const;
export type PartName = (typeof HYBRID_PARTS)[number];

/**
 * Defaults for the bot: what `shopmate eval recommend` chose on the validation folds of the nine-month
 * Online Retail data. A store's own tuned parameters (Recommender.tune(), saved in its meta table)
 * replace these: the demo store's best weights differ a lot from a wholesaler's.
 */
export const DEFAULT_PARAMS: RecommendParams = {
  popularity: { halfLifeDays: 2, perCustomer: true },
  buyAgain: { halfLifeDays: 120, repeatPower: 1, trendPower: 0.5 },
  buyAgainCount: { halfLifeDays: Infinity, repeatPower: 0, trendPower: 0 },
  itemKnn: { similarity: 'jaccard', neighbours: 1000, halfLifeDays: 120 },
  sar: { similarity: 'jaccard', halfLifeDays: 120, neighbours: 300 },
  userKnn: { neighbours: 200, power: 2, halfLifeDays: 30 },
  ease: { lambda: 800, maxItems: 1500 },
  content: { neighbours: 20, halfLifeDays: 120 },
  weights: {
    all: [0.217, 0.213, 0, 0, 0.135, 0.038, 0, 0.373],
    new: [0.196, 0, 0.118, 0.058, 0.167, 0.234, 0.225, 0],
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
    buy_again_count: new BuyAgain({ ...p.buyAgainCount }, 'buy_again_count'),
  };
}
