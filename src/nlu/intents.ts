import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seededRandom, type ClassScore, type LabelledFeatures } from './classifier';
import { NLU_DATA_DIR, readLabelledTsv, sha256, type LabelledText } from './corpus';
import { DEFAULT_FEATURES, domainFrequency, intentFeatures, noveltyFeatures, type DomainFrequency, type FeatureOptions, type WordMarker } from './intentFeatures';
import { packModel, unpackModel } from './modelFile';
import { SOFTMAX_DEFAULTS, SoftmaxClassifier, type SoftmaxHead, type SoftmaxOptions } from './softmaxClassifier';
import { tokenize, type Token } from './tokenize';

/** The customer intents of DESIGN.md, exactly. */
export const INTENTS = [
  'greeting', 'goodbye', 'thanks', 'help', 'search_products', 'recommend', 'deals', 'product_info', 'compare',
  'add_to_cart', 'view_cart', 'checkout', 'order_status', 'cancel_order', 'return_refund', 'shipping_info',
  'payment', 'account_help', 'complaint', 'human_agent', 'feedback', 'out_of_scope',
] as const;

export type Intent = (typeof INTENTS)[number];

export function isIntent(s: string): s is Intent {
  return (INTENTS as readonly string[]).includes(s);
}

export const TRAIN_FILE = path.join(NLU_DATA_DIR, 'intents.train.tsv');
export const HELDOUT_FILE = path.join(NLU_DATA_DIR, 'intents.heldout.tsv');
export const DEFAULT_CACHE_DIR = path.resolve(NLU_DATA_DIR, '../cache');

/** Bump when features, training or the cache file's layout change in a way the corpus hash cannot see. */
const MODEL_VERSION = 'softmax-v5-binary';
/** Training words seen at least this often become targets of typo correction. */
const MIN_WORD_COUNT = 2;
/**
 * Share of features dropped in one noisy copy of each training message. It regularised the
 * word-only model (+1 point); with character n-grams 5-fold CV on the training file scores 0, 0.1
 * and 0.2 alike (0.916, 0.916, 0.914), so no copies: half the training time.
 */
export const DROPOUT = 0;

/** Everything that decides training besides the corpus; chosen by k-fold cross-validation on the training file. */
export interface TrainOptions {
  features: FeatureOptions;
  softmax: SoftmaxOptions;
  /** Share of features dropped in each noisy copy of a training message (0: no copies). */
  dropout: number;
}

export const TRAIN_DEFAULTS: TrainOptions = { features: DEFAULT_FEATURES, softmax: SOFTMAX_DEFAULTS, dropout: DROPOUT };

/** Defaults with some fields replaced (nested objects merged). */
export function trainOptions(o: { features?: Partial<FeatureOptions>; softmax?: Partial<SoftmaxOptions>; dropout?: number } = {}): TrainOptions {
  return {
    features: { ...TRAIN_DEFAULTS.features, ...o.features },
    softmax: { ...TRAIN_DEFAULTS.softmax, ...o.softmax },
    dropout: o.dropout ?? TRAIN_DEFAULTS.dropout,
  };
}

/** A copy of each message with a random share `rate` of its features left out, so no single word decides alone. */
export function dropoutCopies(docs: LabelledFeatures[], rate: number): LabelledFeatures[] {
  if (rate <= 0) return [];
  const rand = seededRandom(11);
  return docs.map((d) => ({ features: d.features.filter(() => rand() >= rate), label: d.label })).filter((d) => d.features.length > 0);
}

/** A trained intent model: the classifier plus what its features need at run time. */
export class IntentModel {
  constructor(
    readonly classifier: SoftmaxClassifier,
    readonly domain: DomainFrequency,
    /** Words of the training corpus (seen twice or more), the typo corrector's vocabulary. */
    readonly words: readonly string[],
    readonly featureOptions: FeatureOptions = DEFAULT_FEATURES,
  ) {}

  features(tokens: Token[], mark: WordMarker): string[] {
    const features = intentFeatures(tokens, mark, this.featureOptions);
    for (const f of noveltyFeatures(tokens, mark, this.domain)) features.push(f);
    return features;
  }

  /** Whether the model has seen this word stem. */
  knowsStem(stem: string): boolean {
    return this.classifier.knows(`w:${stem}`);
  }

  /** Scores, and how many of the message's word, bigram and character n-gram features the model knows. */
  predict(tokens: Token[], mark: WordMarker): { scores: ClassScore[]; known: number } {
    return this.classifier.predictCounting(this.features(tokens, mark), isEvidence);
  }

  static train(rows: LabelledText[], mark: WordMarker, options: TrainOptions = TRAIN_DEFAULTS): IntentModel {
    const docs = rows.map((r) => ({ tokens: tokenize(r.text), label: r.label }));
    const domain = domainFrequency(docs);
    const training: LabelledFeatures[] = docs.map((d) => ({
      features: [...intentFeatures(d.tokens, mark, options.features), ...noveltyFeatures(d.tokens, mark, domain, d.label !== 'out_of_scope')],
      label: d.label,
    }));
    training.push(...dropoutCopies(training, options.dropout));
    const counts = new Map<string, number>();
    for (const d of docs) for (const t of d.tokens) if (t.kind === 'word') counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
    const words = [...counts].filter(([, n]) => n >= MIN_WORD_COUNT).map(([w]) => w).sort();
    return new IntentModel(SoftmaxClassifier.train(training, options.softmax), domain, words, options.features);
  }

