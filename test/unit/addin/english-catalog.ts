import { daDK } from "../../../addin/i18n/da-DK";
import { enUS, type MessageKey } from "../../../addin/i18n/en-US";

/**
 * The English catalog's literal text, cut at its placeholders: the pieces a Danish screen must
 * not show (the e2e tests and the component tests read it alike). A piece counts when it is more
 * than one word or a long word, and is not also Danish (a word equal in both languages).
 */
const englishPieces = (): { key: MessageKey; piece: string }[] => {
  const danish = Object.values(daDK).join("\n");
  const pieces: { key: MessageKey; piece: string }[] = [];
  for (const [key, english] of Object.entries(enUS) as [MessageKey, string][]) {
    if (english === daDK[key]) continue;
    const text = english
      .replace(/\{\w+, plural,/g, "\u241f")
      .replace(/(?:=\d+|zero|one|two|few|many|other) \{/g, "\u241f")
      .replace(/[{}#]/g, "\u241f");
    for (const raw of text.split(/\u241f|\{\w+\}/)) {
      const piece = raw
        .replace(/\s+/g, " ")
        .trim()
        .replace(/^[\s.,:;·–()×]+|[\s.,:;·–()×]+$/g, "");
      const words = piece.split(" ").filter((w) => /\p{L}/u.test(w));
      if (words.length === 0 || (words.length < 2 && piece.length < 10)) continue;
      if (danish.includes(piece)) continue;
      pieces.push({ key, piece });
    }
  }
  return pieces;
};

let pieces: { key: MessageKey; piece: string }[] | undefined;

/** The English catalog text found in `text`, each with the key it came from. */
export const englishCatalogIn = (text: string): string[] => {
  pieces ??= englishPieces();
  return pieces
    .filter(({ piece }) => text.includes(piece))
    .map(({ key, piece }) => `${key}: "${piece}"`);
};
