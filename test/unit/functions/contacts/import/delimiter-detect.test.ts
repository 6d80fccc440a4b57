import { detectDelimiter } from "../../../../../functions/contacts/import/delimiter-detect";

describe("detectDelimiter", () => {
  it.each([
    ["Nr.;Navn;By\r\n1;A, B;C", ";"],
    ["No.,Name,City\n1;2;3;4;5,x,y", ","],
    ["No.\tName\tCity\n", "\t"],
    ['"Name, full";City\n', ";"],
    ['"a;b;c",d\n', ","],
    ["\r\n\r\nName;City\n", ";"],
    ["Name\nA,B,C\n", ","],
    ["a;b,c\n", ";"],
  ])("%j -> %j", (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});
