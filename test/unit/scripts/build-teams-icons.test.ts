import fs from "node:fs";
import path from "node:path";
import { BRAND_BLUE, colorIcon, outlineIcon } from "../../../scripts/build-teams-icons";
import { readPng, teamsPackageProblems } from "../../../scripts/validate-manifest";

const teamsDir = path.resolve(__dirname, "../../../teams");
const committed = (name: string) => fs.readFileSync(path.join(teamsDir, name));

describe("Teams icons", () => {
  it("the committed icons are what the generator draws (pixel for pixel)", () => {
    expect(
      readPng(committed("color.png"))?.rgba?.equals(readPng(colorIcon())?.rgba ?? Buffer.alloc(0)),
    ).toBe(true);
    expect(
      readPng(committed("outline.png"))?.rgba?.equals(
        readPng(outlineIcon())?.rgba ?? Buffer.alloc(0),
      ),
    ).toBe(true);
  });

  it("colour: 192x192, brand blue to the edges with a white glyph", () => {
    const png = readPng(colorIcon());
    expect(png).toMatchObject({ width: 192, height: 192 });
    const pixel = (x: number, y: number) => [
      ...(png?.rgba?.subarray((y * 192 + x) * 4, (y * 192 + x) * 4 + 4) ?? []),
    ];
    expect(pixel(0, 0)).toEqual([BRAND_BLUE.r, BRAND_BLUE.g, BRAND_BLUE.b, 255]);
    expect(pixel(96, 50)).toEqual([BRAND_BLUE.r, BRAND_BLUE.g, BRAND_BLUE.b, 255]);
    expect(pixel(60, 120)).toEqual([255, 255, 255, 255]); // the left stem of the M
  });

  it("outline: 32x32, white on transparent, and the package rules agree", () => {
    const png = readPng(outlineIcon());
    expect(png).toMatchObject({ width: 32, height: 32 });
    const alphas = [...(png?.rgba ?? [])].filter((_, i) => i % 4 === 3);
    expect(alphas.some((a) => a === 0)).toBe(true);
    expect(alphas.some((a) => a === 255)).toBe(true);

    const files: Record<string, Buffer> = {
      "color.png": colorIcon(),
      "outline.png": outlineIcon(),
    };
    const icons = { color: "color.png", outline: "outline.png" };
    expect(teamsPackageProblems({ icons }, (name) => files[name])).toEqual([]);
    // A colour icon where the outline belongs fails on size and colour alike.
    expect(
      teamsPackageProblems(
        { icons: { color: "color.png", outline: "color.png" } },
        (name) => files[name],
      ),
    ).toEqual([
      { message: "/icons/outline: color.png is 192x192, Teams requires 32x32" },
      { message: "/icons/outline: color.png must be white on transparent" },
    ]);
  });
});
