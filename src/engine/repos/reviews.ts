import type { Db } from '../db';

export interface Review {
  id: number;
  productId: number;
  rating: number;
  text: string;
  createdAt: string;
}

export interface RatingSummary {
  average: number | null;
  count: number;
  /** Count of reviews per star, index 0 = 1 star. */
  stars: [number, number, number, number, number];
}

export class ReviewRepo {
  private readonly recentStmt;
  private readonly summaryStmt;

  constructor(db: Db) {
    this.recentStmt = db.prepare(
      'SELECT id, product_id AS productId, rating, text, created_at AS createdAt FROM reviews WHERE product_id = ? ORDER BY created_at DESC LIMIT ?',
    );
    this.summaryStmt = db.prepare('SELECT rating, COUNT(*) AS n FROM reviews WHERE product_id = ? GROUP BY rating');
  }

  recent(productId: number, limit = 20): Review[] {
    return this.recentStmt.all(productId, limit) as Review[];
  }

  summary(productId: number): RatingSummary {
    const stars: RatingSummary['stars'] = [0, 0, 0, 0, 0];
    for (const r of this.summaryStmt.all(productId) as { rating: number; n: number }[]) stars[r.rating - 1] = r.n;
    const count = stars.reduce((a, b) => a + b, 0);
    const average = count ? stars.reduce((s, n, i) => s + n * (i + 1), 0) / count : null;
    return { average, count, stars };
  }
}
