import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_IMAGES } from './demo-images';

/** Width and height from a JPEG, PNG or WebP header, so the list cannot drift from the files. */
function dimensions(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  if (b.subarray(1, 4).toString() === 'PNG') return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.subarray(0, 4).toString() === 'RIFF')
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  for (let i = 2; i < b.length;) {
    const marker = b[i + 1]!;
    const length = b.readUInt16BE(i + 2);
    if (marker >= 0xc0 && marker <= 0xc3) return { width: b.readUInt16BE(i + 7), height: b.readUInt16BE(i + 5) };
    i += 2 + length;
  }
  throw new Error(`no size found in ${file}`);
}

describe('demo images', () => {
  it('lists every file in public/demo with its real size', () => {
    const dir = path.resolve('public/demo');
    expect(DEMO_IMAGES.map((i) => i.file).sort()).toEqual(
      fs
        .readdirSync(dir)
        .filter((f) => !f.startsWith('.'))
        .sort(),
    );
    for (const image of DEMO_IMAGES)
      expect(dimensions(path.join(dir, image.file)), image.file).toEqual({ width: image.width, height: image.height });
  });
});
