import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import { evaluate, type ContactDocLike, type ResolvedSets } from "@shared/criteria/evaluate";
import { explainAsTyped } from "@shared/criteria/explain-as-typed";
import { normalizeCriteria } from "@shared/criteria/normalize";

const TODAY = "2026-03-15";

const full: ContactDocLike = {
  no: "K1",
  type: "person",
  companyNo: "F1",
  city: "Aarhus C",
  postCode: "8000",
  createdAt: "2026-02-10T09:30:00.000Z",
  mailingGroups: ["NYHEDSBREV", "VIP"],
  profileAnswers: [{ questionnaire: "KUNDE", question: "Size", answer: "Big" }],
  customFields: { n: 5 },
};
const bare: ContactDocLike = { no: "K2" };

const sets: ResolvedSets = {
  contactsFor: (node) => new Set(node.kind === "segment" ? ["K1"] : ["K2"]),
  companiesFor: () => new Set(["F1"]),
};

const f = (field: string, rest: object): CriteriaNode =>
  ({ kind: "field", field, ...rest }) as CriteriaNode;
const met = (condition: CriteriaNode) => ({ kind: "condition", matched: true, condition });
const failed = (condition: CriteriaNode) => ({ kind: "condition", matched: false, condition });

const city = f("city", { op: "eq", value: "Aarhus C" });
const postCode = f("postCode", { filter: "8000..8999" });
const mailing: CriteriaNode = {
  kind: "list",
  list: "mailingGroups",
  match: "any",
  codes: ["NYHEDSBREV"],
};
const score = f("custom.n", { op: "gt", value: 10 });
const onSegment: CriteriaNode = { kind: "segment", in: true, segmentNo: "S1" };
const thisMonth = f("createdAt", { op: "eq", value: "this month" });
const size: CriteriaNode = {
  kind: "profile",
  questionnaire: "KUNDE",
  question: "Size",
  op: "in",
  values: ["big", "huge"],
};
const tree: CriteriaNode = {
  kind: "and",
  items: [
    city,
    postCode,
    mailing,
    { kind: "or", items: [score, onSegment] },
    { kind: "not", item: thisMonth },
    size,
  ],
};

const explained = (node: CriteriaNode, contact: ContactDocLike) =>
  explainAsTyped(node, TODAY).explain(contact, sets);

describe("explainAsTyped", () => {
  it("keeps every condition as typed, with the groups, and only the met items of an or", () => {
    expect(explained(tree, full)).toEqual({
      kind: "and",
      matched: true,
      items: [
        // "Aarhus C" as typed, not the lower-cased value it is compared as; the filter string
        // as written, not the between it expands into; the relative date "this month" unresolved.
        met(city),
        met(postCode),
        met(mailing),
        { kind: "or", matched: true, items: [met(onSegment)] },
        { kind: "not", matched: true, item: failed(thisMonth) },
        met(size),
      ],
    });
  });

  it("names what failed: the failed items of an and, every item of a failed or", () => {
    expect(explained(tree, bare)).toEqual({
      kind: "and",
      matched: false,
      items: [
        failed(city),
        failed(postCode),
        failed(mailing),
        { kind: "or", matched: false, items: [failed(score), failed(onSegment)] },
        failed(size),
      ],
    });
  });

  it("reads the other kinds: company lists, interactions with relative dates, logged segments", () => {
    const industry: CriteriaNode = {
      kind: "list",
      list: "industryGroups",
      match: "none",
      codes: ["BYG"],
    };
    expect(explained(industry, full)).toEqual(failed(industry));
    const recent: CriteriaNode = { kind: "interactions", has: true, from: "last 30 days" };
    expect(explained(recent, bare)).toEqual(met(recent));
    const logged: CriteriaNode = { kind: "segment", in: false, loggedSegmentEntryNo: 4 };
    expect(explained(logged, bare)).toEqual(met(logged));
  });

  it("reaches the same verdict as the whole tree, and lists every condition for the caller's sets", () => {
    for (const contact of [full, bare]) {
      expect(explained(tree, contact).matched).toBe(
        evaluate(normalizeCriteria(tree, TODAY), contact, sets),
      );
    }
    const { normalized } = explainAsTyped(tree, TODAY);
    expect(normalized.kind === "and" && normalized.items.length).toBe(7);
  });
});
