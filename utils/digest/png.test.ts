// @vitest-environment node
import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderBarChartPng } from './bar-chart-png';
import { encodePng } from './png';

function chunks(png: Uint8Array): { type: string; data: Uint8Array }[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: { type: string; data: Uint8Array }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    out.push({ type, data: png.subarray(at + 8, at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

describe('encodePng', () => {
  it('writes signature, IHDR, PLTE, IDAT and IEND with the pixels recoverable', () => {
    const pixels = new Uint8Array([0, 1, 1, 0, 2, 0]);
    const png = encodePng({ width: 3, height: 2, palette: [[255, 255, 255], [0, 0, 0], [29, 79, 145]], pixels });
    expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const parts = chunks(png);
    expect(parts.map((c) => c.type)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    const ihdr = new DataView(parts[0]!.data.buffer, parts[0]!.data.byteOffset);
    expect([ihdr.getUint32(0), ihdr.getUint32(4), parts[0]!.data[8], parts[0]!.data[9]]).toEqual([3, 2, 8, 3]);
    expect([...unzlibSync(parts[2]!.data)]).toEqual([0, 0, 1, 1, 0, 0, 2, 0]);
  });
});

describe('renderBarChartPng', () => {
  it('draws labels and bars at twice the layout size', () => {
    const { png, width, height } = renderBarChartPng([{ label: 'Workforce', count: 3 }, { label: 'Café “quotes”…', count: 1 }]);
    const ihdr = chunks(png)[0]!.data;
    const view = new DataView(ihdr.buffer, ihdr.byteOffset);
    expect([view.getUint32(0), view.getUint32(4)]).toEqual([width * 2, height * 2]);
    const raw = unzlibSync(chunks(png).find((c) => c.type === 'IDAT')!.data);
    const used = new Set(raw.filter((_, i) => i % (width * 2 + 1) !== 0));
    expect(used).toEqual(new Set([0, 1, 2]));
  });
});
