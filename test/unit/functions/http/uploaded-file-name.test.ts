import { ValidationError } from "../../../../functions/errors/app-errors";
import { uploadedFileName } from "../../../../functions/http/uploaded-file-name";

const named = (value?: string) =>
  uploadedFileName(new Headers(value === undefined ? {} : { "x-file-name": value }), "S1-1.docx");

const refusal = (value: string) => {
  try {
    named(value);
  } catch (error) {
    if (error instanceof ValidationError) return error.errors;
    throw error;
  }
  throw new Error(`${value} was accepted`);
};

describe("the name of an uploaded letter (X-File-Name)", () => {
  it("decodes percent-encoded UTF-8 and falls back when absent", () => {
    expect(named(encodeURIComponent("Brev til Søren.docx"))).toBe("Brev til Søren.docx");
    expect(named()).toBe("S1-1.docx");
    expect(named("")).toBe("S1-1.docx");
  });

  it("keeps only the last segment of a path", () => {
    expect(named(encodeURIComponent("C:\\Breve\\Søren.docx"))).toBe("Søren.docx");
    expect(named(encodeURIComponent("../../etc/a.docx"))).toBe("a.docx");
  });

  it.each([
    ["a broken percent-encoding", "%E0%A4%A", "percent-encoded"],
    ["a lone percent sign", "100%.docx", "percent-encoded"],
    ["a line break (header injection)", encodeURIComponent("a\r\nSet-Cookie: x.docx"), "control"],
    ["a NUL", encodeURIComponent("a\u0000.docx"), "control"],
    ["only a folder", encodeURIComponent("Breve/"), "names no file"],
    ["..", encodeURIComponent("a/.."), "names no file"],
    ["201 characters", encodeURIComponent(`${"x".repeat(196)}.docx`), "200"],
  ])("refuses %s, naming the header and the rule", (_what, value, says) => {
    const errors = refusal(value);
    expect(errors).toEqual([
      expect.objectContaining({ in: "header", field: "X-File-Name", rule: "invalid_format" }),
    ]);
    expect(errors[0]?.message).toContain(says);
  });
});
