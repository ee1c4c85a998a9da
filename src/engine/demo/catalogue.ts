import type { Rng } from './random';
import type { CatalogueInput, CategoryInput, ItemInput } from './inputs';
import { describeProduct } from './text';

/** Where a product is in its life during the history: sold throughout, launched mid-way, brand new (no sales yet) or discontinued. */
export type Lifecycle = 'established' | 'launched' | 'new' | 'discontinued';

export interface DemoProduct {
  index: number; // id - 1
  sku: string;
  name: string;
  description: string;
  category: string;
  categoryIndex: number;
  brand: string;
  colour: string;
  size: string;
  attributes: Record<string, unknown>;
  noun: string;
  group: number; // colour variants of one base item share a group, price path and lifecycle
  basePriceCents: number;
  costCents: number;
  popularity: number;
  vector: Float64Array; // [gender, ...styles]: the latent space customers' taste lives in
  consumable: boolean;
  lifecycle: Lifecycle;
  firstDay: number; // first day with demand (day index; negative = before the history)
  lastDay: number; // last day with demand (inclusive)
  createdDay: number;
  sized: boolean;
}

/** Rounds to shop prices: £3.49, £12.99, £149.99. */
export function retailCents(pounds: number): number {
  const step = pounds >= 100 ? 5 : pounds >= 20 ? 1 : pounds >= 5 ? 0.5 : 0.1;
  return Math.max(99, Math.round(Math.max(step, Math.round(pounds / step) * step) * 100) - 1);
}

interface BuildContext {
  rng: Rng;
  input: CatalogueInput;
  days: number;
  names: Set<string>;
  products: DemoProduct[];
  groups: number;
}

/** Builds about `count` products across the input's categories, in colour-variant groups. */
export function buildCatalogue(rng: Rng, input: CatalogueInput, count: number, days: number): DemoProduct[] {
  const ctx: BuildContext = { rng, input, days, names: new Set(), products: [], groups: 0 };
  const totalWeight = input.categories.reduce((s, c) => s + c.weight, 0);
  input.categories.forEach((category, ci) => {
    const quota = Math.max(1, Math.round((count * category.weight) / totalWeight));
    const before = ctx.products.length;
    let items: ItemInput[] = [];
    for (let attempt = 0; ctx.products.length - before < quota && attempt < quota * 4; attempt++) {
      if (items.length === 0) items = rng.shuffle([...category.items]);
      addGroup(ctx, category, ci, items.pop()!, quota - (ctx.products.length - before));
    }
  });
  // a category's share of demand is its weight; products split it by their own popularity
  input.categories.forEach((category, ci) => {
    const members = ctx.products.filter((p) => p.categoryIndex === ci);
    const total = members.reduce((s, p) => s + p.popularity, 0);
    for (const p of members) p.popularity *= category.weight / total;
  });
  return ctx.products;
}

function lifecycleOf(rng: Rng, days: number): Pick<DemoProduct, 'lifecycle' | 'firstDay' | 'lastDay' | 'createdDay'> {
  const r = rng.next();
  if (r < 0.04) {
    const created = days - rng.int(1, 10);
    return { lifecycle: 'new', createdDay: created, firstDay: days, lastDay: -1 };
  }
  if (r < 0.11 && days > 120) {
    const created = rng.int(30, days - 60);
    return { lifecycle: 'launched', createdDay: created, firstDay: created, lastDay: days - 1 };
  }
  if (r < 0.14 && days > 120) {
    const created = -rng.int(30, 700);
    return { lifecycle: 'discontinued', createdDay: created, firstDay: created, lastDay: rng.int(Math.floor(days / 3), days - 60) };
  }
  const created = -rng.int(30, 900);
  return { lifecycle: 'established', createdDay: created, firstDay: created, lastDay: days - 1 };
}

function styleVector(rng: Rng, input: CatalogueInput, brandStyle: string, itemStyles: string[]): Float64Array {
  const dims = input.styles.length + 1;
  const v = new Float64Array(dims);
  for (let k = 1; k < dims; k++) v[k] = rng.normal(0, 0.15);
  const dimOf = (name: string) => input.styles.findIndex((s) => s.name === name) + 1;
  const primary = itemStyles.length && rng.chance(0.7) ? dimOf(rng.pick(itemStyles)) : rng.chance(0.6) ? dimOf(brandStyle) : rng.int(1, dims - 1);
  v[primary > 0 ? primary : 1] += 1.2;
  v[rng.int(1, dims - 1)] += 0.5;
  return v;
}

