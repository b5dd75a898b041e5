import zlib from 'node:zlib';
import type { ReportChart } from '../../core/reports/document.js';
import { chartData, chartSize, seriesColours } from './chart.svg.js';

// The chart's PNG fallback in the DOCX, for Word before 2016 (which cannot draw SVG): the bars
// only, in the SVG's colours, drawn here because no rasteriser is installed; the numbers are in
// the table that always follows a chart.

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));

export function chartPng(chart: ReportChart, { width, height } = chartSize): Buffer {
  const pixels = Buffer.alloc(width * height * 3, 255);
  const fill = (x0: number, y0: number, x1: number, y1: number, colour: number[]) => {
    for (let y = Math.max(0, Math.round(y0)); y < Math.min(height, Math.round(y1)); y++) {
      for (let x = Math.max(0, Math.round(x0)); x < Math.min(width, Math.round(x1)); x++) pixels.set(colour, (y * width + x) * 3);
    }
  };
  const { kind, categories, series } = chartData(chart);
  const highest = Math.max(0, ...series.flatMap((s) => s.values.map((v) => v ?? 0)));
  const max = kind === 'share' && highest > 0.8 ? 1 : highest || 1;
  const plot = { left: 56, right: width - 16, top: 56, bottom: height - 56 };
  const group = (plot.right - plot.left) / Math.max(1, categories.length);
  const bar = (group * 0.7) / series.length;
  for (const [si, s] of series.entries()) {
    for (const [ci, value] of s.values.entries()) {
      if (value === null || value <= 0) continue;
      const x = plot.left + ci * group + group * 0.15 + si * bar;
      fill(x, plot.bottom - (Math.min(value, max) / max) * (plot.bottom - plot.top), x + bar - 1, plot.bottom, rgb(seriesColours[si % seriesColours.length]!));
    }
  }
  fill(plot.left, plot.bottom, plot.right, plot.bottom + 1, [84, 85, 90]);
  return encodePng(width, height, pixels);
}

/** A truecolour PNG: signature, IHDR, one zlib IDAT of filter-0 scanlines, IEND. */
function encodePng(width: number, height: number, pixels: Buffer): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) pixels.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}
