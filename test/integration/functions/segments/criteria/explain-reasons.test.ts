/**
 * GET /segments/{no}/lines/{lineNo}/explain answers with the action's conditions as the marketer
 * typed them (field, operator, value, filter strings, relative dates), grouped as they were, each
 * marked met or not: data the pane words in its own language, never the server's English.
 */
import type { ExplainedCriteria } from "@shared/model/explained-criteria";
import { asTenantId } from "../../../../../functions/store/tenant";
import type { ApiHarness } from "../../../harness/api-harness";
import { field, startCriteriaApi } from "./criteria-fixture";

let api: ApiHarness;
beforeAll(async () => {
  api = await startCriteriaApi();
  // Anna answered a profile question; she and Carl have interactions (one today, one long ago).
  const questionnaire = await api.call("POST", "/api/profile-questionnaires", {
    body: {
      code: "KUNDE",
      questions: [
        { description: "Size", descriptionDa: "Størrelse", answers: [{ description: "Big" }] },
      ],
    },
  });
  if (questionnaire.status !== 201) throw new Error(questionnaire.text);
  const anna = await api.call("GET", "/api/contacts/KT11");
  const patched = await api.call("PATCH", "/api/contacts/KT11", {
    body: { profileAnswers: [{ questionnaire: "KUNDE", question: "Size", answer: "Big" }] },
    ifMatch: anna.headers.get("etag") ?? "",
  });
  if (patched.status !== 200) throw new Error(patched.text);
  const today = api.deps.now().toISOString().slice(0, 10);
  const tenant = asTenantId("tenant-a");
  for (const [entryNo, contactNo, date] of [
    [1, "KT11", today],
    [2, "KT21", "2020-01-15"],
  ] as const) {
    await api.deps.store.interactions.entries.create(
      tenant,
      api.deps.store.interactions.entryKey(contactNo, entryNo),
      {
        entryNo,
        contactNo,
        contactName: contactNo,
        date,
        timeOfInteraction: `${date}T10:00:00Z`,
        loggedSegmentEntryNo: 5,
        interactionTemplateCode: "LETTER",
        description: "Brev",
        cost: 0,
        duration: 0,
        campaignTarget: false,
        campaignResponse: false,
        userId: "test",
        deliveryStatus: "none",
        canceled: false,
      },
    );
  }
});
afterAll(() => api.close());

let segments = 0;
/** A new segment with one Add Contacts action; the explanation of the given contact's line. */
const explainAfterAdd = async (filter: object, contactNo: string, options: object = {}) => {
  const no = `WHY${++segments}`;
  expect((await api.call("POST", "/api/segments", { body: { no } })).status).toBe(201);
  const added = await api.call("POST", `/api/segments/${no}/add-contacts`, {
    body: { filter, options },
  });
  if (added.status !== 200) throw new Error(added.text);
  return explainLine(no, contactNo);
};
const explainLine = async (segmentNo: string, contactNo: string) => {
  const lines = await api.call("GET", `/api/segments/${segmentNo}/lines?contactNo=${contactNo}`);
  const line = (lines.json.items as { lineNo: number }[])[0];
  if (!line) throw new Error(`${contactNo} is not on ${segmentNo}: ${lines.text}`);
  const why = await api.call("GET", `/api/segments/${segmentNo}/lines/${line.lineNo}/explain`);
  expect(why.status).toBe(200);
  return why.json as { reasons?: ExplainedCriteria; stillMatches?: boolean; via: string };
};
const met = (condition: object) => ({ kind: "condition", matched: true, condition });

