import { describe, expect, it } from 'vitest';
import { finiteMean, mase, meanAbsoluteError, seasonalNaiveScale, smape, wape, WapeAccumulator } from '../../../src/engine/forecast/metrics';

describe('forecast metrics', () => {
  it('scales MASE by the in-sample seasonal naive MAE', () => {
    // season 2: |3-1| + |4-2| + |7-3| = 8 over 3 differences
    const train = [1, 2, 3, 4, 7];
    expect(seasonalNaiveScale(train, 2)).toBeCloseTo(8 / 3);
    // MAE of the forecast = (1 + 3) / 2 = 2
    expect(meanAbsoluteError([5, 5], [4, 8])).toBe(2);
    expect(mase([5, 5], [4, 8], train, 2)).toBeCloseTo(2 / (8 / 3));
  });

  it('gives NaN MASE when the training series has no seasonal variation to scale by', () => {
    expect(mase([1], [2], [3, 3, 3, 3], 2)).toBeNaN();
    expect(mase([1], [2], [3], 2)).toBeNaN();
  });

  it('counts 0/0 as zero error in sMAPE and caps a miss at 2', () => {
    expect(smape([0, 0], [0, 0])).toBe(0);
    // 2|10-0|/(10+0) = 2, 0/0 = 0, 2|4-6|/10 = 0.4 -> mean 0.8
    expect(smape([10, 0, 4], [0, 0, 6])).toBeCloseTo(0.8);
  });

  it('pools WAPE over series: sum of absolute errors over sum of actuals', () => {
    expect(wape([10, 0, 10], [5, 5, 10])).toBeCloseTo(10 / 20);
    const acc = new WapeAccumulator();
    acc.add([10, 10], [0, 10]); // error 10, actual 20
    acc.add([30], [40]); // error 10, actual 30
    expect(acc.value()).toBeCloseTo(20 / 50);
    expect(new WapeAccumulator().value()).toBeNaN();
  });

  it('averages only finite values', () => {
    expect(finiteMean([1, Number.NaN, 3, Number.POSITIVE_INFINITY])).toBe(2);
    expect(finiteMean([Number.NaN])).toBeNaN();
  });
});
