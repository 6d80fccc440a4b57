import { CustomFieldKey } from "@shared/model/contact";
import type { ProblemError } from "@shared/model/problem";
import { ValidationError } from "../../errors/app-errors";
import {
  columnFields,
  contactColumns,
  customPrefix,
  fieldForHeader,
  isColumnField,
  type ColumnField,
} from "./contact-columns";

export type ColumnTarget =
  | { readonly kind: "field"; readonly field: ColumnField }
  | { readonly kind: "custom"; readonly key: string };

export interface ColumnMapping {
  /** By column index; undefined for a column that is ignored. */
  readonly targets: readonly (ColumnTarget | undefined)[];
  /** The header of every column, by column index, for messages. */
  readonly headers: readonly string[];
  /** Header -> target as the result reports it; "" for an ignored column. */
  readonly used: Readonly<Record<string, string>>;
}

const targetName = (t: ColumnTarget): string =>
  t.kind === "field" ? t.field : `${customPrefix}${t.key}`;

/** A target as the contract spells it; undefined when it names nothing a CSV column can fill. */
const parseTarget = (name: string): ColumnTarget | undefined => {
  if (name.toLowerCase().startsWith(customPrefix)) {
    const key = name.slice(customPrefix.length);
    return CustomFieldKey.safeParse(key).success ? { kind: "custom", key } : undefined;
  }
  return isColumnField(name) ? { kind: "field", field: name } : undefined;
};

const autoTarget = (header: string): ColumnTarget | undefined => {
  if (header.toLowerCase().startsWith(customPrefix)) return parseTarget(header);
  const field = fieldForHeader(header);
  return field ? { kind: "field", field } : undefined;
};

const checkGiven = (
  header: readonly string[],
  given: Readonly<Record<string, string>>,
  location: ProblemError["in"],
): ProblemError[] => {
  const headers = new Set(header);
  const errors: ProblemError[] = [];
  const claimedBy = new Map<string, string>();
  for (const [column, name] of Object.entries(given)) {
    const field = `mapping.${column}`;
    if (!headers.has(column)) {
      errors.push({
        in: location,
        field,
        rule: "unknown_column",
        message: `"${column}" is not a column of the CSV header`,
      });
    }
    if (name === "") continue;
    const target = parseTarget(name);
    if (!target) {
      errors.push({
        in: location,
        field,
        rule: "unknown_field",
        message: `"${name}" is not a contact field a column can fill; use one of ${columnFields.join(", ")}, custom.<key>, or "" to ignore the column`,
      });
      continue;
    }
    const other = claimedBy.get(targetName(target));
    if (other !== undefined) {
      errors.push({
        in: location,
        field,
        rule: "duplicate_target",
        message: `column "${other}" is already mapped to ${name}`,
      });
    }
    claimedBy.set(targetName(target), column);
  }
  return errors;
};

/**
 * Which column fills which field. A given mapping wins for the headers it names; every other
 * header is matched by field name, English or Danish caption. When two columns would fill the same
 * field the explicit one, else the first, does; the other is ignored and shows as "" in `used`.
 * Throws a ValidationError (at `mapping.<header>`, in `location`) for a mapping that cannot work.
 */
export const resolveMapping = (
  header: readonly string[],
  given: Readonly<Record<string, string>> | undefined,
  location: ProblemError["in"],
): ColumnMapping => {
  const headers = header.map((h) => h.trim());
  const errors = given ? checkGiven(headers, given, location) : [];
  if (errors.length) throw new ValidationError(errors, "The mapping does not fit the CSV.");

  const explicit = new Map<string, ColumnTarget | undefined>(
    Object.entries(given ?? {}).map(([column, name]) => [
      column,
      name === "" ? undefined : parseTarget(name),
    ]),
  );
  const claimed = new Set([...explicit.values()].flatMap((t) => (t ? [targetName(t)] : [])));
  const used: Record<string, string> = {};
  const targets = headers.map((h): ColumnTarget | undefined => {
    // A repeated header cannot be told apart in a header -> field mapping: the first one counts.
    if (h === "" || Object.hasOwn(used, h)) return undefined;
    let target: ColumnTarget | undefined;
    if (explicit.has(h)) target = explicit.get(h);
    else {
      const auto = autoTarget(h);
      target = auto && !claimed.has(targetName(auto)) ? auto : undefined;
      if (target) claimed.add(targetName(target));
    }
    used[h] = target ? targetName(target) : "";
    return target;
  });

  if (!targets.some((t) => t?.kind === "field" && t.field === "name")) {
    const captions = [contactColumns.name.caption, ...contactColumns.name.aliases]
      .map((c) => `"${c}"`)
      .join(" or ");
    throw new ValidationError(
      [
        {
          in: "body",
          field: "csv",
          rule: "required_column",
          message: `has no column for the contact's name (headed ${captions}); map one with mapping, e.g. {"Kundenavn": "name"}`,
        },
      ],
      "The CSV cannot be imported.",
    );
  }
  return { targets, headers, used };
};

/** The CSV column that fills a contact field path such as "email" or "customFields.tier". */
export const columnOf = (mapping: ColumnMapping, fieldPath: string): string | undefined => {
  const [first, second] = fieldPath.split(".");
  const wanted = first === "customFields" && second ? `${customPrefix}${second}` : first;
  const index = mapping.targets.findIndex((t) => t !== undefined && targetName(t) === wanted);
  return index >= 0 ? mapping.headers[index] : undefined;
};

/** A problem's message with the CSV column it came from, since the field name is the contact's. */
export const inColumn = (message: string, column: string | undefined): string =>
  column ? `${message} (column "${column}")` : message;
