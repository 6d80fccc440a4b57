import type { Contact } from "@shared/model/contact";
import { columnFields, contactColumns, customPrefix } from "../import/contact-columns";
import { encodeLine, lineBreak, utf8Bom, type ExportDelimiter } from "./csv-line";

type CustomFields = Contact["customFields"];

const fieldCell = (value: unknown): string => {
  if (value === undefined || value === null) return "";
  // "|" is the list separator the import reads first; codes cannot contain it.
  if (Array.isArray(value)) return value.join("|");
  return String(value);
};

/**
 * Contacts as the CSV the import reads back: UTF-8 with BOM, CRLF, Business Central's English
 * captions as the header (the import's auto-mapping knows them), lists joined with "|", and a
 * `custom.<key>` column for every custom field any exported contact has.
 *
 * The custom columns are only known after the last page, and a second pass over the store would
 * read every contact twice. So each row's standard cells are encoded as soon as its page arrives
 * and only its custom fields wait as values: memory stays about the size of the CSV itself, which
 * the reply has to hold anyway (the edge has no streaming replies).
 */
export const contactsCsv = async (
  pages: AsyncIterable<readonly Contact[]>,
  delimiter: ExportDelimiter,
): Promise<string> => {
  const rows: { readonly cells: string; readonly custom: CustomFields }[] = [];
  const customKeys = new Set<string>();
  for await (const page of pages) {
    for (const contact of page) {
      const custom = contact.customFields ?? {};
      for (const key of Object.keys(custom)) customKeys.add(key);
      rows.push({
        cells: encodeLine(
          columnFields.map((f) => fieldCell(contact[f])),
          delimiter,
        ),
        custom,
      });
    }
  }
  const keys = [...customKeys].sort();
  const header = encodeLine(
    [
      ...columnFields.map((f) => contactColumns[f].caption),
      ...keys.map((k) => `${customPrefix}${k}`),
    ],
    delimiter,
  );
  const lines = rows.map(({ cells, custom }) =>
    keys.length
      ? `${cells}${delimiter}${encodeLine(
          keys.map((k) => fieldCell(custom[k])),
          delimiter,
        )}`
      : cells,
  );
  return `${utf8Bom}${[header, ...lines].join(lineBreak)}${lineBreak}`;
};
