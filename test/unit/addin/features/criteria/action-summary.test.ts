import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import type { CriteriaFieldInfo } from "@shared/model/criteria-fields";
import {
  catalogLabel,
  isGeneratedDescription,
  summarizeAction,
} from "../../../../../addin/features/criteria/action-summary";
import { daDK } from "../../../../../addin/i18n/da-DK";
import { enUS } from "../../../../../addin/i18n/en-US";
import { translator } from "../../../../../addin/i18n/translate";

const fields: CriteriaFieldInfo[] = [
  {
    name: "city",
    type: "text",
    operators: ["eq"],
    label: { "en-US": "City", "da-DK": "By" },
  },
  {
    name: "postCode",
    type: "code",
    operators: ["between"],
    label: { "en-US": "Post Code", "da-DK": "Postnr." },
  },
];

describe("a criteria action in words", () => {
  const en = (filter: Parameters<typeof summarizeAction>[2]["filter"]) =>
    summarizeAction(translator(enUS), catalogLabel(fields, false), { kind: "addContacts", filter });

  it("names fields by label and shows values as typed", () => {
    expect(en({ kind: "field", field: "city", op: "eq", value: "Aarhus C" })).toBe(
      'City is "Aarhus C"',
    );
    expect(
      summarizeAction(translator(daDK), catalogLabel(fields, true), {
        kind: "addContacts",
        filter: {
          kind: "and",
          items: [
            { kind: "field", field: "city", op: "eq", value: "Aarhus C" },
            { kind: "list", list: "mailingGroups", match: "any", codes: ["NYHEDSBREV"] },
          ],
        },
      }),
    ).toBe('By er "Aarhus C" og Mailgrupper: en af NYHEDSBREV');
  });

  it("reads a Profile row's ticked answers joined by 'or', in both languages", () => {
    const several: CriteriaNode = {
      kind: "profile",
      questionnaire: "CUSTOMER",
      question: "Customer type",
      op: "in",
      values: ["Retail", "Wholesale"],
    };
    expect(en(several)).toBe("Profile: Customer type is Retail or Wholesale");
    expect(
      summarizeAction(translator(daDK), catalogLabel(fields, true), {
        kind: "addContacts",
        filter: several,
      }),
    ).toBe("Profil: Customer type er Retail eller Wholesale");
    // A row stored before several could be ticked (one answer, `eq`) reads the same way.
    expect(
      en({
        kind: "profile",
        questionnaire: "CUSTOMER",
        question: "Customer type",
        op: "eq",
        value: "Retail",
      }),
    ).toBe("Profile: Customer type is Retail");
    // Other operators still say what they compare.
    expect(
      en({ kind: "profile", questionnaire: "CUSTOMER", question: "Customer type", op: "empty" }),
    ).toBe("Profile: Customer type is empty");
  });

  it("says 'All contacts' for Add Contacts without conditions, not 'no is not empty'", () => {
    expect(en({ kind: "field", field: "no", op: "notEmpty" })).toBe("All contacts");
  });

  it("reads ranges, filters, groups and negation", () => {
    expect(
      en({
        kind: "or",
        items: [
          { kind: "field", field: "postCode", op: "between", values: ["8000", "8999"] },
          { kind: "not", item: { kind: "field", field: "city", filter: "Odense*" } },
        ],
      }),
    ).toBe("Post Code between 8000 and 8999 or not (City matches filter Odense*)");
  });

  it("tells the server's own line from a description the marketer wrote", () => {
    expect(
      isGeneratedDescription({
        kind: "addContacts",
        description: 'Add Contacts: city = "aarhus c"',
      }),
    ).toBe(true);
    expect(isGeneratedDescription({ kind: "addContacts", description: "Spring fair guests" })).toBe(
      false,
    );
  });
});
