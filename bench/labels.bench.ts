/**
 * Labels (Word's Mailings > Labels, Business Central's Print Labels): 10,000 contacts on A4
 * 3 × 8 address labels (417 sheets), against the one-document merge of the same contacts into a
 * letter that is only their address block (the same six fields, so both write the same text;
 * the merge writes a section per contact, the labels a table cell). Both include everything
 * from the contacts' values to the zipped .docx; the template is read inside the merge's timing,
 * as a merge job reads it.
 */
import { LABEL_PRESETS, mergeDocument, mergeLabels, readTemplate } from "@shared/merge";
import type { MergeRecord } from "@shared/merge";
import { labelAddressLines } from "@shared/letter/label-address";
import { buildDocx, mergeField, p, t } from "../test/unit/shared/merge/docx-builder";
import type { BenchRow } from "./bench-row";
import { sideBySide } from "./measure";

const CONTACTS = 10_000;

const ADDRESS_LETTER = buildDocx({
  body:
    p(mergeField("Name")) +
    p(mergeField('"Company Name"')) +
    p(mergeField("Address")) +
    p(mergeField('"Address 2"')) +
    p(mergeField('"Post Code"'), t(" "), mergeField("City")) +
    p(mergeField('"Country/Region Code"')),
});

const records: MergeRecord[] = Array.from({ length: CONTACTS }, (_, i) => ({
  language: "da-DK",
  values: {
    Name: `Kontakt ${i}`,
    "Company Name": `Firma ${i % 500} A/S`,
    Address: `Vestergade ${1 + (i % 200)}`,
    "Address 2": i % 3 ? "" : "2. tv.",
    "Post Code": String(1000 + (i % 8000)),
    City: "Aarhus C",
    "Country/Region Code": "DK",
  },
}));

const labels = () =>
  mergeLabels(
    records.map((r) => labelAddressLines(r.values as Record<string, string>)),
    LABEL_PRESETS["a4-3x8"],
  );
const oneDocument = () => mergeDocument(readTemplate(ADDRESS_LETTER), records);

export const benchLabels = async (): Promise<BenchRow[]> => {
  // Warm up (JIT) on both before anything is timed.
  const sheet = labels();
  const merged = oneDocument();
  const { ours, peer } = await sideBySide(
    7,
    async () => labels(),
    async () => oneDocument(),
  );
  return [
    {
      name: `labels: ${CONTACTS.toLocaleString("en-US")} contacts on A4 3x8 (${Math.ceil(CONTACTS / 24)} sheets)`,
      ours,
      peer,
      peerName: "one-document merge of the same address block",
      unit: "ms",
      ratio: ours / peer,
      target: "<= 1.5x",
      note: `${(sheet.length / 1024).toFixed(0)} KB against ${(merged.length / 1024).toFixed(0)} KB .docx`,
    },
  ];
};
