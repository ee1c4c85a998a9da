/**
 * The one place that imports `natural`. We load its sub-modules directly: the package root also
 * loads its storage back-ends (Redis, Postgres, MongoDB…), which read `.env` and print dotenv
 * banners, and it costs about a second of start-up. The sub-modules do neither.
 */
process.env.DOTENV_CONFIG_QUIET ??= 'true'; // in case something does pull in the root module

import { PorterStemmer } from 'natural/lib/natural/stemmers';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers';
import { removeDiacritics } from 'natural/lib/natural/normalizers';
import { DamerauLevenshteinDistance, JaroWinklerDistance } from 'natural/lib/natural/distance';
import { BayesClassifier, LogisticRegressionClassifier } from 'natural/lib/natural/classifiers';

export { PorterStemmer, RegexpTokenizer, removeDiacritics, DamerauLevenshteinDistance, JaroWinklerDistance };
export { BayesClassifier, LogisticRegressionClassifier };

/** Porter stem of one lower-case word. */
export function stem(word: string): string {
  return PorterStemmer.stem(word);
}

/** Damerau-Levenshtein distance (transpositions count as one edit), natural's implementation. */
export function editDistance(a: string, b: string): number {
  return DamerauLevenshteinDistance(a, b, { restricted: true });
}