describe("Explain: the reasons as structured data, as typed", () => {
  it("a field condition keeps its field, operator and value as typed (not lower-cased)", async () => {
    const why = await explainAfterAdd(field("city", "eq", "Aarhus C"), "KT11");
    expect(why.reasons).toEqual(met({ kind: "field", field: "city", op: "eq", value: "Aarhus C" }));
    // No sentence of the server's: the old English `because` lines are gone.
    expect(why).not.toHaveProperty("because");
  });

  it("a filter string stays the string typed, not what it expands into", async () => {
    const why = await explainAfterAdd(
      { kind: "field", field: "postCode", filter: "5000..5999" },
      "KT21",
    );
    expect(why.reasons).toEqual(met({ kind: "field", field: "postCode", filter: "5000..5999" }));
  });

  it("a relative date stays as typed: createdAt in the last 30 days", async () => {
    const why = await explainAfterAdd(field("createdAt", "ge", "-30D"), "KT12");
    expect(why.reasons).toEqual(
      met({ kind: "field", field: "createdAt", op: "ge", value: "-30D" }),
    );
  });

  it("nested AND/OR/NOT keep their groups; an OR lists only what the contact met", async () => {
    const city = field("city", "eq", "Odense C");
    const company = field("type", "eq", "company");
    const job = { kind: "list", list: "jobResponsibilities", match: "any", codes: ["IT"] };
    const skagen = field("city", "eq", "Skagen");
    const why = await explainAfterAdd(
      {
        kind: "and",
        items: [city, { kind: "or", items: [company, job] }, { kind: "not", item: skagen }],
      },
      "KT21",
    );
    expect(why.reasons).toEqual({
      kind: "and",
      matched: true,
      items: [
        met(city),
        { kind: "or", matched: true, items: [met(job)] },
        {
          kind: "not",
          matched: true,
          item: { kind: "condition", matched: false, condition: skagen },
        },
      ],
    });
    expect(why.stillMatches).toBe(true);
  });

  it("a profile answer, a company's list, a mailing group", async () => {
    const size = {
      kind: "profile",
      questionnaire: "KUNDE",
      question: "Size",
      op: "eq",
      value: "Big",
    };
    expect((await explainAfterAdd(size, "KT11")).reasons).toEqual(met(size));
    const industry = { kind: "list", list: "industryGroups", match: "any", codes: ["BYG"] };
    expect((await explainAfterAdd(industry, "KT12")).reasons).toEqual(met(industry));
    const mailing = { kind: "list", list: "mailingGroups", match: "all", codes: ["NYHEDSBREV"] };
    expect((await explainAfterAdd(mailing, "KT11")).reasons).toEqual(met(mailing));
  });

  it("interactions with a relative period as typed, and none of a template", async () => {
    const recent = { kind: "interactions", has: true, from: "last 30 days" };
    expect((await explainAfterAdd(recent, "KT11")).reasons).toEqual(met(recent));
    const none = { kind: "interactions", has: false, interactionTemplateCode: "LETTER" };
    expect((await explainAfterAdd(none, "KT98")).reasons).toEqual(met(none));
  });

  it("segment membership, and a logged segment's contacts (Reuse Segment)", async () => {
    const member = { kind: "segment", in: true, segmentNo: "WHY1" };
    expect((await explainAfterAdd(member, "KT11")).reasons).toEqual(met(member));
    expect((await api.call("POST", "/api/segments", { body: { no: "WHYLOG" } })).status).toBe(201);
    const reused = await api.call("POST", "/api/segments/WHYLOG/reuse-segment", {
      body: { loggedSegmentEntryNo: 5 },
    });
    expect(reused.status).toBe(200);
    expect((await explainLine("WHYLOG", "KT21")).reasons).toEqual(
      met({ kind: "segment", in: true, loggedSegmentEntryNo: 5 }),
    );
  });

  it("a companion is explained by the contact that matched; a contact who changed, by what fails now", async () => {
    const why = await explainAfterAdd(field("no", "eq", "KT1"), "KT12", { expandCompanies: true });
    expect(why).toMatchObject({ via: "expandedCompany", reasons: met(field("no", "eq", "KT1")) });
    const moved = await explainAfterAdd(field("city", "eq", "Vejle"), "KT98");
    expect(moved.reasons?.matched).toBe(true);
    const finn = await api.call("GET", "/api/contacts/KT98");
    await api.call("PATCH", "/api/contacts/KT98", {
      body: { city: "Kolding" },
      ifMatch: finn.headers.get("etag") ?? "",
    });
    const now = await explainLine(`WHY${segments}`, "KT98");
    expect(now).toMatchObject({
      stillMatches: false,
      reasons: { kind: "condition", matched: false, condition: field("city", "eq", "Vejle") },
    });
  });

  it("has no reasons for a contact added by hand", async () => {
    expect((await api.call("POST", "/api/segments", { body: { no: "WHYHAND" } })).status).toBe(201);
    expect(
      (await api.call("POST", "/api/segments/WHYHAND/lines", { body: { contactNo: "KT98" } }))
        .status,
    ).toBe(201);
    const why = await explainLine("WHYHAND", "KT98");
    expect(why.via).toBe("manual");
    expect(why).not.toHaveProperty("reasons");
  });

  it("refuses bad line numbers naming the parameter, and a line of no segment with 404", async () => {
    for (const bad of ["abc", "0", "-1", "1.5"]) {
      const res = await api.call("GET", `/api/segments/WHY1/lines/${bad}/explain`);
      expect(res.status).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      expect(res.json.errors).toContainEqual(
        expect.objectContaining({ in: "path", field: "lineNo" }),
      );
    }
    expect((await api.call("GET", "/api/segments/NOSUCH/lines/1/explain")).status).toBe(404);
    expect((await api.call("GET", "/api/segments/WHY1/lines/999999/explain")).status).toBe(404);
  });
});
