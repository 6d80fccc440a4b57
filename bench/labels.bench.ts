/**
 * Labels (Word's Mailings > Labels, Business Central's Print Labels): 10,000 contacts on A4
 * 3 × 8 address labels (417 sheets), against the one-document merge of the same contacts into a
 * letter that is only their Address Block (the same lines, so both write the same text; the
 * merge writes a section per contact, the labels a table cell). Both include everything
 * from the contacts' values to the zipped .docx; the template is read inside the merge's timing,
 * as a merge job reads it.
 */
import { LABEL_PRESETS, mergeDocument, mergeLabels, readTemplate } from "@shared/merge";
import type { MergeRecord } from "@shared/merge";
import { labelAddressLines } from "@shared/letter/label-address";
import { letterValues } from "@shared/letter/merge-fields";
import { buildDocx, mergeField, p } from "../test/unit/shared/merge/docx-builder";
import type { BenchRow } from "./bench-row";
import { sideBySide } from "./measure";

const CONTACTS = 10_000;

const ADDRESS_LETTER = buildDocx({ body: p(mergeField('"Address Block"')) });

const records: MergeRecord[] = Array.from({ length: CONTACTS }, (_, i) => ({
  language: "da-DK",
  values: letterValues({
    contact: {
      no: `KT${i}`,
      name: `Kontakt ${i}`,
      type: "person",
      address: `Vestergade ${1 + (i % 200)}`,
      address2: i % 3 ? "" : "2. tv.",
      postCode: String(1000 + (i % 8000)),
      city: "Aarhus C",
      countryRegionCode: i % 10 ? "DK" : "DE",
    },
    company: { no: `KT-F${i % 500}`, name: `Firma ${i % 500} A/S`, type: "company" },
    today: "2026-12-06",
    language: "da-DK",
  }),
}));

const labels = () =>
  mergeLabels(
    records.map((r) => labelAddressLines(r.values)),
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
