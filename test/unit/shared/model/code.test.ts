import { ListCondition } from "@shared/criteria/criteria-tree";
import { Code } from "@shared/model/common";
import { ContactCreate } from "@shared/model/contact";

describe("codes are upper-cased on input, as Business Central does", () => {
  it("upper-cases a lower-case code instead of refusing it", () => {
    expect(Code.parse("news")).toBe("NEWS");
    expect(Code.parse("kø-2")).toBe("KØ-2");
  });

  it("still refuses what is not a code after upper-casing", () => {
    expect(Code.safeParse("a!b").success).toBe(false);
    expect(Code.safeParse("").success).toBe(false);
    expect(Code.safeParse("x".repeat(21)).success).toBe(false);
  });

  it("upper-cases a contact's codes and a criteria list's codes", () => {
    const contact = ContactCreate.parse({
      no: "kt1",
      type: "person",
      name: "Anna",
      mailingGroups: ["news"],
      jobResponsibilities: ["purchase"],
    });
    expect(contact).toMatchObject({
      no: "KT1",
      mailingGroups: ["NEWS"],
      jobResponsibilities: ["PURCHASE"],
    });
    expect(
      ListCondition.parse({ kind: "list", list: "mailingGroups", codes: ["news", "Events"] }).codes,
    ).toEqual(["NEWS", "EVENTS"]);
  });
});
