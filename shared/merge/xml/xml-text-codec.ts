import { TemplateError } from "../template-error";

const utf8 = new TextDecoder("utf-8", { fatal: true });
const encoder = new TextEncoder();

/**
 * Part bytes to text. Word writes UTF-8; the OPC standard also allows UTF-16, which is decoded
 * and has its declaration rewritten, because every part this engine writes is UTF-8.
 */
export const decodeXmlPart = (bytes: Uint8Array, part: string): string => {
  try {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      return utf8.decode(bytes.subarray(3));
    }
    const le = bytes[0] === 0xff && bytes[1] === 0xfe;
    const be = bytes[0] === 0xfe && bytes[1] === 0xff;
    const leNoBom = bytes[0] === 0x3c && bytes[1] === 0x00;
    if (le || be || leNoBom) {
      const decoder = new TextDecoder(be ? "utf-16be" : "utf-16le", { fatal: true });
      const text = decoder.decode(bytes.subarray(le || be ? 2 : 0));
      return text.replace(/^(<\?xml[^>]*encoding=["'])utf-16(["'])/i, "$1UTF-8$2");
    }
    return utf8.decode(bytes);
  } catch {
    throw new TemplateError("corrupt_xml", `${part} is not valid UTF-8 or UTF-16 text`, part);
  }
};

export const encodeUtf8 = (text: string): Uint8Array => encoder.encode(text);
