import { attachmentDisposition } from "../../../../functions/http/attachment-disposition";

/** The UTF-8 name a client reads from filename*, or the fallback when there is none. */
const nameOf = (header: string): string => {
  const extended = /filename\*=UTF-8''([^;]+)$/.exec(header);
  if (extended?.[1]) return decodeURIComponent(extended[1]);
  return /filename="([^"]*)"/.exec(header)?.[1] ?? "";
};

describe("Content-Disposition of a download", () => {
  it("keeps a Danish name whole in filename* and gives an ASCII fallback", () => {
    const header = attachmentDisposition("Brev til Søren.docx");
    expect(header).toBe(
      `attachment; filename="Brev til S_ren.docx"; filename*=UTF-8''Brev%20til%20S%C3%B8ren.docx`,
    );
    expect(nameOf(header)).toBe("Brev til Søren.docx");
  });

  it("cannot be broken out of by a quote or a line break in the name", () => {
    const header = attachmentDisposition('a"; filename="evil.exe\r\nX-Bad: 1.docx');
    expect(header).not.toMatch(/[\r\n]/);
    // One quoted fallback without a quote inside, then one token that has no ; or quote.
    expect(header).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[^;\s"]+$/);
    expect(nameOf(header)).toBe('a"; filename="evil.exe\r\nX-Bad: 1.docx');
  });

  it("sends a name that needs no encoding once, as the CSV export always has", () => {
    expect(attachmentDisposition("contacts-20250131.csv")).toBe(
      'attachment; filename="contacts-20250131.csv"',
    );
  });

  it("sends both forms for a name with spaces or brackets, as letters have had", () => {
    expect(attachmentDisposition("Letter (English).docx")).toBe(
      `attachment; filename="Letter (English).docx"; filename*=UTF-8''Letter%20(English).docx`,
    );
  });
});
