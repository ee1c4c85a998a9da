import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { invalid } from '../errors';
import { packagePath } from '../../paths';

/** data/demo/: the generator's editable inputs (catalogue words, people, review phrases). */
export const DEFAULT_DEMO_DATA_DIR = packagePath('data', 'demo');

const priceRange = z.tuple([z.number().positive(), z.number().positive()]).refine(([lo, hi]) => lo <= hi, 'price range must be [low, high]');

const itemSchema = z.object({
  noun: z.string().min(1),
  price: priceRange,
  specs: z.array(z.string()).default([]),
  adjectives: z.array(z.string()).min(1),
  materials: z.array(z.string()).min(1),
  colours: z.number().int().min(1).max(8).default(1),
  consumable: z.boolean().default(false),
  noColour: z.boolean().default(false),
  gendered: z.boolean().default(false),
  gender: z.string().optional(),
  styles: z.array(z.string()).default([]),
});

const categorySchema = z.object({
  name: z.string().min(1),
  code: z.string().regex(/^[A-Z]{2,5}$/),
  weight: z.number().positive(),
  costRatio: z.number().gt(0).lt(0.75),
  place: z.string(),
  colours: z.array(z.string()).min(1),
  sizes: z.array(z.string()).optional(),
  sizeMode: z.enum(['one', 'range']).optional(),
  models: z.array(z.string()).default([]),
  brands: z.array(z.object({ name: z.string().min(1), tier: z.number().positive(), style: z.string() })).min(1),
  features: z.array(z.string()).min(2),
  care: z.array(z.string()).min(1),
  items: z.array(itemSchema).min(1),
});

const catalogueSchema = z.object({
  styles: z.array(z.object({ name: z.string(), words: z.array(z.string()).min(1), sentences: z.array(z.string()).min(1) })).min(2),
  colours: z.array(z.string()),
  intros: z.array(z.string()).min(1),
  featureTemplates: z.array(z.string()).min(1),
  categories: z.array(categorySchema).min(1),
});

const peopleSchema = z.object({
  femaleNames: z.array(z.string()).min(1),
  maleNames: z.array(z.string()).min(1),
  lastNames: z.array(z.string()).min(1),
  countries: z.array(z.object({ name: z.string(), weight: z.number().positive() })).min(1),
});

const phrases = z.record(z.array(z.string()));
const reviewsSchema = z.object({
  praise: phrases,
  complaints: phrases,
  mild: phrases,
  mildPraise: z.array(z.string()).min(1),
  closers: z.object({ positive: z.array(z.string()).min(1), neutral: z.array(z.string()).min(1), negative: z.array(z.string()).min(1) }),
});

export type CatalogueInput = z.infer<typeof catalogueSchema>;
export type CategoryInput = z.infer<typeof categorySchema>;
export type ItemInput = z.infer<typeof itemSchema>;
export type PeopleInput = z.infer<typeof peopleSchema>;
export type ReviewPhrases = z.infer<typeof reviewsSchema>;

export interface DemoInputs {
  catalogue: CatalogueInput;
  people: PeopleInput;
  reviews: ReviewPhrases;
}

function readJson<T>(dir: string, file: string, schema: z.ZodType<T, z.ZodTypeDef, unknown>): T {
  const full = path.join(dir, file);
  const parsed = schema.safeParse(JSON.parse(fs.readFileSync(full, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(`${full}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** Reads and validates catalogue.json, people.json and reviews.json. */
export function loadDemoInputs(dir = DEFAULT_DEMO_DATA_DIR): DemoInputs {
  const catalogue = readJson(dir, 'catalogue.json', catalogueSchema);
  const styleNames = new Set(catalogue.styles.map((s) => s.name));
  for (const c of catalogue.categories) {
    for (const b of c.brands) if (!styleNames.has(b.style)) throw invalid(`catalogue.json: brand ${b.name} has unknown style "${b.style}"`);
    if (c.sizeMode && !c.sizes?.length) throw invalid(`catalogue.json: category ${c.name} has a sizeMode but no sizes`);
  }
  return { catalogue, people: readJson(dir, 'people.json', peopleSchema), reviews: readJson(dir, 'reviews.json', reviewsSchema) };
}
