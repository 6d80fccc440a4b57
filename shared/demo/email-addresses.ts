import { byCountry, type DemoCountry } from "./codes";
import type { Random } from "./random";

/**
 * Demo e-mail addresses end in ".example" (RFC 2606): Mergeline merges to e-mail, and a demo
 * tenant merged for real must never write to an actual company that happens to be called
 * "Jensen Transport". The name part still looks like the country's own (jensen-transport.dk).
 */
export const RESERVED_TLD = "example";

// Letters each country spells out in ASCII its own way: "Søren" is soeren in Denmark,
// "Björn" is bjorn in Sweden but "Jürgen" is juergen in Germany.
const NORDIC: Readonly<Record<string, string>> = {
  æ: "ae",
  ø: "oe",
  å: "aa",
  ä: "ae",
  ö: "oe",
  ü: "ue",
};
const SWEDISH: Readonly<Record<string, string>> = {
  æ: "ae",
  ø: "o",
  å: "a",
  ä: "a",
  ö: "o",
  ü: "u",
};
const GERMAN: Readonly<Record<string, string>> = {
  æ: "ae",
  ø: "oe",
  å: "aa",
  ä: "ae",
  ö: "oe",
  ü: "ue",
};
const PLAIN: Readonly<Record<string, string>> = { æ: "ae", ø: "o", å: "a", ä: "a", ö: "o", ü: "u" };
const FOLD_BY_COUNTRY: Readonly<Record<DemoCountry, Readonly<Record<string, string>>>> = {
  DK: NORDIC,
  NO: NORDIC,
  SE: SWEDISH,
  DE: GERMAN,
  GB: PLAIN,
  NL: PLAIN,
  US: PLAIN,
};
// Letters that Unicode decomposition does not reduce to a base letter plus accents.
const UNDECOMPOSABLE: Readonly<Record<string, string>> = {
  ß: "ss",
  ı: "i",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  œ: "oe",
};

/** Lower-case ASCII letters, digits and hyphens; words joined by `joiner`. */
export const asciiFold = (text: string, country: DemoCountry, joiner = ""): string => {
  const table = FOLD_BY_COUNTRY[country];
  let out = "";
  for (const ch of text.toLowerCase()) out += table[ch] ?? UNDECOMPOSABLE[ch] ?? ch;
  return out
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['’.]/g, "")
    .replace(/[^a-z0-9-]+/g, joiner)
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
};

/**
 * Hands out each name once. A taken name remembers the next number to try ("jensen2",
 * "jensen3"), so 100,000 claims stay linear instead of probing 2, 3, 4... each time.
 */
const uniqueNamer = () => {
  // name -> next suffix to try when the name is asked for again
  const taken = new Map<string, number>();
  return (base: string, withSuffix: (n: number) => string): string => {
    const next = taken.get(base);
    if (next === undefined) {
      taken.set(base, 2);
      return base;
    }
    let n = next;
    let candidate = withSuffix(n);
    while (taken.has(candidate)) candidate = withSuffix(++n);
    taken.set(base, n + 1);
    taken.set(candidate, 2);
    return candidate;
  };
};

const TLD: Readonly<Record<DemoCountry, string>> = {
  DK: "dk",
  SE: "se",
  NO: "no",
  DE: "de",
  GB: "co.uk",
  NL: "nl",
  US: "com",
};
const PRIVATE_PROVIDERS = ["mail", "post", "online", "webmail"];

// With a number of up to 6 digits on the local part and 5 on the domain label (100,000
// persons, 10,000 companies), 24 + 6 + "@" + 30 + 5 + ".co.uk.example" is the Email field's 80.
const MAX_LOCAL = 24;
const MAX_LABEL = 30;

const clip = (s: string, max: number): string => {
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const lastBreak = Math.max(cut.lastIndexOf("-"), cut.lastIndexOf("."));
  return (lastBreak > max / 2 ? cut.slice(0, lastBreak) : cut).replace(/[-.]+$/, "");
};

export interface EmailPerson {
  firstName: string;
  middleName?: string;
  surname: string;
}

/**
 * E-mail addresses and company domains for one tenant, unique across it. Folding is cached
 * per tenant because the same few hundred names recur across 100,000 people.
 */
export const createEmailFactory = () => {
  const claimEmail = uniqueNamer();
  const claimDomain = uniqueNamer();
  const foldCache = byCountry(() => new Map<string, string>());
  const fold = (text: string, country: DemoCountry): string => {
    const cache = foldCache[country];
    let folded = cache.get(text);
    if (folded === undefined) {
      folded = asciiFold(text, country);
      cache.set(text, folded);
    }
    return folded;
  };

  /** "jensen-transport.dk.example" from the company name without its legal form. */
  const companyDomain = (nameWithoutLegalForm: string, country: DemoCountry): string => {
    const label = clip(asciiFold(nameWithoutLegalForm, country, "-"), MAX_LABEL) || "firma";
    const tld = `${TLD[country]}.${RESERVED_TLD}`;
    return claimDomain(`${label}.${tld}`, (n) => `${label}${n}.${tld}`);
  };

  const privateDomain = (random: Random, country: DemoCountry): string =>
    `${random.pick(PRIVATE_PROVIDERS)}.${TLD[country]}.${RESERVED_TLD}`;

  /** Mostly first.last; sometimes the initials many Danish companies use, or a short form. */
  const personEmail = (
    random: Random,
    person: EmailPerson,
    domain: string,
    country: DemoCountry,
  ): string => {
    const first = fold(person.firstName, country);
    const last = fold(person.surname, country);
    const roll = random.next();
    let local: string;
    if (first === "" || last === "") local = first || last || "kontakt";
    else if (roll < 0.7) local = `${first}.${last}`;
    else if (roll < 0.82) local = `${first.slice(0, 1)}${last}`;
    else if (roll < 0.92) {
      const middle = person.middleName ? fold(person.middleName, country).slice(0, 1) : "";
      local = `${first.slice(0, 1)}${middle}${last.slice(0, 1)}`;
    } else local = first;
    if (local.length > MAX_LOCAL) local = clip(local, MAX_LOCAL);
    return claimEmail(`${local}@${domain}`, (n) => `${local}${n}@${domain}`);
  };

  /** The company's shared mailbox. */
  const companyEmail = (random: Random, domain: string, country: DemoCountry): string => {
    const local = random.pick(
      country === "DK" || country === "NO"
        ? ["info", "kontakt", "post"]
        : ["info", "contact", "office"],
    );
    return claimEmail(`${local}@${domain}`, (n) => `${local}${n}@${domain}`);
  };

  return { companyDomain, privateDomain, personEmail, companyEmail };
};

export type EmailFactory = ReturnType<typeof createEmailFactory>;
