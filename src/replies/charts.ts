import { Resvg } from '@resvg/resvg-js';

/**
 * Chart images for replies: SVG built here, rendered to PNG by resvg (no browser, no canvas).
 * Text uses the system's sans-serif font (DejaVu Sans on most Linux images).
 */
export interface ForecastChartData {
  label: string;
  model?: string;
  history: readonly { date: string; units: number }[];
  points: readonly { date: string; mean: number; lo: number; hi: number }[];
}

export interface Bar {
  label: string;
  value: number;
}

const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';
const COLORS = { history: '#374151', forecast: '#2563eb', band: '#93c5fd', grid: '#e5e7eb', axis: '#6b7280', bar: '#2563eb' };

export const escapeXml = (s: string): string => s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** Round tick spacing (1, 2 or 5 × 10^k) giving about `count` ticks up to `max`. */
export function niceStep(max: number, count = 5): number {
  if (!(max > 0)) return 1;
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = [1, 2, 5, 10].find((u) => u * power >= raw)!;
  return unit * power;
}

const fmtNumber = (v: number) => (Math.abs(v) >= 10_000 ? `${Math.round(v / 1000)}k` : Number.isInteger(v) ? String(v) : v.toFixed(1));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const fmtDay = (day: string) => `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]}`;
const text = (x: number, y: number, s: string, attrs = '') => `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attrs}>${escapeXml(s)}</text>`;
const path = (pts: [number, number][]) => pts.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)},${y.toFixed(1)}`).join(' ');

/** History, forecast mean and the shaded prediction interval, with dated x ticks. */
export function forecastChartSvg(d: ForecastChartData, width = 800, height = 400): string {
  const m = { left: 60, right: 24, top: 64, bottom: 44 };
  const plotW = width - m.left - m.right;
  const plotH = height - m.top - m.bottom;
  const days = [...d.history.map((h) => h.date), ...d.points.map((p) => p.date)];
  const n = Math.max(2, days.length);
  const top = Math.max(1, ...d.history.map((h) => h.units), ...d.points.map((p) => p.hi));
  const step = niceStep(top);
  const yMax = Math.ceil(top / step) * step;
  const x = (i: number) => m.left + (plotW * i) / (n - 1);
  const y = (v: number) => m.top + plotH - (plotH * v) / yMax;
  const h0 = d.history.length;
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="white"/>`];
  for (let v = 0; v <= yMax + 1e-9; v += step) {
    parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${y(v).toFixed(1)}" y2="${y(v).toFixed(1)}" stroke="${COLORS.grid}"/>`);
    parts.push(text(m.left - 8, y(v) + 4, fmtNumber(v), `text-anchor="end" font-size="12" fill="${COLORS.axis}"`));
  }
  const every = Math.max(1, Math.ceil(n / 10 / 7) * 7);
  for (let i = Math.max(0, (days.length - 1) % every); i < days.length; i += every) {
    parts.push(`<line x1="${x(i).toFixed(1)}" x2="${x(i).toFixed(1)}" y1="${m.top + plotH}" y2="${m.top + plotH + 5}" stroke="${COLORS.axis}"/>`);
    parts.push(text(x(i), m.top + plotH + 20, fmtDay(days[i]), `text-anchor="middle" font-size="12" fill="${COLORS.axis}"`));
  }
  parts.push(`<line x1="${m.left}" x2="${width - m.right}" y1="${m.top + plotH}" y2="${m.top + plotH}" stroke="${COLORS.axis}"/>`);
  parts.push(`<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${m.top + plotH}" stroke="${COLORS.axis}"/>`);
  if (d.points.length) {
    const upper = d.points.map((p, i): [number, number] => [x(h0 + i), y(p.hi)]);
    const lower = d.points.map((p, i): [number, number] => [x(h0 + i), y(p.lo)]).reverse();
    parts.push(`<path d="${path([...upper, ...lower])} Z" fill="${COLORS.band}" fill-opacity="0.45" stroke="none"/>`);
    const start = [x(h0 - 0.5 < 0 ? 0 : h0 - 0.5), m.top] as const;
    parts.push(`<line x1="${start[0].toFixed(1)}" x2="${start[0].toFixed(1)}" y1="${m.top}" y2="${m.top + plotH}" stroke="${COLORS.axis}" stroke-dasharray="4 4"/>`);
    const meanLine = d.points.map((p, i): [number, number] => [x(h0 + i), y(p.mean)]);
    if (h0) meanLine.unshift([x(h0 - 1), y(d.history[h0 - 1].units)]);
    parts.push(`<path d="${path(meanLine)}" fill="none" stroke="${COLORS.forecast}" stroke-width="2.5"/>`);
  }
  if (h0) parts.push(`<path d="${path(d.history.map((h, i) => [x(i), y(h.units)]))}" fill="none" stroke="${COLORS.history}" stroke-width="1.5"/>`);
  const title = `${d.label}: daily units${d.model ? ` (model ${d.model})` : ''}`;
  parts.push(text(m.left, 26, title, `font-size="16" font-weight="bold" fill="#111827"`));
  parts.push(legend(m.left, 48));
  parts.push(text(14, m.top + plotH / 2, 'units / day', `font-size="12" fill="${COLORS.axis}" transform="rotate(-90 14 ${(m.top + plotH / 2).toFixed(1)})" text-anchor="middle"`));
  return svgDoc(width, height, parts);
}

