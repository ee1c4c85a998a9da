import type { RatingSummary, Review } from '../engine/repos/reviews';
import type { SentimentReading } from '../bot/services';
import { shorten } from './products';

/** "★ 4.3 from 27 reviews, mostly positive. Liked: "…" Not so keen: "…"" */
export function reviewSummary(summary: RatingSummary, recent: Review[], sentiment: (text: string) => SentimentReading): string {
  if (summary.count === 0 || summary.average === null) return 'No reviews yet.';
  const read = recent.map((r) => ({ r, s: sentiment(r.text) }));
  const positive = read.filter((x) => x.s.label === 'positive').length;
  const negative = read.filter((x) => x.s.label === 'negative').length;
  const tone =
    read.length === 0 ? ''
    : positive >= 2 * negative && positive > 0 ? ', mostly positive'
    : negative >= 2 * positive && negative > 0 ? ', mostly negative'
    : ', mixed';
  const best = read.filter((x) => x.s.label === 'positive').sort((a, b) => b.s.score - a.s.score)[0];
  const worst = read.filter((x) => x.s.label === 'negative').sort((a, b) => a.s.score - b.s.score)[0];
  const quotes = [best && `Liked: "${shorten(best.r.text, 120)}"`, worst && `Not so keen: "${shorten(worst.r.text, 120)}"`].filter(Boolean);
  return [`★ ${summary.average.toFixed(1)} from ${summary.count} review${summary.count === 1 ? '' : 's'}${tone}.`, ...quotes].join(' ');
}
