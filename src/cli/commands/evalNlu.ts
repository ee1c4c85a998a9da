import fs from 'node:fs';
import { createNlu } from '../../nlu';
import { compareCandidates } from '../../nlu/candidates';
import { readLabelledTsv, type LabelledText } from '../../nlu/corpus';
import { crossValidate } from '../../nlu/crossValidate';
import { latency, scoreIntents, type IntentReport } from '../../nlu/evaluate';
import { isIntent, TRAIN_FILE } from '../../nlu/intents';
import { loadSentimentLexicon } from '../../nlu/sentiment';
import { loadWordClasses } from '../../nlu/wordClasses';
import { intFlag, parseFlags, printJson, progress, UsageError, type CliIO } from '../io';
import { loadVocabulary } from './nlu';

/**
 * `shopmate eval nlu FILE.tsv [--db FILE] [--compare [--natural-lr N]] [--retrain] [--cv K] [--json]`: runs every line
 * (`text<TAB>intent`) through the bot's analyze() and reports accuracy, macro F1, per-intent
 * precision/recall, the confusion table and the time per message. --compare also trains the
 * candidate classifiers we chose between on data/nlu/intents.train.tsv and scores them on FILE;
 * --natural-lr N adds natural's logistic regression trained on N utterances per intent.
 * --retrain ignores the model cache (startup_ms is then the training time, also `train_ms`).
 * --cv K instead cross-validates on FILE itself (k folds, stratified, near-copies kept together):
 * each fold's model is trained from scratch on the other folds and runs the whole analyze().
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    db: { type: 'string' },
    compare: { type: 'boolean', default: false },
    'natural-lr': { type: 'string' },
    retrain: { type: 'boolean', default: false },
    cv: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('eval nlu needs a FILE.tsv of text<TAB>intent lines');
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const rows = readLabelledTsv(file);
  if (rows.length === 0) throw new UsageError(`${file}: no labelled lines`);
  const unknown = [...new Set(rows.map((r) => r.label).filter((l) => !isIntent(l)))];
  if (unknown.length) io.err(`eval nlu: ${unknown.length} label(s) are not intents of this bot and count as errors: ${unknown.slice(0, 5).join(', ')}`);

  const { vocabulary, source } = loadVocabulary(values.db);
  if (values.cv !== undefined) return runCrossValidation(rows, intFlag(values.cv, 'cv', 5, 2), values.json, io);
  const started = performance.now();
  const nlu = createNlu({ vocabulary, cacheDir: values.retrain ? null : undefined, onLog: (m) => io.err(m) });
  const startup_ms = Math.round(performance.now() - started);
  for (const r of rows.slice(0, 200)) nlu.analyze(r.text); // warm-up (JIT), not timed
  const bar = progress(io, 'eval nlu');
  const times: number[] = [];
  let clarifications = 0;
  const predicted = rows.map((r, i) => {
    const t0 = performance.now();
    const a = nlu.analyze(r.text);
    times.push((performance.now() - t0) * 1000);
    if (a.needsClarification) clarifications++;
    if (i % 200 === 0) bar.update(i, rows.length);
    return a.intent;
  });
  const report = scoreIntents(rows.map((r) => r.label), predicted);
  const { us_mean, us_p50, us_p99 } = latency(times);
  bar.done(`${rows.length} messages, accuracy ${report.accuracy}`);
  const result: Record<string, unknown> = {
    ...report,
    us_mean,
    us_p50,
    us_p99,
    clarification_rate: Math.round((clarifications / rows.length) * 10000) / 10000,
    startup_ms,
    ...(values.retrain ? { train_ms: startup_ms } : {}),
    classifier: 'softmax regression on stemmed words, bigrams, character n-grams, word classes and novelty (src/nlu/softmaxClassifier.ts)',
    vocabulary: source ?? null,
  };
  if (values.compare) {
    const compareBar = progress(io, 'comparing classifiers');
    const lexicon = loadSentimentLexicon();
    result.compare = compareCandidates(rows, {
      mark: loadWordClasses(lexicon).mark,
      trainFile: TRAIN_FILE,
      naturalLogisticSample: values['natural-lr'] === undefined ? undefined : intFlag(values['natural-lr'], 'natural-lr', 20),
      onProgress: (name) => io.err(`training ${name}`),
    });
    compareBar.done('done');
  }
  if (values.json) printJson(io, result);
  else io.out(table(report, us_mean, us_p99, result.compare as Record<string, { accuracy: number; macro_f1: number; fit_ms: number }> | undefined));
  return 0;
}

function runCrossValidation(rows: LabelledText[], k: number, json: boolean, io: CliIO): number {
  if (k < 2 || k > rows.length) throw new UsageError(`--cv needs 2 <= K <= ${rows.length}`);
  const bar = progress(io, `cross-validating (${k} folds)`);
  let clarifications = 0;
  let fold = 0;
  const report = crossValidate(rows, k, (train) => {
    bar.update(fold++, k);
    const nlu = createNlu({ trainRows: train, cacheDir: null });
    return (text) => {
      const a = nlu.analyze(text);
      if (a.needsClarification) clarifications++;
      return a.intent;
    };
  });
  bar.done(`${rows.length} messages, ${k}-fold accuracy ${report.accuracy}`);
  const result = { ...report, clarification_rate: Math.round((clarifications / rows.length) * 10000) / 10000 };
  if (json) printJson(io, result);
  else io.out(`${k}-fold cross-validation on ${rows.length} messages: accuracy ${report.accuracy} (folds ${report.fold_accuracy.join(', ')}), macro F1 ${report.macro_f1}, train ${report.train_ms} ms a fold`);
  return 0;
}

function table(r: IntentReport, usMean: number, usP99: number, compare?: Record<string, { accuracy: number; macro_f1: number; fit_ms: number }>): string {
  const lines = [`n ${r.n}  accuracy ${r.accuracy}  macro F1 ${r.macro_f1}  analyze mean ${usMean} us, p99 ${usP99} us`, '', 'intent            precision  recall     n'];
  for (const [intent, s] of Object.entries(r.per_intent)) lines.push(`${intent.padEnd(17)} ${s.precision.toFixed(3).padStart(9)} ${s.recall.toFixed(3).padStart(7)} ${String(s.n).padStart(5)}`);
  const mistakes = Object.entries(r.confusion)
    .flatMap(([gold, row]) => Object.entries(row).filter(([p]) => p !== gold).map(([p, n]) => ({ gold, p, n })))
    .sort((a, b) => b.n - a.n)
    .slice(0, 10);
  if (mistakes.length) lines.push('', 'most common confusions', ...mistakes.map((m) => `  ${m.gold} -> ${m.p}: ${m.n}`));
  if (compare) {
    lines.push('', 'classifier                                 accuracy  macro F1   fit ms');
    for (const [name, c] of Object.entries(compare)) lines.push(`${name.padEnd(42)} ${c.accuracy.toFixed(4).padStart(8)} ${c.macro_f1.toFixed(4).padStart(9)} ${String(c.fit_ms).padStart(8)}`);
  }
  return lines.join('\n');
}
