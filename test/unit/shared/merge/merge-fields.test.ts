import { mergeDocument, mergeOne, readTemplate, type MergeRecord } from "@shared/merge";
import { buildDocx, control, field, mergeField, p, simpleField, t } from "./docx-builder";
import { compact, letters, part, text } from "./docx-text";
import { inspectDocx } from "./ooxml-assertions";

const mergedText = (body: string, record: MergeRecord, keepContentControls = false): string => {
  const docx = mergeOne(readTemplate(buildDocx({ body })), record, { keepContentControls });
  expect(inspectDocx(docx).problems).toEqual([]);
  return text(part(docx, "word/document.xml"));
};

const merged = (body: string, record: MergeRecord, keepContentControls = false): string =>
  part(
    mergeOne(readTemplate(buildDocx({ body })), record, { keepContentControls }),
    "word/document.xml",
  );

describe("MERGEFIELD results", () => {
  it("replaces the field by plain runs: no field characters, codes or placeholders remain", () => {
    const xml = merged(p(t("Dear "), mergeField("First"), t(",")), { values: { First: "Jens" } });
    expect(text(xml)).toBe("Dear Jens,");
    expect(xml).not.toMatch(/fldChar|instrText|MERGEFIELD|«/);
  });

  it("applies every switch in the document", () => {
    const record: MergeRecord = {
      values: { Name: "jens hansen", Amount: 1234.5, Date: "2026-11-22", Dept: "Sales", Empty: "" },
      language: "da-DK",
    };
    const body = [
      p(mergeField("Name", "\\* Upper")),
      p(mergeField("Name", "\\* Caps \\* MERGEFORMAT")),
      p(mergeField("Name", "\\* FirstCap")),
      p(mergeField("Name", "\\* Lower")),
      p(mergeField("Amount", '\\# "#,##0.00"')),
      p(mergeField("Amount", '\\# "# ##0,00 kr."')),
      p(mergeField("Date", '\\@ "dddd d. MMMM yyyy"')),
      p(mergeField("Dept", '\\b "Att.: " \\f " dept."')),
      p(t("["), mergeField("Empty", '\\b "Att.: " \\f " dept."'), t("]")),
    ].join("");
    expect(mergedText(body, record).split("\n")).toEqual([
      "JENS HANSEN",
      "Jens Hansen",
      "Jens hansen",
      "jens hansen",
      "1.234,50",
      "1.234,50 kr.",
      "søndag 22. november 2026",
      "Att.: Sales dept.",
      "[]",
    ]);
  });

  it("matches names ignoring case, spaces, underscores, dots and hyphens", () => {
    const body = p(
      mergeField('"first name"'),
      t("|"),
      mergeField("E_MAIL"),
      t("|"),
      mergeField("Post.Code"),
    );
    expect(
      mergedText(body, { values: { FirstName: "Jens", "E-mail": "j@x.dk", postcode: 2100 } }),
    ).toBe("Jens|j@x.dk|2100");
  });

  it("escapes XML and writes line breaks and tabs as w:br and w:tab", () => {
    const xml = merged(p(mergeField("Address")), {
      values: { Address: "A & B <Ltd>\nNørregade 1\r\n1165 København K\tDK\u0001" },
    });
    expect(text(xml)).toBe("A & B <Ltd>\nNørregade 1\n1165 København K\tDK");
    expect(xml).toContain("A &amp; B &lt;Ltd&gt;</w:t><w:br/>");
  });

  it("leaves missing values empty", () => {
    expect(mergedText(p(t("["), mergeField("Missing"), t("]")), { values: {} })).toBe("[]");
  });

  it("keeps the field's formatting: the result's with MERGEFORMAT, the code's otherwise", () => {
    const bold = "<w:rPr><w:b/></w:rPr>";
    const code = `<w:r>${bold}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${bold}<w:instrText xml:space="preserve"> MERGEFIELD X \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>«X»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    expect(merged(p(code), { values: { X: "v" } })).toContain(
      '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">v</w:t></w:r>',
    );
    const plain = code.replace(" \\* MERGEFORMAT", "");
    expect(merged(p(plain), { values: { X: "v" } })).toContain(
      `<w:r>${bold}<w:t xml:space="preserve">v</w:t></w:r>`,
    );
  });

  it("merges a field whose runs sit in a hyperlink and a run that also holds text", () => {
    const body =
      '<w:p><w:hyperlink r:id="rIdX" w:history="1"><w:r><w:t xml:space="preserve">Mail </w:t><w:fldChar w:fldCharType="begin"/></w:r>' +
      '<w:r><w:instrText xml:space="preserve"> MERGEFIELD Email </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      '<w:r><w:t>«Email»</w:t></w:r></w:hyperlink><w:r><w:fldChar w:fldCharType="end"/><w:t xml:space="preserve"> now</w:t></w:r></w:p>';
    const xml = merged(body.replace(' r:id="rIdX"', ""), { values: { Email: "j@x.dk" } });
    expect(text(xml)).toBe("Mail j@x.dk now");
  });

  it("fills merge fields nested in another field's code, and keeps that field live", () => {
    const hyperlink =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:</w:instrText></w:r>' +
      mergeField("Email") +
      '<w:r><w:instrText xml:space="preserve">" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>write to us</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const xml = merged(p(hyperlink), { values: { Email: "j@x.dk" } });
    expect(xml).toContain('<w:instrText xml:space="preserve">j@x.dk</w:instrText>');
    expect(xml).toContain("HYPERLINK");
    expect(text(xml)).toBe("write to us");
  });

  it("numbers records with MERGEREC", () => {
    const docx = mergeDocument(
      readTemplate(buildDocx({ body: p(t("No. "), field(" MERGEREC ")) })),
      [{ values: {} }, { values: {} }, { values: {} }],
    );
    expect(letters(part(docx, "word/document.xml"))).toEqual(["No. 1", "No. 2", "No. 3"]);
  });

  it("leaves non-merge fields (PAGE, DATE) as live fields", () => {
    const xml = merged(p(field(" PAGE ", "1"), mergeField("X")), { values: { X: "x" } });
    expect(xml).toContain("PAGE");
    expect(xml).toContain('w:fldCharType="begin"');
  });
});

describe("IF fields", () => {
  const ifField = (condition: string, whenTrue: string, whenFalse: string, switches = ""): string =>
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>' +
    mergeField("X") +
    `<w:r><w:instrText xml:space="preserve"> ${condition.replace(/</g, "&lt;").replace(/>/g, "&gt;")} </w:instrText></w:r>` +
    `<w:r><w:instrText xml:space="preserve">${whenTrue} </w:instrText></w:r>` +
    `<w:r><w:instrText xml:space="preserve">${whenFalse} ${switches}</w:instrText></w:r>` +
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>old</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';

  it.each([
    ['= "F"', "F", "yes"],
    ['= "F"', "M", "no"],
    ['= "F"', "f", "no"],
    ['<> "F"', "M", "yes"],
    ['= "J*"', "Jens", "yes"],
    ['= "J?ns"', "Jens", "yes"],
    ['= ""', "", "yes"],
    ["> 100", "250", "yes"],
    ["> 100", "99", "no"],
    ["< 100", "99.5", "yes"],
    [">= 100", "100", "yes"],
    ["<= 100", "1000", "no"],
    ['> "B"', "C", "yes"],
    ["= 5", "5,0", "yes"],
  ])("IF {X} %s with X = %p gives %s", (condition, value, expected) => {
    expect(mergedText(p(ifField(condition, '"yes"', '"no"')), { values: { X: value } })).toBe(
      expected,
    );
  });

  it("compares numbers as numbers, also number values", () => {
    expect(
      mergedText(p(ifField("> 9", '"big"', '"small"')), { values: { X: 10 }, language: "da-DK" }),
    ).toBe("big");
  });

  it("writes true and false texts holding nested MERGEFIELDs, and applies the IF's switches", () => {
    const nested =
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>' +
      mergeField("Gender") +
      '<w:r><w:instrText xml:space="preserve"> = "F" "Dear Ms </w:instrText></w:r>' +
      mergeField("Last") +
      '<w:r><w:instrText xml:space="preserve">" "Dear Mr </w:instrText></w:r>' +
      mergeField("Last") +
      '<w:r><w:instrText xml:space="preserve">" \\* Upper </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Dear Mr «Last»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>';
    expect(mergedText(p(nested), { values: { Gender: "F", Last: "Hansen" } })).toBe(
      "DEAR MS HANSEN",
    );
    expect(mergedText(p(nested), { values: { Gender: "M", Last: "Berg" } })).toBe("DEAR MR BERG");
  });

  it("works as w:fldSimple too, and with an omitted false text", () => {
    expect(mergedText(p(simpleField(' IF 1 = 1 "one" "two" ')), { values: {} })).toBe("one");
    expect(mergedText(p(ifField('= "A"', '"only if A"', "")), { values: { X: "B" } })).toBe("");
  });
});

describe("content controls", () => {
  it("unwraps inline and block controls into plain runs and a paragraph, keeping their formatting", () => {
    const bold = "<w:rPr><w:b/></w:rPr>";
    const body =
      p(t("Dear "), control("First Name", "inline", 1, bold), t(",")) +
      control("Address", "block", 2);
    const xml = merged(body, {
      values: { "First Name": "Jens", Address: "Nørregade 1\n1165 København K" },
    });
    expect(text(xml)).toBe("Dear Jens,\nNørregade 1\n1165 København K");
    expect(xml).not.toContain("w:sdt");
    expect(xml).toContain(`<w:r>${bold}<w:t xml:space="preserve">Jens</w:t></w:r>`);
    expect(xml).toContain('<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r>');
  });

  it("keeps the controls (tag, id) for the preview, without the placeholder state", () => {
    const placeholder =
      '<w:sdt><w:sdtPr><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:tag w:val="City"/><w:id w:val="7"/><w:showingPlcHdr/></w:sdtPr>' +
      '<w:sdtContent><w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr><w:t>«City»</w:t></w:r></w:sdtContent></w:sdt>';
    const xml = merged(
      p(control("First Name"), t(" in "), placeholder),
      { values: { "first name": "Jens", City: "Aarhus" } },
      true,
    );
    expect(text(xml)).toBe("Jens in Aarhus");
    expect(xml.match(/<w:sdt>/g)).toHaveLength(2);
    expect(xml).toContain('<w:tag w:val="First Name"/>');
    expect(xml).not.toContain("showingPlcHdr");
    expect(xml).not.toContain("PlaceholderText");
  });

  it("applies switches written after the tag", () => {
    expect(
      mergedText(p(control('Date \\@ "d. MMMM yyyy"')), {
        values: { date: "2026-11-22" },
        language: "da-DK",
      }),
    ).toBe("22. november 2026");
  });

  it("gives each letter's kept controls unique ids", () => {
    const docx = mergeDocument(
      readTemplate(buildDocx({ body: p(control("A", "inline", 5), control("B", "inline", 6)) })),
      [{ values: { A: "1", B: "2" } }, { values: { A: "3", B: "4" } }],
      {
        keepContentControls: true,
      },
    );
    expect(inspectDocx(docx).problems).toEqual([]);
    expect(letters(part(docx, "word/document.xml")).map(compact)).toEqual(["12", "34"]);
  });
});