function legend(left: number, baseline: number): string {
  const items = [
    { label: 'history', swatch: `<line x1="0" x2="18" y1="-4" y2="-4" stroke="${COLORS.history}" stroke-width="2"/>` },
    { label: 'forecast', swatch: `<line x1="0" x2="18" y1="-4" y2="-4" stroke="${COLORS.forecast}" stroke-width="2.5"/>` },
    { label: 'interval', swatch: `<rect x="0" y="-10" width="18" height="12" fill="${COLORS.band}" fill-opacity="0.45"/>` },
  ];
  let xPos = left;
  return items
    .map((it) => {
      const g = `<g transform="translate(${xPos} ${baseline})">${it.swatch}${text(24, 0, it.label, `font-size="12" fill="${COLORS.axis}"`)}</g>`;
      xPos += 84;
      return g;
    })
    .join('');
}

/** Horizontal bars with their values, longest label on the left (segment sizes, revenue shares...). */
export function barChartSvg(bars: readonly Bar[], title: string, width = 800): string {
  const rowH = 34;
  const m = { left: Math.min(300, 24 + 7.5 * Math.max(4, ...bars.map((b) => b.label.length))), right: 80, top: 56, bottom: 24 };
  const height = m.top + m.bottom + rowH * Math.max(1, bars.length);
  const plotW = width - m.left - m.right;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const scale = max > 0 ? plotW / max : 0;
  const parts: string[] = [`<rect width="${width}" height="${height}" fill="white"/>`, text(24, 32, title, `font-size="16" font-weight="bold" fill="#111827"`)];
  bars.forEach((b, i) => {
    const yTop = m.top + i * rowH;
    const w = Math.max(0, b.value) * scale;
    parts.push(text(m.left - 10, yTop + rowH / 2 + 4, b.label, `text-anchor="end" font-size="13" fill="#111827"`));
    parts.push(`<rect x="${m.left}" y="${(yTop + 6).toFixed(1)}" width="${w.toFixed(1)}" height="${rowH - 12}" fill="${COLORS.bar}" rx="2"/>`);
    parts.push(text(m.left + w + 6, yTop + rowH / 2 + 4, fmtNumber(Math.round(b.value * 100) / 100), `font-size="12" fill="${COLORS.axis}"`));
  });
  parts.push(`<line x1="${m.left}" x2="${m.left}" y1="${m.top}" y2="${height - m.bottom}" stroke="${COLORS.axis}"/>`);
  return svgDoc(width, height, parts);
}

function svgDoc(width: number, height: number, parts: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">${parts.join('')}</svg>`;
}

export function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, { font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' }, background: 'white' });
  return resvg.render().asPng();
}

export const forecastChartPng = (d: ForecastChartData): Buffer => svgToPng(forecastChartSvg(d));
export const barChartPng = (bars: readonly Bar[], title: string): Buffer => svgToPng(barChartSvg(bars, title));
