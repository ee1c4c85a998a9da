import type { Rng } from './random';
import type { DemoProduct } from './catalogue';
import type { ReviewPhrases } from './inputs';
import type { DemoOrder } from './orderDetails';
import { reviewText } from './text';

export interface DemoReview {
  productIndex: number;
  customerIndex: number;
  rating: number;
  text: string;
  createdMs: number;
}

const DAY_MS = 86_400_000;

/**
 * Reviews of delivered purchases. Each product has a hidden quality; a rating is quality plus noise,
 * a day or more after delivery, lower after a late delivery or a return. Text follows the rating.
 */
export class ReviewWriter {
  readonly reviews: DemoReview[] = [];
  private readonly quality: Float64Array;

  constructor(
    private readonly rng: Rng,
    private readonly products: DemoProduct[],
    private readonly phrases: ReviewPhrases,
    private readonly rate: number,
    private readonly endMs: number,
  ) {
    this.quality = Float64Array.from(products, () => rng.normal(0, 0.7));
  }

  /** Considers every kept line of a delivered or returned order for a review. */
  consider(order: DemoOrder): void {
    if (order.deliveredMs === null || (order.status !== 'delivered' && order.status !== 'returned')) return;
    for (const line of order.lines) {
      if (line.cancelled || !this.rng.chance(this.rate)) continue;
      const createdMs = order.deliveredMs + this.rng.int(1, 21) * DAY_MS + this.rng.int(0, 86_399) * 1000;
      if (createdMs >= this.endMs) continue;
      const p = this.products[line.productIndex];
      const latent = 4.1 + this.quality[p.index] + this.rng.normal(0, 0.9) - (order.late ? 1.2 : 0) - (order.status === 'returned' ? 1.5 : 0);
      const rating = Math.min(5, Math.max(1, Math.round(latent)));
      const text = reviewText(this.rng, this.phrases, rating, { noun: p.noun, colour: p.colour, sized: p.sized, lateDelivery: order.late });
      this.reviews.push({ productIndex: p.index, customerIndex: order.customerIndex, rating, text, createdMs });
    }
  }

  /** Reviews in time order. */
  sorted(): DemoReview[] {
    return [...this.reviews].sort((a, b) => a.createdMs - b.createdMs || a.productIndex - b.productIndex);
  }
}
