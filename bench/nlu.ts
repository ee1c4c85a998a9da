/**
 * Benchmark of the NLU: start-up (cold, i.e. training, and from the cache) and analyze() latency
 * over a mix of messages (the held-out corpus plus long, empty, emoji and foreign ones), with the
 * demo catalogue's vocabulary when /tmp/shopmate/demo.db or data/shop.db exists.
 * Prints p50/p99 microseconds; the last line is one JSON object.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadVocabulary } from '../src/cli/commands/nlu';
import { createNlu } from '../src/nlu';
import { readLabelledTsv } from '../src/nlu/corpus';
import { latency } from '../src/nlu/evaluate';
import { HELDOUT_FILE } from '../src/nlu/intents';

const demo = '/tmp/shopmate/demo.db';
const { vocabulary, source } = loadVocabulary(process.env.NLU_BENCH_DB ?? (fs.existsSync(demo) ? demo : undefined));
const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-nlu-bench-'));

let t0 = performance.now();
createNlu({ vocabulary, cacheDir });
const coldMs = Math.round(performance.now() - t0);
t0 = performance.now();
const nlu = createNlu({ vocabulary, cacheDir });
const cachedMs = Math.round(performance.now() - t0);
fs.rmSync(cacheDir, { recursive: true, force: true });

const extra = [
  '',
  '😀👍',
  '¿dónde está mi pedido?',
  'runnning shoos under $50 in size 10, not red, anything but nike',
  'between 20 and 40 quid for a red jumbo bag retrospot please',
  'I ordered SM100042 two weeks ago and it never arrived, this is a scam, I want a refund to bob@example.com',
  'the shoes are nice but delivery was awful '.repeat(250),
];
const messages = [...readLabelledTsv(HELDOUT_FILE).map((r) => r.text), ...extra];
for (let i = 0; i < 2; i++) for (const m of messages) nlu.analyze(m); // warm up
const times: number[] = [];
for (let round = 0; round < 3; round++) {
  for (const m of messages) {
    const s = performance.now();
    nlu.analyze(m);
    times.push((performance.now() - s) * 1000);
  }
}
const { us_mean, us_p50, us_p99 } = latency(times);
console.log(`nlu start-up: cold (train) ${coldMs} ms, from cache ${cachedMs} ms; vocabulary ${source ?? 'none'}`);
console.log(`nlu analyze over ${times.length} messages: mean ${us_mean} us, p50 ${us_p50} us, p99 ${us_p99} us, max ${Math.round(Math.max(...times))} us`);
console.log(JSON.stringify({ bench: 'nlu', messages: times.length, us_mean, us_p50, us_p99, startup_cold_ms: coldMs, startup_cached_ms: cachedMs, vocabulary: source ?? null }));
