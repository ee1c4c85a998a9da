/**
 * The recommender's own small tokeniser for product text (the engine does not import `natural`):
 * lower case, accents removed, split on anything that is not a letter or digit, stop words and
 * one-letter tokens dropped, and a light plural strip ("mugs" -> "mug", "boxes" -> "box").
 */
const STOP = new Set(
  'a an and or the of for with in on to by from at is are be this that it its as set pack pcs piece pieces x'.split(' '),
);

export function stem(token: string): string {
  if (token.length > 4 && /(xes|ches|shes|sses)$/.test(token)) return token.slice(0, -2);
  if (token.length > 4 && token.endsWith('ies')) return `${token.slice(0, -3)}y`;
  if (token.length > 3 && token.endsWith('s') && !token.endsWith('ss') && !token.endsWith('us')) return token.slice(0, -1);
  return token;
}

export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1 && !STOP.has(t))
    .map(stem);
}
