import type { Understanding } from './understanding';
import type { SearchFilters } from '../engine/search';
import { toCents } from '../engine/money';

/** The entity fields the dialogs read from the NLU's analysis. */
export interface ShopEntities {
  category?: string;
  brand?: string;
  colour?: string;
  size?: string;
  products?: { sku: string; name: string; score?: number }[];
  priceRange?: { min?: number; max?: number; currency?: string };
  quantity?: number;
  orderId?: string;
  email?: string;
  excluded?: { colours?: string[]; brands?: string[]; categories?: string[] };
  query?: string;
  ordinal?: number;
  refinement?: 'cheaper' | 'pricier' | 'more';
  /** What a recommendation is about: the cart ("goes with my cart") or the product in view ("like this"). */
  scope?: 'cart' | 'this';
}

export function entitiesOf(u: Understanding | undefined): ShopEntities {
  return (u?.entities ?? {}) as ShopEntities;
}

/** Search filters named in this message (no query words means it only refines). */
export function filtersFrom(e: ShopEntities): SearchFilters {
  const f: SearchFilters = {};
  if (e.query?.trim()) f.query = e.query.trim();
  if (e.category) f.category = e.category;
  if (e.brand) f.brand = e.brand;
  if (e.colour) f.colour = e.colour;
  if (e.size) f.size = e.size;
  if (e.priceRange?.min !== undefined && Number.isFinite(e.priceRange.min)) f.minPriceCents = toCents(Math.max(0, e.priceRange.min));
  if (e.priceRange?.max !== undefined && Number.isFinite(e.priceRange.max)) f.maxPriceCents = toCents(Math.max(0, e.priceRange.max));
  if (e.excluded?.colours?.length) f.excludeColours = e.excluded.colours;
  if (e.excluded?.brands?.length) f.excludeBrands = e.excluded.brands;
  if (e.excluded?.categories?.length) f.excludeCategories = e.excluded.categories;
  return f;
}

/** True when the message names filters but no new thing to look for: "in blue", "only Nike", "under £20". */
export function isRefinement(e: ShopEntities): boolean {
  return !e.query?.trim() && !e.products?.length;
}
