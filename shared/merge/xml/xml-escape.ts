/** XML escaping for text and attribute values, and the reverse for the five predefined entities. */

const TEXT_SPECIAL = /[&<>]/;
const ATTR_SPECIAL = /[&<>"]/;

export const escapeXmlText = (text: string): string =>
  TEXT_SPECIAL.test(text)
    ? text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    : text;

export const escapeXmlAttribute = (text: string): string =>
  ATTR_SPECIAL.test(text)
    ? text
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/"/g, "&quot;")
    : text;

const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

/** Only what XML itself defines: a DTD-free document has no other entities. */
export const unescapeXml = (text: string): string =>
  text.indexOf("&") < 0
    ? text
    : text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
        if (ref.charCodeAt(0) === 35 /* # */) {
          const code =
            ref.charCodeAt(1) === 120 /* x */
              ? parseInt(ref.slice(2), 16)
              : parseInt(ref.slice(1), 10);
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
        }
        return NAMED[ref] ?? whole;
      });

/**
 * Characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE/U+FFFF). A merged value
 * holding one would make the whole document unreadable, so they are dropped.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export const stripNonXmlCharacters = (text: string): string => text.replace(NOT_XML_CHAR, "");
