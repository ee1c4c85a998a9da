import os from 'node:os';

/**
 * The start-up cache's file layout for a trained model: a JSON head (labels, feature names and
 * whatever else the model needs) and its weights as raw float32, which load as a view on the file
 * without parsing or decoding (the weights are most of the model). Layout: the head's byte length
 * (u32, little-endian), the head, zero padding to a multiple of 4, the weights in this machine's
 * byte order (the head records it; the cache is never copied between machines anyway).
 */
export function packModel(head: object, weights: Float32Array): Buffer {
  const json = Buffer.from(JSON.stringify({ ...head, endianness: os.endianness() }), 'utf8');
  const offset = align4(4 + json.length);
  const out = Buffer.alloc(offset + weights.byteLength);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength).copy(out, offset);
  return out;
}

/** The head and weights of `packModel`'s output; throws on anything else. */
export function unpackModel(file: Buffer): { head: Record<string, unknown>; weights: Float32Array } {
  if (file.length < 4) throw new Error('model file: truncated');
  const length = file.readUInt32LE(0);
  const offset = align4(4 + length);
  if (offset > file.length || (file.length - offset) % 4 !== 0) throw new Error('model file: bad sizes');
  const head = JSON.parse(file.toString('utf8', 4, 4 + length)) as Record<string, unknown>;
  if (typeof head !== 'object' || head === null || head.endianness !== os.endianness()) throw new Error('model file: bad head');
  // a view when the file's bytes are aligned for it (they are when read whole), else a copy
  const at = file.byteOffset + offset;
  const count = (file.length - offset) / 4;
  const weights = at % 4 === 0 ? new Float32Array(file.buffer, at, count) : new Float32Array(file.buffer.slice(at, at + count * 4));
  return { head, weights };
}

function align4(n: number): number {
  return (n + 3) & ~3;
}
