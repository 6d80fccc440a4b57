import { TemplateError } from "../template-error";
import type { FieldSwitches } from "./field-switches";

/**
 * Word's ADDRESSBLOCK and GREETINGLINE: their switches read once at compile time. The
 * per-record result is laid out by shared/letter (render/address-fields.ts).
 */

/** A piece of a \f format: literal text, or a <<before _TOKEN_ after>> group. */
export type FormatPiece =
  string | { readonly token: string; readonly before: string; readonly after: string };

export interface AddressBlockExpr {
  readonly kind: "addressBlock";
  /** \c: 0 never, 1 always, 2 (Word's default) only when not an excluded country. */
  readonly country: "never" | "always" | "abroad";
  /** \e, once per excluded country (Word's "Only include the country if different than"). */
  readonly excluded: readonly string[];
  /** \d: laid out by the recipient's country. */
  readonly byCountry: boolean;
  /** \f: Word's placeholder template; absent, the country's layout. */
  readonly format: readonly FormatPiece[] | undefined;
  /** \l: the language of the country's name, as a BCP 47 tag. */
  readonly language: string | undefined;
  readonly switches: FieldSwitches;
}

export interface GreetingLineExpr {
  readonly kind: "greetingLine";
  readonly format: readonly FormatPiece[] | undefined;
  /** \e: the greeting for a recipient without a name. */
  readonly fallback: string | undefined;
  readonly language: string | undefined;
  readonly switches: FieldSwitches;
}

/** A token of the field's code after its keyword: text, and whether it was quoted. */
export interface CodeToken {
  readonly quoted: boolean;
  readonly text: string;
}

// Windows language ids Word writes in \l, for the languages Mergeline writes letters in.
const LCID: Readonly<Record<string, string>> = {
  "1030": "da-DK",
  "1031": "de-DE",
  "1033": "en-US",
  "1035": "fi-FI",
  "1036": "fr-FR",
  "1043": "nl-NL",
  "1044": "nb-NO",
  "1053": "sv-SE",
  "2055": "de-CH",
  "2057": "en-GB",
  "3079": "de-AT",
  "3081": "en-AU",
  "4105": "en-CA",
};

const invalid = (kind: string, message: string): TemplateError =>
  new TemplateError("invalid_field_switch", `${kind}: ${message}`);

/** Word's \f template: literal text and <<...>> groups, each naming at most one _TOKEN_. */
export const parseFormat = (kind: string, format: string): FormatPiece[] => {
  const pieces: FormatPiece[] = [];
  let at = 0;
  while (at < format.length) {
    const open = format.indexOf("<<", at);
    if (open < 0) {
      pieces.push(format.slice(at));
      break;
    }
    if (open > at) pieces.push(format.slice(at, open));
    const close = format.indexOf(">>", open + 2);
    if (close < 0) throw invalid(kind, `\\f "${format}" opens << without closing it with >>`);
    const group = format.slice(open + 2, close);
    const token = /_[A-Z]+[0-9]?_/.exec(group);
    pieces.push(
      token
        ? {
            token: token[0],
            before: group.slice(0, token.index),
            after: group.slice(token.index + token[0].length),
          }
        : group,
    );
    at = close + 2;
  }
  return pieces;
};

const language = (kind: string, value: string): string | undefined => {
  if (!/^\d{1,5}$/.test(value)) throw invalid(kind, `\\l "${value}" is not a language id`);
  return LCID[value];
};

/**
 * Reads an ADDRESSBLOCK or GREETINGLINE code's switches. A switch Word would not accept (\c 7,
 * \l Danish, a \f without its text, an unclosed <<) refuses the letter: merged with a guess, it
 * would write a wrong address into every letter.
 */
export const parseAddressField = (
  kind: "ADDRESSBLOCK" | "GREETINGLINE",
  tokens: readonly CodeToken[],
): AddressBlockExpr | GreetingLineExpr => {
  const formats: string[] = [];
  let country: AddressBlockExpr["country"] = "abroad";
  const excluded: string[] = [];
  let byCountry = false;
  let format: FormatPiece[] | undefined;
  let lang: string | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as CodeToken;
    if (token.quoted || !token.text.startsWith("\\")) {
      throw invalid(kind, `"${token.text}" is not a switch`);
    }
    const letter = token.text.slice(1, 2).toLowerCase();
    if (letter === "d" && kind === "ADDRESSBLOCK") {
      byCountry = true;
      continue;
    }
    let argument = token.text.slice(2) || undefined;
    if (argument === undefined) {
      const next = tokens[i + 1];
      if (!next || (!next.quoted && next.text.startsWith("\\")))
        throw invalid(kind, `\\${letter} needs a value`);
      argument = next.text;
      i++;
    }
    if (letter === "*") formats.push(argument);
    else if (letter === "f") format = parseFormat(kind, argument);
    else if (letter === "l") lang = language(kind, argument);
    else if (letter === "e") excluded.push(argument);
    else if (letter === "c" && kind === "ADDRESSBLOCK") {
      const rule = ({ "0": "never", "1": "always", "2": "abroad" } as const)[
        argument as "0" | "1" | "2"
      ];
      if (!rule) throw invalid(kind, `\\c "${argument}" must be 0, 1 or 2`);
      country = rule;
    } else throw invalid(kind, `\\${letter} is not a switch of ${kind}`);
  }
  // \* MERGEFORMAT keeps the result's formatting; no other general switch applies to a block.
  const switches: FieldSwitches = {
    format: formats,
    raw: tokens.map((t) => (t.quoted ? `"${t.text}"` : t.text)),
  };
  if (kind === "ADDRESSBLOCK")
    return { kind: "addressBlock", country, excluded, byCountry, format, language: lang, switches };
  if (excluded.length > 1) throw invalid(kind, "\\e is given more than once");
  return { kind: "greetingLine", format, fallback: excluded[0], language: lang, switches };
};
