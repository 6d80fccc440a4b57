import type { Contact } from "@shared/model/contact";
import { contactsCsv } from "../../../../../functions/contacts/export/contacts-csv";
import { columnFields } from "../../../../../functions/contacts/import/contact-columns";

const contact = (no: string, extra: Partial<Contact> = {}): Contact => ({
  no,
  type: "person",
  name: `Name ${no}`,
  searchName: `NAME ${no}`,
  emailOptOut: false,
  excludeFromSegments: false,
  mailingGroups: [],
  industryGroups: [],
  businessRelations: [],
  jobResponsibilities: [],
  profileAnswers: [],
  customFields: {},
  etag: "e",
  createdAt: "2025-01-01T00:00:00.000Z",
  createdBy: "u",
  modifiedAt: "2025-01-01T00:00:00.000Z",
  modifiedBy: "u",
  ...extra,
});

async function* pages(...batches: Contact[][]): AsyncGenerator<Contact[]> {
  yield* batches;
}

describe("contactsCsv", () => {
  it("writes BOM, the captions, one CRLF line per contact and a final CRLF", async () => {
    const csv = await contactsCsv(pages([contact("KT1")], [contact("KT2")]), ";");
    const lines = csv.split("\r\n");
    expect(lines[0]?.startsWith("\uFEFFNo.;Type;Name;Search Name;Company No.;First Name")).toBe(
      true,
    );
    expect(lines[0]?.split(";")).toHaveLength(columnFields.length);
    // No., type, name, search name, 19 empty optional fields, emailOptOut, excludeFromSegments,
    // 4 empty lists.
    const line = (no: string) =>
      [
        no,
        "person",
        `Name ${no}`,
        `NAME ${no}`,
        ...Array<string>(19).fill(""),
        "false",
        "false",
        "",
        "",
        "",
        "",
      ].join(";");
    expect(lines.slice(1)).toEqual([line("KT1"), line("KT2"), ""]);
  });

  it("adds a column for every custom field seen on any page, sorted, empty where a contact lacks it", async () => {
    const csv = await contactsCsv(
      pages(
        [contact("KT1", { customFields: { tier: "Guld" } })],
        [contact("KT2", { customFields: { points: 3, active: true } })],
      ),
      ",",
    );
    const [header, first, second] = csv.split("\r\n");
    expect(header?.split(",").slice(-3)).toEqual(["custom.active", "custom.points", "custom.tier"]);
    expect(first?.split(",").slice(-3)).toEqual(["", "", "Guld"]);
    expect(second?.split(",").slice(-3)).toEqual(["true", "3", ""]);
  });

  it("joins lists with | and leaves absent fields empty", async () => {
    const csv = await contactsCsv(
      pages([contact("KT1", { mailingGroups: ["NEWS", "EVENTS"], city: undefined })]),
      ";",
    );
    const cells = csv.split("\r\n")[1]?.split(";") ?? [];
    expect(cells[columnFields.indexOf("mailingGroups")]).toBe("NEWS|EVENTS");
    expect(cells[columnFields.indexOf("city")]).toBe("");
  });

  it("writes just the header when nothing matched", async () => {
    const csv = await contactsCsv(pages([]), ";");
    expect(csv.split("\r\n")).toHaveLength(2);
  });
});
