import fs from 'node:fs';
import { openDatabase } from '../../engine/db';
import { ProductRepo } from '../../engine/repos/products';
import { createNlu, type Analysis, type CatalogueVocabulary } from '../../nlu';
import { parseFlags, printJson, UsageError, type CliIO } from '../io';
import { packagePath } from '../../paths';

/** `shopmate nlu "text" [--db FILE] [--expecting order_id|email|quantity] [--last INTENT] [--json]` */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    db: { type: 'string' },
    expecting: { type: 'string' },
    last: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  if (positionals.length === 0) throw new UsageError('nlu needs the text to analyse, e.g. shopmate nlu "red shoes under $50"');
  const text = positionals.join(' ');
  const { vocabulary, source } = loadVocabulary(values.db);
  const nlu = createNlu({ vocabulary, onLog: (m) => io.err(m) });
  if (source) io.err(`nlu: catalogue vocabulary from ${source}`);
  const a = nlu.analyze(text, { expecting: values.expecting, lastIntent: values.last });
  if (values.json) {
    const { intent, confidence, alternatives, needsClarification, entities, sentiment, tokens } = a;
    printJson(io, { intent, confidence, alternatives, needsClarification, entities, sentiment, tokens });
  } else {
    io.out(describe(a));
  }
  return 0;
}

function describe(a: Analysis): string {
  const alt = a.alternatives.map((x) => `${x.intent} ${x.confidence.toFixed(2)}`).join(', ');
  const entities = Object.entries(a.entities)
    .filter(([k, v]) => k !== 'query' && v !== undefined)
    .map(([k, v]) => `  ${k}: ${JSON.stringify(v)}`);
  return [
    `intent     ${a.intent} (${a.confidence.toFixed(2)})${a.needsClarification ? '  -> would ask to clarify' : ''}`,
    `also       ${alt || '-'}`,
    `sentiment  ${a.sentiment.label} (score ${a.sentiment.score}${a.sentiment.strongNegative ? ', strongly negative: offer a human' : ''})`,
    `query      ${a.entities.query || '-'}`,
    `tokens     ${a.tokens.join(' | ')}`,
    ...(entities.length ? ['entities', ...entities] : []),
  ].join('\n');
}

export const DEFAULT_DB = packagePath('data', 'shop.db');

/**
 * The catalogue vocabulary for the NLU commands: from --db when given, else from data/shop.db when
 * it exists, else empty. Read-only; the NLU itself never sees the database.
 */
export function loadVocabulary(db: string | undefined): { vocabulary?: CatalogueVocabulary; source?: string } {
  const file = db ?? (fs.existsSync(DEFAULT_DB) ? DEFAULT_DB : undefined);
  if (!file) return {};
  if (!fs.existsSync(file)) throw new UsageError(`no such database: ${file}`);
  const conn = openDatabase(file, { readonly: true });
  try {
    const products = new ProductRepo(conn);
    const vocabulary: CatalogueVocabulary = {
      categories: products.distinct('category'),
      brands: products.distinct('brand'),
      colours: products.distinct('colour'),
      sizes: products.distinct('size'),
      products: products.all().filter((p) => p.active).map((p) => ({ sku: p.sku, name: p.name })),
    };
    return { vocabulary, source: file };
  } finally {
    conn.close();
  }
}
