import type { Rng } from './random';
import type { CatalogueInput, ReviewPhrases } from './inputs';

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '').replace(/\s+/g, ' ').trim();

const capitalise = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);
const sentence = (s: string) => {
  const t = capitalise(s.trim());
  return /[.!?]$/.test(t) ? t : `${t}.`;
};

export interface DescriptionParts {
  brand: string;
  noun: string;
  colour: string;
  adjective: string;
  material: string;
  place: string;
  features: readonly string[];
  care: readonly string[];
  styles: number[]; // indexes into catalogue.styles, strongest first
  sizes: string[];
  spec: string;
}

/** A few sentences of product copy whose words follow the product's style, so text-based models have signal. */
export function describeProduct(rng: Rng, catalogue: CatalogueInput, parts: DescriptionParts): string {
  const main = catalogue.styles[parts.styles[0]];
  const [feature, feature2] = rng.sample(parts.features, 2);
  const values: Record<string, string> = {
    brand: parts.brand,
    noun: parts.noun,
    colour: parts.colour,
    adjective: parts.adjective,
    place: parts.place,
    material: parts.material,
    style: rng.pick(main.words),
    feature,
    feature2: feature2 ?? feature,
  };
  const intros = parts.colour ? catalogue.intros : catalogue.intros.filter((t) => !t.includes('{colour}'));
  const out = [sentence(fill(rng.pick(intros.length ? intros : catalogue.intros), values))];
  out.push(sentence(fill(rng.pick(catalogue.featureTemplates), values)));
  out.push(rng.pick(main.sentences));
  if (parts.styles.length > 1 && rng.chance(0.5)) out.push(rng.pick(catalogue.styles[parts.styles[1]].sentences));
  if (parts.sizes.length > 1) out.push(`Available in sizes ${parts.sizes[0]} to ${parts.sizes[parts.sizes.length - 1]}.`);
  else if (parts.sizes.length === 1) out.push(`${capitalise(parts.sizes[0])} size.`);
  if (parts.spec) out.push(`Size/capacity: ${parts.spec}.`);
  out.push(rng.pick(parts.care));
  return out.join(' ');
}

export interface ReviewContext {
  noun: string;
  colour: string;
  sized: boolean;
  lateDelivery: boolean;
}

/** Review text whose sentiment follows the rating: praise for 5, mixed for 3, complaints for 1. */
export function reviewText(rng: Rng, phrases: ReviewPhrases, rating: number, ctx: ReviewContext): string {
  const values = { noun: ctx.noun, colour: ctx.colour || 'colour' };
  const aspects = (bank: Record<string, string[]>) =>
    Object.keys(bank).filter((a) => (ctx.sized || a !== 'fit') && (ctx.colour || a !== 'look') && bank[a].length > 0);
  const from = (bank: Record<string, string[]>, aspect?: string) => {
    const keys = aspects(bank);
    const key = aspect && bank[aspect]?.length ? aspect : rng.pick(keys);
    return fill(rng.pick(bank[key]), values);
  };
  const nonDelivery = (bank: Record<string, string[]>) => rng.pick(aspects(bank).filter((a) => a !== 'delivery'));
  const parts: string[] = [];
  if (rating === 5) {
    parts.push(from(phrases.praise, 'general'), from(phrases.praise, nonDelivery(phrases.praise)));
    parts.push(rng.pick(phrases.closers.positive));
  } else if (rating === 4) {
    const praise = from(phrases.praise, nonDelivery(phrases.praise));
    const gripe = ctx.lateDelivery ? from(phrases.mild, 'delivery') : rng.chance(0.6) ? from(phrases.mild, nonDelivery(phrases.mild)) : '';
    parts.push(gripe ? `${praise.replace(/[.!]$/, '')}, although ${gripe}.` : praise, rng.pick(phrases.closers.positive));
  } else if (rating === 3) {
    const gripe = from(phrases.mild, ctx.lateDelivery ? 'delivery' : nonDelivery(phrases.mild));
    parts.push(sentence(`${fill(rng.pick(phrases.mildPraise), values)}, but ${gripe}`), rng.pick(phrases.closers.neutral));
  } else {
    parts.push(from(phrases.complaints, ctx.lateDelivery ? 'delivery' : nonDelivery(phrases.complaints)));
    if (rating === 2 && rng.chance(0.5)) parts.push(sentence(`to be fair, ${fill(rng.pick(phrases.mildPraise), values)}`));
    if (rating === 1) parts.push(from(phrases.complaints, 'general'));
    parts.push(rng.pick(phrases.closers.negative));
  }
  return parts.filter(Boolean).map(sentence).join(' ');
}
