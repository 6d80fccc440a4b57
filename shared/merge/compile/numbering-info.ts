import { unescapeXml } from "../xml/xml-escape";
import { attributeOf, tokenizeXml, type XmlToken } from "../xml/xml-tokenizer";

/**
 * numbering.xml as far as restarting lists per letter needs it. A letter's list restarts when
 * its paragraphs point at a new w:num of the same abstract list with a start override per
 * level: exactly what Word writes for "Restart at 1".
 */
export interface NumberingInfo {
  readonly part: string;
  readonly xml: string;
  /** Where new w:num elements go: after the last w:num, before w:numIdMacAtCleanup. */
  readonly insertAt: number;
  readonly nums: ReadonlyMap<
    number,
    { readonly abstractId: number; readonly overrides: ReadonlyMap<number, string> }
  >;
  /** abstractNumId -> level -> w:start. */
  readonly starts: ReadonlyMap<number, ReadonlyMap<number, number>>;
  readonly maxNumId: number;
}

export const parseNumbering = (xml: string, part: string): NumberingInfo => {
  const tokens = tokenizeXml(xml, part);
  const value = (token: XmlToken, name: string): number | undefined => {
    const a = attributeOf(xml, token, name);
    const n = a ? Number.parseInt(unescapeXml(a.raw), 10) : NaN;
    return Number.isFinite(n) ? n : undefined;
  };
  const nums = new Map<number, { abstractId: number; overrides: Map<number, string> }>();
  const starts = new Map<number, Map<number, number>>();
  let insertAt = -1;
  let rootClose = xml.length;
  let abstractLevels: Map<number, number> | undefined;
  let level: number | undefined;
  let num: { id: number; abstractId: number; overrides: Map<number, string> } | undefined;
  let override: { level: number; start: number } | undefined;
  let maxNumId = 0;
  let depth = 0;
  for (const token of tokens) {
    if (token.kind === "open" || token.kind === "empty") {
      if (token.kind === "open") depth++;
      switch (token.name) {
        case "w:abstractNum": {
          abstractLevels = new Map();
          starts.set(value(token, "w:abstractNumId") ?? -1, abstractLevels);
          break;
        }
        case "w:lvl":
          level = value(token, "w:ilvl");
          break;
        case "w:start":
          if (abstractLevels && level !== undefined && !num)
            abstractLevels.set(level, value(token, "w:val") ?? 0);
          break;
        case "w:num": {
          const id = value(token, "w:numId") ?? -1;
          maxNumId = Math.max(maxNumId, id);
          num = { id, abstractId: -1, overrides: new Map() };
          if (token.kind === "empty") num = undefined;
          break;
        }
        case "w:abstractNumId":
          if (num) num.abstractId = value(token, "w:val") ?? -1;
          break;
        case "w:lvlOverride":
          if (num) {
            const l = value(token, "w:ilvl") ?? 0;
            if (token.kind === "empty") num.overrides.set(l, xml.slice(token.start, token.end));
            else override = { level: l, start: token.start };
          }
          break;
        case "w:numIdMacAtCleanup":
          if (insertAt < 0) insertAt = token.start;
          break;
      }
    } else if (token.kind === "close") {
      depth--;
      if (token.name === "w:abstractNum") abstractLevels = undefined;
      else if (token.name === "w:lvl") level = undefined;
      else if (token.name === "w:lvlOverride" && num && override) {
        num.overrides.set(override.level, xml.slice(override.start, token.end));
        override = undefined;
      } else if (token.name === "w:num" && num) {
        nums.set(num.id, { abstractId: num.abstractId, overrides: num.overrides });
        num = undefined;
      }
      if (depth === 0) rootClose = token.start;
    }
  }
  return { part, xml, insertAt: insertAt < 0 ? rootClose : insertAt, nums, starts, maxNumId };
};

/** A w:num restarting `numId`'s list, or undefined when numbering.xml does not define it. */
export const restartedNum = (
  info: NumberingInfo,
  numId: number,
  newId: number,
): string | undefined => {
  const num = info.nums.get(numId);
  if (!num) return undefined;
  const levels = info.starts.get(num.abstractId) ?? new Map<number, number>();
  // Word lists have nine levels (0-8); more in a hostile numbering.xml would be copied per letter.
  const all = new Set([...levels.keys(), ...num.overrides.keys()].filter((l) => l >= 0 && l < 9));
  if (all.size === 0) for (let l = 0; l < 9; l++) all.add(l);
  const overrides = [...all]
    .sort((a, b) => a - b)
    .map((l) => {
      const start = levels.get(l) ?? 1;
      const raw = num.overrides.get(l);
      if (!raw)
        return `<w:lvlOverride w:ilvl="${l}"><w:startOverride w:val="${start}"/></w:lvlOverride>`;
      if (raw.includes("w:startOverride")) return raw;
      if (raw.endsWith("/>"))
        return `${raw.slice(0, -2).trimEnd()}><w:startOverride w:val="${start}"/></w:lvlOverride>`;
      const tagEnd = raw.indexOf(">") + 1;
      return `${raw.slice(0, tagEnd)}<w:startOverride w:val="${start}"/>${raw.slice(tagEnd)}`;
    });
  return `<w:num w:numId="${newId}"><w:abstractNumId w:val="${num.abstractId}"/>${overrides.join("")}</w:num>`;
};
