import fs from 'node:fs';
import { parseLabelledTsv } from '../../nlu/corpus';
import { SentimentAnalyser } from '../../nlu/sentiment';
import { normalize } from '../../nlu/tokenize';
import { parseFlags, printJson, UsageError, type CliIO } from '../io';

/**
 * `shopmate eval sentiment FILE.tsv [--json]`: lines `text<TAB>1|0`; a line is predicted 1 when
 * the analyser (the same one analyze() uses) labels it positive, else 0 (neutral counts as 0).
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(argv, { json: { type: 'boolean', default: false } });
  const file = positionals[0];
  if (!file) throw new UsageError('eval sentiment needs a FILE.tsv of text<TAB>1|0 lines');
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const rows = parseLabelledTsv(fs.readFileSync(file, 'utf8'), file);
  const bad = rows.findIndex((r) => r.label !== '0' && r.label !== '1');
  if (bad >= 0) throw new UsageError(`${file}: label must be 0 or 1, got "${rows[bad].label}" for "${rows[bad].text.slice(0, 40)}"`);
  if (rows.length === 0) throw new UsageError(`${file}: no labelled lines`);
  const analyser = new SentimentAnalyser();
  const confusion: Record<string, Record<string, number>> = { '0': {}, '1': {} };
  let correct = 0;
  for (const r of rows) {
    const { label } = analyser.analyze(normalize(r.text));
    if ((label === 'positive' ? '1' : '0') === r.label) correct++;
    confusion[r.label][label] = (confusion[r.label][label] ?? 0) + 1;
  }
  const accuracy = Math.round((correct / rows.length) * 10000) / 10000;
  const neutral = (confusion['0'].neutral ?? 0) + (confusion['1'].neutral ?? 0);
  const result = { n: rows.length, accuracy, neutral_rate: Math.round((neutral / rows.length) * 10000) / 10000, confusion };
  if (values.json) printJson(io, result);
  else io.out(`n ${result.n}  accuracy ${accuracy}  (neutral ${neutral}, counted as 0)\n1 -> ${JSON.stringify(confusion['1'])}\n0 -> ${JSON.stringify(confusion['0'])}`);
  return 0;
}
