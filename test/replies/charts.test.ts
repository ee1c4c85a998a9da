import { describe, expect, it } from 'vitest';
import { barChartPng, barChartSvg, escapeXml, forecastChartPng, forecastChartSvg, niceStep } from '../../src/replies/charts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10);
const data = {
  label: 'Mug <large> & "blue"',
  model: 'ensemble',
  history: Array.from({ length: 56 }, (_, i) => ({ date: day(i), units: (i * 7) % 13 })),
  points: Array.from({ length: 28 }, (_, i) => ({ date: day(56 + i), mean: 6, lo: 2, hi: 11 })),
};

describe('forecast chart', () => {
  it('renders a PNG of the requested size', () => {
    const png = forecastChartPng(data);
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png)).toEqual({ width: 800, height: 400 });
    expect(png.length).toBeGreaterThan(5_000);
    expect(png.length).toBeLessThan(500_000);
  });

  it('draws history, forecast, the interval band and dated ticks, with escaped text', () => {
    const svg = forecastChartSvg(data);
    expect(svg).toContain('Mug &lt;large&gt; &amp; &quot;blue&quot;');
    expect(svg).toContain('fill-opacity="0.45"'); // the band
    expect(svg.match(/<path /g)!.length).toBeGreaterThanOrEqual(3);
    expect(svg).toMatch(/>\d{1,2} (Jan|Feb|Mar)</);
    expect(svg).not.toContain('NaN');
  });

  it('copes with no history and all-zero forecasts', () => {
    const svg = forecastChartSvg({ label: 'New', history: [], points: [{ date: day(0), mean: 0, lo: 0, hi: 0 }] });
    expect(svg).not.toContain('NaN');
    expect(forecastChartPng({ label: 'New', history: [], points: [] }).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });

  it('picks round tick steps', () => {
    expect(niceStep(100)).toBe(20);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(0)).toBe(1);
    expect(escapeXml("a<'b'>")).toBe('a&lt;&apos;b&apos;&gt;');
  });
});

describe('bar chart', () => {
  it('renders one bar per value and grows with the number of bars', () => {
    const bars = [
      { label: 'Champions', value: 120 },
      { label: 'At risk', value: 45.5 },
      { label: 'New', value: 0 },
    ];
    const svg = barChartSvg(bars, 'Customers per segment');
    expect(svg.match(/<rect x=/g)).toHaveLength(3);
    const three = barChartPng(bars, 'Customers per segment');
    const six = barChartPng([...bars, ...bars], 'Customers per segment');
    expect(three.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(three).width).toBe(800);
    expect(pngSize(six).height).toBeGreaterThan(pngSize(three).height);
  });
});
