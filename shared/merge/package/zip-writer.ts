import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { encodeUtf8 } from "../xml/xml-text-codec";

export type CompressionLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/**
 * A part's content: bytes as they are, or text produced piece by piece. Pieces are pulled only
 * when the zip reaches the part, so a merged document.xml of 10,000 letters is never one string
 * (V8 caps strings near 512 MB) and never sits in memory whole next to its compressed form.
 */
export type PartContent = Uint8Array | string | Iterable<string>;

export interface OutputFile {
  readonly name: string;
  readonly content: PartContent;
  /** False for media that is compressed already (png, jpeg...); deflating them again wastes time. */
  readonly compress: boolean;
}

/** Enough text per deflate push to amortize the call, small enough to keep memory flat. */
const BATCH_CHARS = 1 << 19;
/** Deterministic output (same input, same bytes) needs a fixed timestamp; DOS time starts in 1980. */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);

const pushText = (file: ZipPassThrough | ZipDeflate, content: string | Iterable<string>): void => {
  if (typeof content === "string") {
    file.push(encodeUtf8(content), true);
    return;
  }
  let batch: string[] = [];
  let length = 0;
  for (const piece of content) {
    if (length === 0 && piece.length >= BATCH_CHARS) {
      file.push(encodeUtf8(piece), false);
      continue;
    }
    batch.push(piece);
    length += piece.length;
    if (length >= BATCH_CHARS) {
      file.push(encodeUtf8(batch.join("")), false);
      batch = [];
      length = 0;
    }
  }
  file.push(encodeUtf8(batch.join("")), true);
};

export const writeZip = (files: Iterable<OutputFile>, level: CompressionLevel): Uint8Array => {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
    size += data.length;
  });
  for (const output of files) {
    const file =
      output.compress && level > 0
        ? new ZipDeflate(output.name, { level })
        : new ZipPassThrough(output.name);
    file.mtime = FIXED_MTIME;
    zip.add(file);
    if (output.content instanceof Uint8Array) file.push(output.content, true);
    else pushText(file, output.content);
  }
  zip.end();
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
};

const STORED_EXTENSIONS =
  /\.(png|jpe?g|gif|tiff?|wdp|hdp|mp[34]|m4a|wav|zip|docx|xlsx|pptx|bin|jpx|webp|avif|svgz|odttf|ttf|otf|woff2?)$/i;

/** Whether deflating a part is worth it. */
export const isCompressible = (name: string): boolean => !STORED_EXTENSIONS.test(name);
