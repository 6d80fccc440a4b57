import { Inflate } from "fflate";
import { TemplateError } from "../template-error";
import type { PackageLimits } from "./package-limits";
import { refuseUnsafePartName } from "./part-names";

/**
 * Reads a zip's central directory and inflates each entry as a stream, counting bytes as they
 * come out: a zip bomb is stopped at the limit instead of after it has filled memory, and a
 * directory that lies about sizes is caught the moment the data runs past what it declared.
 */

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
const CHUNK = 64 * 1024;

const corrupt = (why: string): TemplateError =>
  new TemplateError("corrupt_zip", `the zip package cannot be read: ${why}`);

const names = new TextDecoder("utf-8");

const CRC_TABLE = (() => {
  const table = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  return table;
})();

/** CRC-32 as zip stores it: catches damaged data that still inflates (or is stored). */
const crc32 = (data: Uint8Array): number => {
  let c = -1;
  for (let i = 0; i < data.length; i++)
    c = (CRC_TABLE[(c ^ (data[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
};

export const isZip = (data: Uint8Array): boolean =>
  data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5);

const u64 = (view: DataView, at: number): number =>
  view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x100000000;

const readDirectory = (data: Uint8Array, limits: PackageLimits): Entry[] => {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const inRange = (at: number, length: number): boolean => at >= 0 && at + length <= data.length;
  let eocd = -1;
  for (let at = data.length - 22; at >= 0 && at >= data.length - 22 - 65535; at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw corrupt("no end of central directory");
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if ((count === 0xffff || offset === MAX32) && inRange(eocd - 20, 20)) {
    if (view.getUint32(eocd - 20, true) === ZIP64_LOCATOR) {
      const at = u64(view, eocd - 12);
      if (!inRange(at, 56) || view.getUint32(at, true) !== ZIP64_EOCD)
        throw corrupt("bad zip64 record");
      count = u64(view, at + 32);
      offset = u64(view, at + 48);
    }
  }
  if (count > limits.maxParts) {
    throw new TemplateError(
      "too_many_parts",
      `the package has ${count} parts; at most ${limits.maxParts} are accepted`,
      undefined,
      { limit: limits.maxParts, actual: count },
    );
  }
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (!inRange(at, 46) || view.getUint32(at, true) !== CENTRAL)
      throw corrupt("bad central directory");
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    let localOffset = view.getUint32(at + 42, true);
    if (!inRange(at + 46, nameLength + extraLength)) throw corrupt("bad central directory");
    const name = names.decode(data.subarray(at + 46, at + 46 + nameLength));
    refuseUnsafePartName(name);
    if (flags & 1) throw corrupt(`${name} is encrypted`);
    if (size === MAX32 || compressedSize === MAX32 || localOffset === MAX32) {
      // Zip64 extended information: the 64-bit values follow in this fixed order, each present
      // only where the 32-bit field is saturated.
      let extra = at + 46 + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const id = view.getUint16(extra, true);
        const length = view.getUint16(extra + 2, true);
        if (id === 1) {
          let p = extra + 4;
          if (size === MAX32) {
            size = u64(view, p);
            p += 8;
          }
          if (compressedSize === MAX32) {
            compressedSize = u64(view, p);
            p += 8;
          }
          if (localOffset === MAX32) localOffset = u64(view, p);
          break;
        }
        extra += 4 + length;
      }
    }
    entries.push({ name, method, crc, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
};

const inflateEntry = (compressed: Uint8Array, entry: Entry): Uint8Array => {
  const chunks: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.size) throw corrupt(`${entry.name} inflates past its declared size`);
    chunks.push(chunk);
  });
  try {
    if (compressed.length === 0) inflater.push(compressed, true);
    for (let p = 0; p < compressed.length; p += CHUNK) {
      inflater.push(compressed.subarray(p, p + CHUNK), p + CHUNK >= compressed.length);
    }
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    throw corrupt(`${entry.name} holds invalid deflate data`);
  }
  if (produced !== entry.size) throw corrupt(`${entry.name} is shorter than declared`);
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(produced);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
};

/**
 * A zip bomb inflates a few bytes into a great many: held to the ratio once it unpacks to more
 * than the floor. The package as a whole is held to it too, so many parts each under the floor
 * do not add up to a bomb.
 */
const refuseRatio = (
  size: number,
  compressed: number,
  limits: PackageLimits,
  what: string,
  part: string | undefined,
): void => {
  const ratio = size / Math.max(compressed, 1);
  if (size < limits.ratioCheckFromBytes || ratio <= limits.maxCompressionRatio) return;
  throw new TemplateError(
    "compression_ratio",
    `${what} would inflate ${Math.round(ratio)} times (${size} bytes from ${compressed}); at most ${limits.maxCompressionRatio} times is accepted`,
    part,
    { limit: limits.maxCompressionRatio, actual: Math.round(ratio) },
  );
};

/** Every file entry of the zip (folders skipped), by name, in directory order. */
export const readZip = (data: Uint8Array, limits: PackageLimits): Map<string, Uint8Array> => {
  const entries = readDirectory(data, limits);
  let declared = 0;
  for (const entry of entries) {
    declared += entry.size;
    refuseRatio(entry.size, entry.compressedSize, limits, entry.name, entry.name);
  }
  refuseRatio(declared, data.length, limits, "the package", undefined);
  if (declared > limits.maxUnzippedBytes) {
    throw new TemplateError(
      "too_large",
      `the package unzips to ${declared} bytes; at most ${limits.maxUnzippedBytes} are accepted`,
      undefined,
      { limit: limits.maxUnzippedBytes, actual: declared },
    );
  }
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const at = entry.localOffset;
    if (at + 30 > data.length || view.getUint32(at, true) !== LOCAL) {
      throw corrupt(`bad local header for ${entry.name}`);
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.compressedSize > data.length) throw corrupt(`${entry.name} is truncated`);
    const raw = data.subarray(start, start + entry.compressedSize);
    let bytes: Uint8Array;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size)
        throw corrupt(`${entry.name} has inconsistent sizes`);
      bytes = raw.slice();
    } else if (entry.method === 8) {
      bytes = inflateEntry(raw, entry);
    } else {
      throw corrupt(`${entry.name} uses compression method ${entry.method}; only deflate is read`);
    }
    if (crc32(bytes) !== entry.crc) throw corrupt(`${entry.name} is damaged (CRC mismatch)`);
    files.set(entry.name, bytes);
  }
  return files;
};