  /** The start-up cache's bytes (see modelFile.ts). */
  serialize(): Buffer {
    const { head, weights } = this.classifier.parts();
    return packModel({ classifier: head, domain: [...this.domain], words: this.words, featureOptions: this.featureOptions }, weights);
  }

  static deserialize(file: Buffer): IntentModel {
    const { head, weights } = unpackModel(file);
    const o = head as { classifier: SoftmaxHead; domain: [string, number][]; words: string[]; featureOptions: FeatureOptions };
    if (typeof o.classifier !== 'object' || !Array.isArray(o.domain) || !Array.isArray(o.words) || typeof o.featureOptions !== 'object') throw new Error('intent model: bad cache');
    return new IntentModel(SoftmaxClassifier.fromParts(o.classifier, weights), new Map(o.domain), o.words, { ...DEFAULT_FEATURES, ...o.featureOptions });
  }
}

/** Features that show the message speaks the shop's language: words, bigrams and character n-grams, not "w:#novel". */
function isEvidence(f: string): boolean {
  return (f.startsWith('w:') || f.startsWith('b:') || f.startsWith('c:')) && f !== 'w:#novel';
}

export interface LoadOptions {
  mark: WordMarker;
  /** Text of whatever else decides the model (word lists, lexicon), so a change to it retrains. */
  fingerprint: string;
  trainFile?: string;
  /** Training options; default TRAIN_DEFAULTS. */
  training?: TrainOptions;
  /** Cache directory; null disables the cache. */
  cacheDir?: string | null;
  onLog?: (msg: string) => void;
}

/**
 * Trains the intent model from the corpus, or loads it from the cache when the corpus, word lists
 * and model version hash the same. A corrupt or unreadable cache is ignored and rebuilt silently.
 */
export function loadIntentModel(options: LoadOptions): IntentModel {
  const log = options.onLog ?? (() => {});
  const trainFile = options.trainFile ?? TRAIN_FILE;
  const training = options.training ?? TRAIN_DEFAULTS;
  const corpus = fs.readFileSync(trainFile, 'utf8');
  const key = sha256(MODEL_VERSION, JSON.stringify(training), options.fingerprint, corpus).slice(0, 16);
  const file = options.cacheDir === null ? undefined : path.join(options.cacheDir ?? DEFAULT_CACHE_DIR, `intent-model-${key}.bin`);
  for (const candidate of file ? [file, fallbackFile(file)] : []) {
    try {
      const model = IntentModel.deserialize(fs.readFileSync(candidate));
      if (model.classifier.labels.every(isIntent)) {
        log(`nlu: intent model loaded from ${candidate}`);
        return model;
      }
    } catch {
      // missing or corrupt: try the next place, then train below
    }
  }
  const started = Date.now();
  const rows = readLabelledTsv(trainFile);
  const unknown = rows.find((r) => !isIntent(r.label));
  if (unknown) throw new Error(`${trainFile}: unknown intent "${unknown.label}"`);
  const model = IntentModel.train(rows, options.mark, training);
  log(`nlu: trained intent model on ${rows.length} utterances in ${Date.now() - started} ms`);
  if (file) writeCache(file, model.serialize(), log);
  return model;
}

/** Where the model goes when the cache directory is not writable. */
function fallbackFile(file: string): string {
  return path.join(os.tmpdir(), 'shopmate-nlu', path.basename(file));
}

function writeCache(file: string, content: Buffer, log: (msg: string) => void): void {
  for (const target of [file, fallbackFile(file)]) {
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, content);
      fs.renameSync(tmp, target);
      removeStaleModels(target);
      return;
    } catch (e) {
      log(`nlu: could not write model cache ${target}: ${(e as Error).message}`);
    }
  }
}

/** Models trained on an earlier corpus are never read again: keep only the one just written. */
function removeStaleModels(current: string): void {
  const dir = path.dirname(current);
  for (const name of fs.readdirSync(dir)) {
    if (/^intent-model-[0-9a-f]+\.(json|bin)$/.test(name) && name !== path.basename(current)) fs.rmSync(path.join(dir, name), { force: true });
  }
}

export interface RankedIntents {
  intent: Intent;
  confidence: number;
  alternatives: { intent: Intent; confidence: number }[];
}

/** Top intent and the next ones from a classifier's probabilities. */
export function rankIntents(scores: ClassScore[], alternatives = 3): RankedIntents {
  return {
    intent: scores[0].label as Intent,
    confidence: round(scores[0].p),
    alternatives: scores.slice(1, 1 + alternatives).map((s) => ({ intent: s.label as Intent, confidence: round(s.p) })),
  };
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
