import { checkMerge, readTemplate } from "@shared/merge";
import { fromEngine, issueText } from "../../../../../addin/features/merge/check-issues";
import { daDK } from "../../../../../addin/i18n/da-DK";
import { enUS } from "../../../../../addin/i18n/en-US";
import { translator } from "../../../../../addin/i18n/translate";
import { buildDocx, mergeField, p, simpleField } from "../../../shared/merge/docx-builder";

/**
 * A letter with record fields merged one document per contact: the engine warns once, and the
 * pane says it in the user's language, never the server's English in Danish.
 */
const list = readTemplate(
  buildDocx({ body: p(mergeField("Name")) + p(simpleField("NEXT", ""), mergeField("Name")) }),
);
const records = [{ values: { Name: "Anna" } }, { values: { Name: "Bo" } }];

describe("record_fields_per_contact", () => {
  it("is one warning when each record is a document of its own, none for one document", () => {
    const perContact = checkMerge(list, records, { documentPerRecord: true }).filter(
      (i) => i.code === "record_fields_per_contact",
    );
    expect(perContact.map((i) => [i.severity, i.params])).toEqual([
      ["warning", { fields: ["NEXT"] }],
    ]);
    expect(checkMerge(list, records).filter((i) => i.code === "record_fields_per_contact")).toEqual(
      [],
    );
  });

  it("reads in Danish and English by its code", () => {
    const [issue] = checkMerge(list, records, { documentPerRecord: true })
      .filter((i) => i.code === "record_fields_per_contact")
      .map(fromEngine);
    if (!issue) throw new Error("no issue");
    const danish = issueText(translator(daDK), issue);
    expect(danish).toMatch(/^Brevet har NEXT, .*Flet til ét dokument/);
    expect(danish).not.toContain(issue.message);
    expect(issueText(translator(enUS), issue)).toMatch(/^The letter has NEXT, .*one document/);
  });
});
