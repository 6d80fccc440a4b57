/**
 * `npx tsx scripts/build-teams-icons.ts`: draws the Teams app icons (teams/color.png 192x192,
 * teams/outline.png 32x32) from code, so the package needs no design tool and no download.
 * The glyph is the "M" of assets/icon-*.png on the same brand blue. The output is committed;
 * run this again only when the design changes.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** The pane's brand colour (assets/icon-*.png, Fluent's brand blue), also the Teams accentColor. */
export const BRAND_BLUE: Rgba = { r: 0x0f, g: 0x6c, b: 0xbd, a: 255 };
const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 255 };

type Point = readonly [number, number];

/** The "M" as a stroked polyline in a unit box: down-left stem, the V, down-right stem. */
const GLYPH: readonly Point[] = [
  [0.12, 0.9],
  [0.12, 0.1],
  [0.5, 0.62],
  [0.88, 0.1],
  [0.88, 0.9],
];
const STROKE = 0.17;

const distanceToSegment = (p: Point, a: Point, b: Point): number => {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const t = Math.max(
    0,
    Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy)),
  );
  return Math.hypot(p[0] - (a[0] + t * dx), p[1] - (a[1] + t * dy));
};

/**
 * How much of pixel (x, y) the glyph covers, 0..1. 4x4 supersampling gives smooth edges without
 * a rasterizer dependency; round caps and joins come free from the distance test.
 */
const glyphCoverage = (x: number, y: number, box: { x: number; y: number; size: number }) => {
  const samples = 4;
  let inside = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const p: Point = [
        (x + (sx + 0.5) / samples - box.x) / box.size,
        (y + (sy + 0.5) / samples - box.y) / box.size,
      ];
      const near = GLYPH.slice(1).some(
        (end, i) => distanceToSegment(p, GLYPH[i] as Point, end) <= STROKE / 2,
      );
      if (near) inside++;
    }
  }
  return inside / (samples * samples);
};

/** A PNG (8-bit RGBA, no interlace) of `size` x `size` pixels from a pixel function. */
export const encodePng = (size: number, pixel: (x: number, y: number) => Rgba): Buffer => {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0; // filter type None: the image is tiny and zlib does the work.
    for (let x = 0; x < size; x++) {
      const { r, g, b, a } = pixel(x, y);
      raw.set([r, g, b, a], row + 1 + x * 4);
    }
  }
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const frame = Buffer.alloc(body.length + 8);
    frame.writeUInt32BE(data.length, 0);
    body.copy(frame, 4);
    frame.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return frame;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, adaptive filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
};

const mix = (under: Rgba, over: Rgba, amount: number): Rgba => ({
  r: Math.round(under.r + (over.r - under.r) * amount),
  g: Math.round(under.g + (over.g - under.g) * amount),
  b: Math.round(under.b + (over.b - under.b) * amount),
  a: 255,
});

/**
 * Teams' colour icon: 192x192, full-bleed background (Teams rounds the corners itself), the
 * symbol inside the central 96x96 so it survives Teams' cropping.
 */
export const colorIcon = (): Buffer => {
  const box = { x: 48, y: 48, size: 96 };
  return encodePng(192, (x, y) => mix(BRAND_BLUE, WHITE, glyphCoverage(x, y, box)));
};

/** Teams' outline icon: 32x32, white on transparent (Teams tints it), no background. */
export const outlineIcon = (): Buffer => {
  const box = { x: 3, y: 3, size: 26 };
  return encodePng(32, (x, y) => ({
    ...WHITE,
    a: Math.round(255 * glyphCoverage(x, y, box)),
  }));
};

export const writeTeamsIcons = (dir: string): void => {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "color.png"), colorIcon());
  fs.writeFileSync(path.join(dir, "outline.png"), outlineIcon());
};

if (require.main === module) {
  const dir = path.resolve(__dirname, "../teams");
  writeTeamsIcons(dir);
  console.log(`wrote ${path.relative(process.cwd(), dir)}/color.png and outline.png`);
}
