/** What a greeting is made from: a contact's name fields, any of them possibly empty. */
export interface GreetingData {
  /** A company is greeted with the fallback: there is no person to name. */
  readonly kind?: "company" | "person" | undefined;
  /**
   * The contact's own salutation, a whole greeting without its punctuation ("Dear Mr. Smith",
   * "Kære Jens"), as Business Central's salutation formulas write it: used as it is.
   */
  readonly salutation?: string | undefined;
  readonly firstName?: string | undefined;
  readonly middleName?: string | undefined;
  readonly surname?: string | undefined;
  /** The person's whole name, greeted when the name's parts are not kept apart. */
  readonly name?: string | undefined;
}

export interface GreetingOptions {
  /** BCP 47: the language of the greeting. en-US when absent. */
  readonly language?: string | undefined;
  /** The greeting when there is no name (Word's \e); the language's own by default. */
  readonly fallback?: string | undefined;
}

interface GreetingWords {
  /** The greeting of a named person. */
  readonly named: (first: string, full: string) => string;
  /** No name to greet: a company, or a person without a name. */
  readonly fallback: string;
}

// Scandinavian letters greet by first name, German and Dutch ones formally by full name (there is
// no gender to choose Herr/Frau from), English ones by full name as Word's "Dear Josh Randall,".
const WORDS: Readonly<Record<string, GreetingWords>> = {
  en: { named: (_, full) => `Dear ${full},`, fallback: "Dear Sir or Madam," },
  da: { named: (first) => `Kære ${first},`, fallback: "Kære kunde," },
  de: { named: (_, full) => `Guten Tag ${full},`, fallback: "Sehr geehrte Damen und Herren," },
  sv: { named: (first) => `Hej ${first},`, fallback: "Hej," },
  nb: { named: (first) => `Hei ${first},`, fallback: "Hei," },
  nl: { named: (_, full) => `Beste ${full},`, fallback: "Geachte heer/mevrouw," },
};

const clean = (value: string | undefined): string => (value ?? "").replace(/\s+/g, " ").trim();

const wordsOf = (language: string | undefined): GreetingWords => {
  const base = (language ?? "en").slice(0, 2).toLowerCase();
  return WORDS[base === "no" || base === "nn" ? "nb" : base] ?? (WORDS.en as GreetingWords);
};

/** The greeting when there is no name: Word's \e text, else the language's own. */
export const greetingFallback = (options: GreetingOptions = {}): string =>
  clean(options.fallback) || wordsOf(options.language).fallback;

/**
 * A letter's greeting line: the contact's salutation with a comma, else a greeting by name in
 * the language, else the fallback. Never "Dear ,": a company, or a person with neither
 * salutation nor name, gets the fallback.
 */
export const formatGreetingLine = (data: GreetingData, options: GreetingOptions = {}): string => {
  const salutation = clean(data.salutation);
  if (data.kind !== "company" && salutation)
    return /[,.:;!]$/.test(salutation) ? salutation : `${salutation},`;
  const first = clean(data.firstName);
  const full =
    [data.firstName, data.middleName, data.surname].map(clean).filter(Boolean).join(" ") ||
    clean(data.name);
  if (data.kind === "company" || !full) return greetingFallback(options);
  return wordsOf(options.language).named(first || full, full);
};