function genderOf(rng: Rng, item: ItemInput): string {
  if (item.gender) return item.gender;
  return item.gendered ? rng.pick(["men's", "women's"]) : '';
}

function sizesOf(rng: Rng, category: CategoryInput, gender: string): string[] {
  const all = category.sizes ?? [];
  if (!category.sizeMode || all.length === 0) return [];
  if (category.sizeMode === 'one') return [rng.pick(all)];
  const span = Math.min(all.length, Math.max(3, all.length - 2));
  const maxStart = all.length - span;
  const start = gender === "women's" ? rng.int(0, Math.min(1, maxStart)) : gender === "men's" ? maxStart : rng.int(0, maxStart);
  return all.slice(start, start + span);
}

function addGroup(ctx: BuildContext, category: CategoryInput, ci: number, item: ItemInput, room: number): void {
  const { rng, input } = ctx;
  const brand = rng.pick(category.brands);
  const gender = genderOf(rng, item);
  const model = category.models.length && item.gendered ? rng.pick(category.models) : '';
  const adjective = rng.pick(item.adjectives);
  const spec = item.specs.length ? rng.pick(item.specs) : '';
  const material = rng.pick(item.materials);
  const vector = styleVector(rng, input, brand.style, item.styles);
  vector[0] = gender === "men's" ? 1 : gender === "women's" ? -1 : 0;
  const styles = [...vector.slice(1).keys()].sort((a, b) => vector[b + 1] - vector[a + 1]).slice(0, 2);
  const [lo, hi] = item.price;
  const pounds = Math.exp(rng.uniform(Math.log(lo), Math.log(hi))) * brand.tier;
  const basePriceCents = retailCents(pounds);
  const life = lifecycleOf(rng, ctx.days);
  const groupPopularity = rng.logNormal(0, 0.9);
  const variants = item.noColour ? 1 : Math.min(room, rng.int(1, item.colours));
  const colours = item.noColour ? [''] : rng.sample(category.colours, variants);
  const group = ctx.groups++;
  for (const colour of colours) {
    const sizes = sizesOf(rng, category, gender);
    const sizeWord = category.sizeMode === 'one' ? `, ${sizes[0].toLowerCase()}` : '';
    const name = [brand.name, model, gender, colour, adjective, item.noun, spec].filter(Boolean).join(' ') + sizeWord;
    if (ctx.names.has(name.toLowerCase())) continue;
    ctx.names.add(name.toLowerCase());
    const n = ctx.products.filter((p) => p.categoryIndex === ci).length + 1;
    const costCents = Math.round(basePriceCents * Math.min(0.68, category.costRatio * rng.uniform(0.85, 1.15)));
    const sku = `${category.code}-${String(n).padStart(4, '0')}`;
    const variantVector = vector.map((x, k) => (k === 0 ? x : x + rng.normal(0, 0.05)));
    const attributes: Record<string, unknown> = { group: `${category.code}-G${String(group + 1).padStart(3, '0')}`, material, style: styles.map((s) => input.styles[s].name) };
    if (gender) attributes.gender = gender;
    if (sizes.length) attributes.sizes = sizes;
    if (spec) attributes.spec = spec;
    if (item.consumable) attributes.consumable = true;
    if (life.lifecycle === 'new') attributes.new_arrival = true;
    const common = /^(black|white|grey|navy)$/.test(colour) ? 1.3 : 1;
    ctx.products.push({
      index: ctx.products.length,
      sku,
      name: name[0].toUpperCase() + name.slice(1),
      description: describeProduct(rng, input, {
        brand: brand.name, noun: item.noun, colour, adjective, material, spec, sizes, styles,
        place: category.place, features: category.features, care: category.care,
      }),
      category: category.name,
      categoryIndex: ci,
      brand: brand.name,
      colour,
      size: sizes.join(','),
      attributes,
      noun: item.noun,
      group,
      basePriceCents,
      costCents,
      popularity: groupPopularity * rng.logNormal(0, 0.4) * common,
      vector: variantVector,
      consumable: item.consumable,
      ...life,
      sized: category.sizeMode === 'range',
    });
  }
}
