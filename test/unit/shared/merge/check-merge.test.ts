import { checkMerge, readTemplate, type MergeRecord } from "@shared/merge";
import { buildDocx, control, field, mergeField, p, t } from "./docx-builder";

const template = () =>
  readTemplate(
    buildDocx({
      body:
        p(control("First Name"), t(" "), mergeField("LastName")) +
        p(mergeField("Department", '\\b "Att.: "')) +
        p(field([" IF ", "x"].join(""), "")) +
        p(mergeField("Salesperson")),
      stories: [{ kind: "header", content: p(mergeField("Company")) }],
    }),
  );

const records: MergeRecord[] = [
  {
    values: {
      "First Name": "Jens",
      LastName: "Hansen",
      Company: "A/S",
      Email: "jens@example.dk",
      Channel: "email",
    },
    fileName: "Jens Hansen",
  },
  {
    values: { "First Name": "", LastName: "Berg", Company: "B ApS", Email: "", Channel: "email" },
    fileName: "Anne Berg",
  },
  { values: { "First Name": "Ole", LastName: null, Company: "C", Channel: "letter" } },
];

describe("check for errors", () => {
  it("lists fields without data, empty values per record and e-mail lines without an address", () => {
    const issues = checkMerge(template(), records, {
      isEmail: (record) => record.values.Channel === "email",
    });
    expect(issues.map((i) => [i.code, i.severity, i.record, i.params])).toEqual([
      [
        "field_without_data",
        "error",
        undefined,
        { field: "Department", parts: ["word/document.xml"] },
      ],
      [
        "field_without_data",
        "error",
        undefined,
        { field: "Salesperson", parts: ["word/document.xml"] },
      ],
      ["empty_values", "warning", 1, { record: "Anne Berg", fields: ["First Name"] }],
      ["greeting_without_name", "warning", 1, { record: "Anne Berg", fields: ["First Name"] }],
      ["email_without_address", "error", 1, { record: "Anne Berg" }],
      ["empty_values", "warning", 2, { record: "record 3", fields: ["LastName"] }],
      ["greeting_without_name", "warning", 2, { record: "record 3", fields: ["LastName"] }],
      [
        "template_warning",
        "warning",
        undefined,
        { warning: "invalid_field_code", part: "word/document.xml", field: "IF x" },
      ],
    ]);
    expect(issues[0]?.message).toBe(
      'The merge field "Department" is not in the data source; it will be left empty.',
    );
    expect(issues[2]?.message).toBe("Anne Berg: First Name is empty.");
    expect(issues[3]?.message).toBe(
      'Anne Berg: First Name is empty, so a greeting with it reads "Dear ,".',
    );
    expect(issues[4]?.message).toBe("Anne Berg is to be sent by e-mail but has no e-mail address.");
  });

  it("takes the data source's field list when given; fields with \\b/\\f or inside IF may be empty", () => {
    const issues = checkMerge(template(), records.slice(0, 1), {
      availableFields: ["First Name", "LastName", "Company", "Department", "Salesperson"],
      describe: (_record, index) => `line ${(index + 1) * 10000}`,
    });
    expect(issues.map((i) => [i.code, i.params])).toEqual([
      ["empty_values", { record: "line 10000", fields: ["Salesperson"] }],
      [
        "template_warning",
        { warning: "invalid_field_code", part: "word/document.xml", field: "IF x" },
      ],
    ]);
  });

  it("matches names loosely and finds e-mail under its usual spellings", () => {
    const issues = checkMerge(
      readTemplate(buildDocx({ body: p(mergeField("first_name")) })),
      [
        { values: { "First Name": "Jens", "E-mail": "jens@example.dk" } },
        { values: { "First Name": "Ole", "E-mail": "not an address" } },
      ],
      { isEmail: () => true },
    );
    expect(issues.map((i) => [i.code, i.record])).toEqual([["email_without_address", 1]]);
  });

  it("reports no records", () => {
    expect(checkMerge(template(), []).map((i) => i.code)).toContain("no_records");
  });

  it("looks at row items for fields of repeated table rows", () => {
    const table = `<w:tbl><w:tr><w:tc>${p(mergeField("Opportunity"))}</w:tc></w:tr></w:tbl>${p()}`;
    const issues = checkMerge(readTemplate(buildDocx({ body: table })), [
      { values: {}, rows: { opportunities: [{ Opportunity: "CRM" }] } },
    ]);
    expect(issues).toEqual([]);
  });
});
