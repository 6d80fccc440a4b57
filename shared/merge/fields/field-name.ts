/**
 * Field names match when they are equal ignoring case, spaces, underscores, dots and hyphens:
 * Word writes the data source's "Adresregel 1" as MERGEFIELD Adresregel_1, people write
 * "E-mail" and "Email" for the same column, and a table row's "opportunities.amount" then
 * matches the item key "amount" of rows["opportunities"] by prefix.
 */
const cache = new Map<string, string>();
const IGNORED = /[\s_.\-\u00a0]+/g;

export const normalizeFieldName = (name: string): string => {
  let key = cache.get(name);
  if (key === undefined) {
    key = name.normalize("NFC").toLowerCase().replace(IGNORED, "");
    // Names come from a few templates and data sources; the cap only guards against misuse.
    if (cache.size > 50_000) cache.clear();
    cache.set(name, key);
  }
  return key;
};
