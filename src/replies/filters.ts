import type { SearchFilters } from '../engine/search';
import { formatMoney } from '../engine/money';

/** "red mugs under £10, not Nike" — the search as the customer would say it. */
export function describeFilters(f: SearchFilters, currency: string): string {
  const words = [f.colour, f.brand, f.size && `size ${f.size}`, f.query ? `"${f.query}"` : f.category ?? 'products']
    .filter(Boolean)
    .join(' ');
  const parts = [words];
  if (f.query && f.category) parts.push(`in ${f.category}`);
  if (f.minPriceCents !== undefined && f.maxPriceCents !== undefined) parts.push(`between ${formatMoney(f.minPriceCents, currency)} and ${formatMoney(f.maxPriceCents, currency)}`);
  else if (f.maxPriceCents !== undefined) parts.push(`under ${formatMoney(f.maxPriceCents, currency)}`);
  else if (f.minPriceCents !== undefined) parts.push(`over ${formatMoney(f.minPriceCents, currency)}`);
  const not = [...(f.excludeColours ?? []), ...(f.excludeBrands ?? []), ...(f.excludeCategories ?? [])];
  if (not.length) parts.push(`not ${not.join(' or ')}`);
  return parts.join(' ');
}
