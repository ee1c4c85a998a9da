import type { DemoProduct } from './catalogue';
import type { DemoCustomer } from './customers';
import { DEMO_GROUND_TRUTH, type DemoGroundTruth } from './groundTruth';

/**
 * Each customer's choice weights over products: exp(tasteScale × taste·style + category preference − price
 * sensitivity × log(price / category median)), normalised per customer over the popularity-weighted
 * catalogue. When a sold line is handed to one of the day's shoppers, shopper c gets it with
 * probability proportional to weight[c][p]: the latent structure collaborative filtering can find.
 */
export function affinityMatrix(customers: DemoCustomer[], products: DemoProduct[], categoryCount: number, truth: DemoGroundTruth = DEMO_GROUND_TRUTH): Float32Array {
  const P = products.length;
  const medians = Array.from({ length: categoryCount }, (_, c) => {
    const prices = products.filter((p) => p.categoryIndex === c).map((p) => p.basePriceCents).sort((a, b) => a - b);
    return prices.length ? prices[Math.floor(prices.length / 2)] : 1;
  });
  const logRelPrice = products.map((p) => Math.log(p.basePriceCents / medians[p.categoryIndex]));
  const weights = new Float32Array(customers.length * P);
  const u = new Float64Array(P);
  for (const c of customers) {
    let z = 0;
    for (const p of products) {
      let dot = 0;
      for (let k = 0; k < p.vector.length; k++) dot += c.taste[k] * p.vector[k];
      u[p.index] = Math.exp(truth.tasteScale * dot + c.categoryPreference[p.categoryIndex] - c.priceSensitivity * logRelPrice[p.index]);
      z += p.popularity * u[p.index];
    }
    const row = c.index * P;
    for (let p = 0; p < P; p++) weights[row + p] = u[p] / z;
  }
  return weights;
}
