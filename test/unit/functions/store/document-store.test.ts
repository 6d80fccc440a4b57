import { itemIdOf } from "../../../../functions/store/document-store";

describe("Cosmos item ids of keys", () => {
  it("hold none of the characters Cosmos refuses in an id", () => {
    for (const key of ["X/../T", "A\\B", "A?B", "A#B", "A~2FB"])
      expect(itemIdOf(key)).not.toMatch(/[/\\?#]/);
  });

  it("differ for different keys, and leave plain keys as they were", () => {
    const keys = ["A/B", "A~2FB", "A~B", "A~7EB", "AB"];
    expect(new Set(keys.map(itemIdOf)).size).toBe(keys.length);
    for (const key of ["KT00001", "ÆBLE & CO.", "S-1 2", "a1b2c3d4-0000-4000-8000-000000000000"])
      expect(itemIdOf(key)).toBe(key);
  });
});
