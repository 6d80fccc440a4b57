/**
 * Keys that name JavaScript's object machinery. Parsed from JSON they are ordinary own keys, but
 * a record built from them either drops them silently (zod skips `__proto__`) or reaches the
 * prototype: so no body, query or custom field may use them, and saying so beats dropping them.
 */
export const reservedKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export const isReservedKey = (key: string): boolean => reservedKeys.has(key);

export const reservedKeyRule = "reserved_key";

export const reservedKeyMessage = (key: string): string =>
  `"${key}" cannot be used as a key: it names JavaScript's object machinery`;
