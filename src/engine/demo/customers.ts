import type { Rng } from './random';
import type { PeopleInput } from './inputs';
import { DEMO_GROUND_TRUTH, type CustomerKind, type DemoGroundTruth } from './groundTruth';

export interface DemoCustomer {
  index: number; // id - 1
  name: string;
  email: string;
  country: string;
  kind: CustomerKind;
  gender: 'f' | 'm';
  joinDay: number; // day index of sign-up (negative = before the history)
  joinSecond: number; // second of that day
  churnDay: number; // last day the customer may shop (>= days = never churns)
  rate: number; // relative shopping frequency
  taste: Float64Array; // same space as DemoProduct.vector
  categoryPreference: Float64Array; // additive utility per category index
  favouriteCategories: number[];
  priceSensitivity: number; // utility per log of price relative to the category median
  promoSensitivity: number; // weight multiplier for lines bought on promotion
}

function kindOf(rng: Rng, truth: DemoGroundTruth): CustomerKind {
  const kinds = Object.keys(truth.customerKinds) as CustomerKind[];
  return kinds[rng.weightedIndex(kinds.map((k) => truth.customerKinds[k].share))];
}

function joinAndChurn(rng: Rng, kind: CustomerKind, days: number): { joinDay: number; churnDay: number } {
  const never = days + 1;
  switch (kind) {
    case 'loyal':
      return { joinDay: -rng.int(30, 1000), churnDay: never };
    case 'new':
      return { joinDay: days - rng.int(3, Math.min(120, days - 1)), churnDay: never };
    case 'lapsed': {
      const joinDay = rng.chance(0.6) ? -rng.int(1, 700) : rng.int(0, Math.floor(days / 4));
      const from = Math.max(joinDay, 0) + 45;
      return { joinDay, churnDay: rng.int(from, Math.max(from, Math.floor(days * 0.7))) };
    }
    default: {
      // regular and occasional customers keep joining through the history, a little faster later on (growth)
      const joinDay = rng.chance(0.55) ? -rng.int(1, 1000) : Math.floor((days - 20) * Math.pow(rng.next(), 0.8));
      return { joinDay, churnDay: never };
    }
  }
}

function emailOf(first: string, last: string, used: Map<string, number>): string {
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  const n = (used.get(local) ?? 0) + 1;
  used.set(local, n);
  return `${n === 1 ? local : `${local}${n}`}@example.com`;
}

/** Customers with latent taste in the products' style space, category favourites, price and promotion sensitivity. */
export function buildCustomers(rng: Rng, people: PeopleInput, count: number, days: number, dims: number, categories: string[], truth = DEMO_GROUND_TRUTH): DemoCustomer[] {
  const used = new Map<string, number>();
  const countryWeights = people.countries.map((c) => c.weight);
  const drafts = Array.from({ length: count }, () => {
    const kind = kindOf(rng, truth);
    const gender: 'f' | 'm' = rng.chance(0.55) ? 'f' : 'm';
    const first = rng.pick(gender === 'f' ? people.femaleNames : people.maleNames);
    const last = rng.pick(people.lastNames);
    const taste = new Float64Array(dims);
    taste[0] = (gender === 'm' ? 1 : -1) * rng.uniform(0.6, 1.4);
    for (let k = 1; k < dims; k++) taste[k] = rng.normal(0, 0.35);
    for (const k of rng.sample([...Array(dims - 1).keys()], rng.int(1, 2))) taste[k + 1] += rng.normal(1.4, 0.3);
    const categoryPreference = new Float64Array(categories.length);
    for (let c = 0; c < categories.length; c++) categoryPreference[c] = rng.normal(0, 0.3);
    const shuffled = rng.shuffle([...categories.keys()]);
    const favouriteCategories = shuffled.slice(0, rng.int(2, 3));
    for (const c of favouriteCategories) categoryPreference[c] += 1.6;
    for (const c of shuffled.slice(-rng.int(1, 2))) categoryPreference[c] -= 1.2;
    const beauty = categories.indexOf('Beauty');
    if (beauty >= 0) categoryPreference[beauty] += gender === 'f' ? 0.5 : -0.5;
    return {
      index: 0,
      name: `${first} ${last}`,
      email: '',
      first,
      last,
      country: people.countries[rng.weightedIndex(countryWeights)].name,
      kind,
      gender,
      ...joinAndChurn(rng, kind, days),
      joinSecond: rng.int(0, 86_399),
      rate: truth.customerKinds[kind].rate * rng.logNormal(0, 0.4),
      taste,
      categoryPreference,
      favouriteCategories,
      priceSensitivity: rng.normal(0.6, 0.5),
      promoSensitivity: rng.logNormal(0, 0.6),
    };
  });
  drafts.sort((a, b) => a.joinDay - b.joinDay || a.joinSecond - b.joinSecond);
  return drafts.map(({ first, last, ...c }, index) => ({ ...c, index, email: emailOf(first, last, used) }));
}
