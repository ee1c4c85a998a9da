import { describe, expect, it } from 'vitest';
import { packModel, unpackModel } from '../../src/nlu/modelFile';

describe('model file', () => {
  const weights = Float32Array.from([0.5, -1.25, 3e-7, 42]);

  it('gives back the head and the exact weights, also from bytes that are not 4-aligned', () => {
    const file = packModel({ labels: ['a', 'b'], note: 'café ✓' }, weights);
    const back = unpackModel(file);
    expect(back.head).toMatchObject({ labels: ['a', 'b'], note: 'café ✓' });
    expect(Array.from(back.weights)).toEqual(Array.from(weights));
    const shifted = Buffer.concat([Buffer.from([7]), file]).subarray(1);
    expect(Array.from(unpackModel(shifted).weights)).toEqual(Array.from(weights));
  });

  it('rejects what it did not write', () => {
    const file = packModel({ labels: [] }, weights);
    expect(() => unpackModel(Buffer.from('{"classifier": "not a model"'))).toThrow();
    expect(() => unpackModel(file.subarray(0, 3))).toThrow();
    expect(() => unpackModel(file.subarray(0, file.length - 2))).toThrow();
  });
});
