import {
  highestSeriesNumber,
  windowSize,
} from "../../../../../functions/contacts/import/series-numbers";

describe("series numbers", () => {
  it("finds the highest KT + 6 digit number and ignores other Nos.", () => {
    expect(highestSeriesNumber(["KT000010", "KT100003", "KT1000000", "K-100", "KT12"])).toBe(
      100003,
    );
    expect(highestSeriesNumber([])).toBe(0);
  });

  it("sizes a reservation to step over taken numbers after the position", () => {
    expect(windowSize(100, 2, [])).toBe(2);
    expect(windowSize(100, 2, [101, 103, 200])).toBe(4); // 101-104 holds 102 and 104
    expect(windowSize(100, 1, [101, 102, 103, 105])).toBe(4); // 104
    expect(windowSize(100, 1, [50, 100])).toBe(1);
  });
});
