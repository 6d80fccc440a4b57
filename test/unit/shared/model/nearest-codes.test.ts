import { nearestCodes, nearestTexts } from "@shared/model/nearest-codes";

describe("nearestCodes", () => {
  it("offers codes a typo away, or sharing the start, nearest first", () => {
    expect(nearestCodes("NYHEDSBRV", ["NYHEDSBREV", "JULEKORT", "EVENT"])).toEqual(["NYHEDSBREV"]);
    expect(nearestCodes("CUST", ["CUSTOMER", "PROSPECT"])).toEqual(["CUSTOMER"]);
    expect(nearestCodes("ZZZZZZ", ["NYHEDSBREV", "JULEKORT"])).toEqual([]);
  });
});

describe("nearestTexts", () => {
  it("compares without case and answers in the spelling set up", () => {
    expect(nearestTexts("sise", ["Size", "Turnover"])).toEqual(["Size"]);
    expect(nearestTexts("1-10 EMPLOYES", ["1-10 employees", "250+ employees"])).toEqual([
      "1-10 employees",
    ]);
    expect(nearestTexts("Preferred channel", ["Size"])).toEqual([]);
  });
});
