import { encodeCell, encodeLine } from "../../../../../functions/contacts/export/csv-line";

describe("encodeCell", () => {
  it.each([
    ["plain", ";", "plain"],
    ["a;b", ";", '"a;b"'],
    ["a;b", ",", "a;b"],
    ["a,b", ",", '"a,b"'],
    ['say "hi"', ";", '"say ""hi"""'],
    ["two\r\nlines", ";", '"two\r\nlines"'],
    ["line\nfeed", ";", '"line\nfeed"'],
    [" padded ", ";", '" padded "'],
    ["=1;2", ";", `"'=1;2"`],
    ["", ";", ""],
  ] as const)("%j with %j -> %j", (value, delimiter, encoded) => {
    expect(encodeCell(value, delimiter)).toBe(encoded);
  });

  it("joins a line with the delimiter", () => {
    expect(encodeLine(["a", "b;c", "+1"], ";")).toBe(`a;"b;c";'+1`);
  });
});
