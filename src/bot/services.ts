import type { Engine } from '../engine';
import type { SessionAccessor } from './session';
import type { CardPrice } from '../replies/products';
import type { RecommendOptions, Recommendation } from '../engine/recommend/recommender';

export type { RecommendOptions, Recommendation };

/** The recommendation engine as the dialogs use it. */
export interface Recommendations {
  forCustomer(customerId: number | null, options: RecommendOptions): Recommendation[];
  similarTo(productId: number, options: RecommendOptions): Recommendation[];
  forCart(productIds: number[], options: RecommendOptions): Recommendation[];
}

export interface Offer {
  promotionId: number;
  name: string;
  kind: string;
  terms: string;
}

/** The promotions engine as the dialogs use it. */
export interface Offers {
  offersFor(customerId: number | null): Offer[];
  priceFor(productId: number, customerId: number | null): CardPrice;
}

export interface SentimentReading {
  label: 'positive' | 'neutral' | 'negative';
  score: number;
}

/** Everything a dialog may use, passed in through constructors. */
export interface ShopServices {
  engine: Engine;
  session: SessionAccessor;
  recommendations: Recommendations;
  offers: Offers;
  sentiment: (text: string) => SentimentReading;
}
