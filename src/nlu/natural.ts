/**
 * The one place that imports `natural`. We load its sub-modules directly: the package root also
 * loads its storage back-ends (Redis, Postgres, MongoDB…), which read `.env` and print dotenv
 * banners, and it costs about a second of start-up. The sub-modules do neither. The classifiers
 * (only used to compare against ours in `eval nlu --compare`) load on first use.
 */
process.env.DOTENV_CONFIG_QUIET ??= 'true'; // in case something does pull in the root module

import type * as NaturalClassifiers from 'natural/lib/natural/classifiers';
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance';
import { removeDiacritics } from 'natural/lib/natural/normalizers';
import type { Stemmer } from 'natural/lib/natural/stemmers';
import { RegexpTokenizer } from 'natural/lib/natural/tokenizers';

// the Porter stemmer alone: the stemmers index loads every language's stemmer
const PorterStemmer = require('natural/lib/natural/stemmers/porter_stemmer') as Stemmer;

export { RegexpTokenizer, removeDiacritics };

/** Porter stem of one lower-case word. */
export function stem(word: string): string {
  return PorterStemmer.stem(word);
}

/** Damerau-Levenshtein distance (transpositions count as one edit), natural's implementation. */
export function editDistance(a: string, b: string): number {
  return DamerauLevenshteinDistance(a, b, { restricted: true });
}

/** natural's BayesClassifier and LogisticRegressionClassifier, loaded on demand. */
export function naturalClassifiers(): typeof NaturalClassifiers {
  return require('natural/lib/natural/classifiers') as typeof NaturalClassifiers;
}
