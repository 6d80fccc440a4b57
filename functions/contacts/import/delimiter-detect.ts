export type CsvDelimiter = "," | ";" | "\t";

// On a tie ";" wins: it is what Excel writes wherever "," is the decimal separator (Denmark).
const candidates: readonly CsvDelimiter[] = [";", "\t", ","];

/**
 * The delimiter of a CSV text, from its header row: the candidate that occurs most often outside
 * quotes. Headers are short, known words, so they rarely contain a delimiter by accident, while
 * data rows do ("Vestergade 1, 2. th."). Without any candidate the file has one column; "," then.
 */
export const detectDelimiter = (text: string): CsvDelimiter => {
  const counts = new Map<string, number>();
  let inQuotes = false;
  let sawContent = false;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      // Blank lines before the header are skipped, as the reader skips them.
      if (sawContent) break;
      continue;
    } else if (!inQuotes && candidates.includes(ch as CsvDelimiter))
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    if (ch.trim() !== "") sawContent = true;
  }
  let best: CsvDelimiter = ",";
  let bestCount = 0;
  for (const candidate of candidates) {
    const n = counts.get(candidate) ?? 0;
    if (n > bestCount) {
      best = candidate;
      bestCount = n;
    }
  }
  return best;
};
