import { Dataset } from './dataset';
import type { FittedModels } from './fitModels';
import { buildParts, HYBRID_PARTS, type RecommendParams } from './params';

/**
 * Fitted models travel between threads by structured clone, which keeps data (typed arrays, Maps,
 * plain objects, shared references) but not classes: restoreModels() puts the prototypes back.
 */

/** The ArrayBuffers under every typed array reachable from `value` (moved, not copied, by postMessage). */
export function transferables(value: unknown): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      if (v.buffer instanceof ArrayBuffer) buffers.add(v.buffer);
      return;
    }
    const values = v instanceof Map ? [...v.keys(), ...v.values()] : Object.values(v);
    for (const x of values) walk(x);
  };
  walk(value);
  return [...buffers];
}

/** Gives a structured clone of fitted models back its classes (Dataset and each part's model class). */
export function restoreModels(clone: FittedModels, params: RecommendParams): FittedModels {
  Object.setPrototypeOf(clone.ds, Dataset.prototype);
  const fresh = buildParts(params);
  for (const name of HYBRID_PARTS) {
    const part = clone.parts[name];
    if (!part || (part as { name?: string }).name !== fresh[name].name) throw new Error(`fitted model ${name} is missing or of another kind`);
    Object.setPrototypeOf(part, Object.getPrototypeOf(fresh[name]));
  }
  return clone;
}
