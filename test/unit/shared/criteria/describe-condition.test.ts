import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import { describeCondition } from "@shared/criteria/describe-condition";
import { normalizeCriteria } from "@shared/criteria/normalize";
import type { NormalizedNode } from "@shared/criteria/normalized-tree";

/** The server's own English line for a condition (action descriptions, the API's records). */
const TODAY = "2026-03-15";
type Leaf = Exclude<NormalizedNode, { kind: "and" | "or" | "not" }>;
const leaf = (node: CriteriaNode): Leaf => normalizeCriteria(node, TODAY) as Leaf;
const f = (field: string, rest: object): CriteriaNode =>
  ({ kind: "field", field, ...rest }) as CriteriaNode;

describe("describeCondition", () => {
  it("reads each kind of condition, as compared", () => {
    expect(describeCondition(leaf(f("city", { op: "eq", value: "Aarhus C" })))).toBe(
      'city = "aarhus c"',
    );
    expect(
      describeCondition(
        leaf({ kind: "list", list: "mailingGroups", match: "any", codes: ["NYHEDSBREV"] }),
      ),
    ).toBe("mailing group any of NYHEDSBREV");
    expect(
      describeCondition(
        leaf({
          kind: "interactions",
          has: true,
          campaignNo: "K1",
          from: "2026-01-01",
          to: "2026-01-31",
        }),
        true,
      ),
    ).toBe("has no interactions (campaign K1, from 2026-01-01, to 2026-01-31)");
    expect(describeCondition(leaf({ kind: "segment", in: false, loggedSegmentEntryNo: 4 }))).toBe(
      "not among the contacts of logged segment entry 4",
    );
  });

  it("words the negation where it has a name of its own, else not (...)", () => {
    expect(describeCondition(leaf(f("custom.s", { op: "notIn", values: ["x", 1] })), true)).toBe(
      'custom.s in ("x", 1)',
    );
    expect(
      describeCondition(
        leaf({ kind: "list", list: "jobResponsibilities", match: "all", codes: ["IT"] }),
        true,
      ),
    ).toBe("job responsibility not all of IT");
    expect(describeCondition(leaf(f("custom.n", { op: "gt", value: 10 })), true)).toBe(
      "not (custom.n > 10)",
    );
    expect(
      describeCondition(
        leaf({
          kind: "profile",
          questionnaire: "KUNDE",
          question: "Size",
          op: "in",
          values: ["big", "huge"],
        }),
        true,
      ),
    ).toBe('not (profile KUNDE "Size" in ("big", "huge"))');
  });
});
