import { TemplateError } from "../template-error";
import { unescapeXml } from "../xml/xml-escape";
import { attributeOf, type XmlToken } from "../xml/xml-tokenizer";
import type { ContentLimits } from "./content-limits";

/**
 * One walk over a part's tokens that records every structure the merge rewrites: runs and their
 * children, complex and simple fields (with their code text and nesting), content controls,
 * table rows, paragraphs, section properties and every id that must stay unique per letter.
 * Token indices, not offsets, so the compile step can ask "is this inside that field?".
 *
 * Element names are matched with Word's conventional prefixes (w:, wp:, r:), which every
 * producer of .docx files writes.
 */

export interface RunScan {
  readonly open: number;
  close: number;
  rPr?: readonly [number, number];
  /** Content children (everything but w:rPr): [first token, last token]. */
  readonly children: [number, number][];
}

export interface FieldScan {
  readonly begin: number;
  separate: number;
  end: number;
  /** Code text and nested fields, in order. */
  readonly pieces: (string | FieldScan)[];
  /** Fields nested in the result. */
  readonly inResult: FieldScan[];
  readonly parent: FieldScan | undefined;
  readonly inParentCode: boolean;
  readonly paragraphAtBegin: number;
  paragraphAtEnd: number;
  /** Run (open token) of the first code text and of the first result text; -1 when none. */
  firstCodeRun: number;
  firstResultRun: number;
  resultText: string;
  readonly row: number;
}

export interface SimpleFieldScan {
  readonly open: number;
  close: number;
  readonly code: string;
  firstRun: number;
  resultText: string;
  readonly row: number;
  /** Inside a complex field: then it is part of that field's result or code. */
  readonly nested: boolean;
}

export interface SdtScan {
  readonly open: number;
  close: number;
  propertiesOpen: number;
  propertiesClose: number;
  contentOpen: number;
  contentClose: number;
  tag: string | undefined;
  /** The w:id element inside w:sdtPr. */
  idToken: number;
  placeholder: readonly [number, number] | undefined;
  propertiesRPr: readonly [number, number] | undefined;
  /** Picture, checkbox, building block, repeating section... or complex content. */
  disqualified: boolean;
  contentKind: "empty" | "inline" | "block" | "other";
  firstParagraph: number;
  firstRun: number;
  readonly row: number;
}

export interface ParagraphScan {
  readonly open: number;
  close: number;
  readonly bodyLevel: boolean;
  pPr: readonly [number, number] | undefined;
  style: string | undefined;
  hasNumbering: boolean;
  hasSectPr: boolean;
  /** Text offset where a w:numPr may be inserted into pPr, in schema order. */
  numPrAt: number;
}

export interface SectPrScan {
  readonly open: number;
  close: number;
  readonly bodyLevel: boolean;
}

export interface PartScan {
  readonly runs: RunScan[];
  /** Outermost complex fields, in order. */
  readonly fields: FieldScan[];
  readonly unterminatedFields: number;
  readonly simpleFields: SimpleFieldScan[];
  readonly sdts: SdtScan[];
  readonly rows: { readonly open: number; close: number }[];
  readonly paragraphs: ParagraphScan[];
  /** Fields (complex and simple) and content controls. */
  fieldCount: number;
  readonly sectPrs: SectPrScan[];
  readonly docPrs: number[];
  readonly bookmarkStarts: number[];
  readonly bookmarkEnds: number[];
  readonly numIds: number[];
  readonly noteReferences: number[];
  readonly partReferences: number[];
  readonly anchors: number[];
  readonly comments: number[];
  /** Root children of footnotes.xml / endnotes.xml. */
  readonly notes: { readonly open: number; close: number }[];
  body: { open: number; close: number } | undefined;
  /** For each open token, its close token; for every other token, itself. */
  readonly closeOf: Int32Array;
}

const LEADING_PPR = new Set([
  "w:pStyle",
  "w:keepNext",
  "w:keepLines",
  "w:pageBreakBefore",
  "w:framePr",
  "w:widowControl",
]);
const DISQUALIFYING_SDT = new Set([
  "w:picture",
  "w14:checkbox",
  "w:docPartObj",
  "w:docPartList",
  "w:group",
  "w:citation",
  "w:bibliography",
  "w:equation",
  "w15:repeatingSection",
  "w15:repeatingSectionItem",
]);
const NOT_SIMPLE_CONTENT = new Set([
  "w:drawing",
  "w:pict",
  "w:object",
  "w:tbl",
  "w:sdt",
  "w:fldChar",
  "w:fldSimple",
]);

const refuse = (
  code: "text_too_long" | "fields_too_deep",
  message: string,
  part: string,
  limit: number,
  actual: number,
): TemplateError => new TemplateError(code, message, part, { limit, actual });

export const scanPart = (
  xml: string,
  tokens: readonly XmlToken[],
  part: string,
  limits: Pick<ContentLimits, "maxTextChars" | "maxFieldDepth">,
): PartScan => {
  const closeOf = new Int32Array(tokens.length);
  const scan: PartScan = {
    runs: [],
    fields: [],
    unterminatedFields: 0,
    simpleFields: [],
    sdts: [],
    rows: [],
    paragraphs: [],
    fieldCount: 0,
    sectPrs: [],
    docPrs: [],
    bookmarkStarts: [],
    bookmarkEnds: [],
    numIds: [],
    noteReferences: [],
    partReferences: [],
    anchors: [],
    comments: [],
    notes: [],
    body: undefined,
    closeOf,
  };
  const stack: number[] = [];
  const runStack: RunScan[] = [];
  const fieldStack: FieldScan[] = [];
  const simpleStack: SimpleFieldScan[] = [];
  const sdtStack: SdtScan[] = [];
  const rowStack: number[] = [];
  const paragraphStack: ParagraphScan[] = [];
  const sectPrStack: SectPrScan[] = [];
  const noteStack: { open: number; close: number }[] = [];
  let capture: "code" | "text" | undefined;
  let unterminated = 0;
  // Fields within fields: each text is added to every enclosing field's result, so the depth
  // is bounded, and past the limit nothing more is added (the part is refused at the end).
  let deepestField = 0;
  const nestField = (): void => {
    scan.fieldCount++;
    deepestField = Math.max(deepestField, fieldStack.length + simpleStack.length);
  };

  const nameAt = (depthFromTop: number): string => {
    const index = stack[stack.length - 1 - depthFromTop];
    return index === undefined ? "" : (tokens[index] as XmlToken).name;
  };
  const value = (token: XmlToken, name: string): string | undefined => {
    const attribute = attributeOf(xml, token, name);
    return attribute ? unescapeXml(attribute.raw) : undefined;
  };
  const currentRow = (): number => rowStack[rowStack.length - 1] ?? -1;
  const currentParagraph = (): number => paragraphStack[paragraphStack.length - 1]?.open ?? -1;

  const onElement = (i: number, token: XmlToken): void => {
    const name = token.name;
    const parent = nameAt(0);
    const run = runStack[runStack.length - 1];
    if (run && parent === "w:r" && stack[stack.length - 1] === run.open) {
      if (name === "w:rPr") run.rPr = [i, i];
      else run.children.push([i, i]);
    }
    const sdt = sdtStack[sdtStack.length - 1];
    if (sdt) {
      if (sdt.contentOpen < 0 && sdt.propertiesOpen >= 0 && sdt.propertiesClose < 0) {
        // Inside w:sdtPr.
        if (parent === "w:sdtPr") {
          if (name === "w:tag") sdt.tag = value(token, "w:val");
          else if (name === "w:id") sdt.idToken = i;
          else if (name === "w:showingPlcHdr") sdt.placeholder = [i, i];
          else if (name === "w:rPr") sdt.propertiesRPr = [i, i];
          else if (DISQUALIFYING_SDT.has(name)) sdt.disqualified = true;
        }
      } else if (sdt.contentOpen >= 0 && sdt.contentClose < 0) {
        if (NOT_SIMPLE_CONTENT.has(name)) sdt.disqualified = true;
        if (
          parent === "w:sdtContent" &&
          stack[stack.length - 1] === sdt.contentOpen &&
          sdt.contentKind === "empty"
        ) {
          sdt.contentKind =
            name === "w:r" ||
            name === "w:hyperlink" ||
            name === "w:smartTag" ||
            name === "w:proofErr" ||
            name === "w:bookmarkStart" ||
            name === "w:bookmarkEnd"
              ? "inline"
              : name === "w:p"
                ? "block"
                : "other";
        }
        if (name === "w:r" && sdt.firstRun < 0) sdt.firstRun = i;
        if (name === "w:p" && sdt.firstParagraph < 0) sdt.firstParagraph = i;
      }
    }
    const paragraph = paragraphStack[paragraphStack.length - 1];
    if (paragraph && paragraph.pPr && paragraph.pPr[1] < 0 && parent === "w:pPr") {
      if (name === "w:pStyle") paragraph.style = value(token, "w:val");
      if (name === "w:numPr") paragraph.hasNumbering = true;
      if (name === "w:sectPr") paragraph.hasSectPr = true;
    }
    switch (name) {
      case "w:body":
        scan.body = { open: i, close: -1 };
        break;
      case "w:p": {
        const p: ParagraphScan = {
          open: i,
          close: token.kind === "empty" ? i : -1,
          bodyLevel: parent === "w:body",
          pPr: undefined,
          style: undefined,
          hasNumbering: false,
          hasSectPr: false,
          numPrAt: -1,
        };
        scan.paragraphs.push(p);
        if (token.kind === "open") paragraphStack.push(p);
        break;
      }
      case "w:pPr":
        if (paragraph && parent === "w:p") {
          paragraph.pPr = token.kind === "open" ? [i, -1] : [i, i];
          paragraph.numPrAt = token.kind === "open" ? token.end : -1;
        }
        break;
      case "w:r":
        if (token.kind === "open") {
          const r: RunScan = { open: i, close: -1, children: [] };
          scan.runs.push(r);
          runStack.push(r);
        }
        break;
      case "w:fldChar": {
        const type = value(token, "w:fldCharType");
        if (type === "begin") {
          const parentField = fieldStack[fieldStack.length - 1];
          const field: FieldScan = {
            begin: i,
            separate: -1,
            end: -1,
            pieces: [],
            inResult: [],
            parent: parentField,
            inParentCode: parentField !== undefined && parentField.separate < 0,
            paragraphAtBegin: currentParagraph(),
            paragraphAtEnd: -1,
            firstCodeRun: -1,
            firstResultRun: -1,
            resultText: "",
            row: currentRow(),
          };
          if (parentField) {
            if (field.inParentCode) parentField.pieces.push(field);
            else parentField.inResult.push(field);
          }
          fieldStack.push(field);
          nestField();
        } else if (type === "separate") {
          const field = fieldStack[fieldStack.length - 1];
          if (field && field.separate < 0) field.separate = i;
        } else if (type === "end") {
          const field = fieldStack.pop();
          if (field) {
            field.end = i;
            field.paragraphAtEnd = currentParagraph();
            if (!field.parent) scan.fields.push(field);
          } else unterminated++;
        }
        break;
      }
      case "w:instrText":
        if (token.kind === "open") capture = "code";
        break;
      case "w:t":
        if (token.kind === "open") capture = "text";
        break;
      case "w:fldSimple": {
        const simple: SimpleFieldScan = {
          open: i,
          close: token.kind === "empty" ? i : -1,
          code: value(token, "w:instr") ?? "",
          firstRun: -1,
          resultText: "",
          row: currentRow(),
          nested: fieldStack.length > 0 || simpleStack.length > 0,
        };
        scan.simpleFields.push(simple);
        if (token.kind === "open") simpleStack.push(simple);
        nestField();
        break;
      }
      case "w:sdt":
        if (token.kind === "open") {
          const s: SdtScan = {
            open: i,
            close: -1,
            propertiesOpen: -1,
            propertiesClose: -1,
            contentOpen: -1,
            contentClose: -1,
            tag: undefined,
            idToken: -1,
            placeholder: undefined,
            propertiesRPr: undefined,
            disqualified: false,
            contentKind: "empty",
            firstParagraph: -1,
            firstRun: -1,
            row: currentRow(),
          };
          if (sdt) sdt.disqualified = true;
          scan.fieldCount++;
          scan.sdts.push(s);
          sdtStack.push(s);
        }
        break;
      case "w:sdtPr":
        if (sdt && parent === "w:sdt") {
          sdt.propertiesOpen = i;
          if (token.kind === "empty") sdt.propertiesClose = i;
        }
        break;
      case "w:sdtContent":
        if (sdt && parent === "w:sdt") {
          sdt.contentOpen = i;
          if (token.kind === "empty") sdt.contentClose = i;
        }
        break;
      case "w:tr":
        if (token.kind === "open") {
          scan.rows.push({ open: i, close: -1 });
          rowStack.push(scan.rows.length - 1);
        }
        break;
      case "wp:docPr":
        scan.docPrs.push(i);
        break;
      case "w:bookmarkStart":
        scan.bookmarkStarts.push(i);
        break;
      case "w:bookmarkEnd":
        scan.bookmarkEnds.push(i);
        break;
      case "w:numId":
        if (parent === "w:numPr") scan.numIds.push(i);
        break;
      case "w:footnoteReference":
      case "w:endnoteReference":
        scan.noteReferences.push(i);
        break;
      case "w:headerReference":
      case "w:footerReference":
        scan.partReferences.push(i);
        break;
      case "w:hyperlink":
        if (attributeOf(xml, token, "w:anchor")) scan.anchors.push(i);
        break;
      case "w:commentRangeStart":
      case "w:commentRangeEnd":
      case "w:commentReference":
        scan.comments.push(i);
        break;
      case "w:sectPr":
        if (parent !== "w:sectPrChange") {
          const s: SectPrScan = {
            open: i,
            close: token.kind === "empty" ? i : -1,
            bodyLevel: parent === "w:body",
          };
          scan.sectPrs.push(s);
          if (token.kind === "open") sectPrStack.push(s);
        }
        break;
      case "w:footnote":
      case "w:endnote":
        if (stack.length === 1) {
          const note = { open: i, close: token.kind === "empty" ? i : -1 };
          scan.notes.push(note);
          if (token.kind === "open") noteStack.push(note);
        }
        break;
    }
  };

  const onClose = (i: number, token: XmlToken, openIndex: number): void => {
    closeOf[openIndex] = i;
    const run = runStack[runStack.length - 1];
    if (run) {
      const last = run.children[run.children.length - 1];
      if (last && last[0] === openIndex) last[1] = i;
      if (run.rPr && run.rPr[0] === openIndex) run.rPr = [openIndex, i];
    }
    const sdt = sdtStack[sdtStack.length - 1];
    const paragraph = paragraphStack[paragraphStack.length - 1];
    switch (token.name) {
      case "w:body":
        if (scan.body) scan.body.close = i;
        break;
      case "w:p":
        if (paragraph) {
          paragraph.close = i;
          paragraphStack.pop();
        }
        break;
      case "w:pPr":
        if (paragraph && paragraph.pPr && paragraph.pPr[0] === openIndex)
          paragraph.pPr = [openIndex, i];
        break;
      case "w:r":
        if (run && run.open === openIndex) {
          run.close = i;
          runStack.pop();
        }
        break;
      case "w:instrText":
      case "w:t":
        capture = undefined;
        break;
      case "w:fldSimple": {
        const simple = simpleStack.pop();
        if (simple) simple.close = i;
        break;
      }
      case "w:sdt":
        if (sdt) {
          sdt.close = i;
          sdtStack.pop();
        }
        break;
      case "w:sdtPr":
        if (sdt && sdt.propertiesOpen === openIndex) sdt.propertiesClose = i;
        break;
      case "w:sdtContent":
        if (sdt && sdt.contentOpen === openIndex) sdt.contentClose = i;
        break;
      case "w:tr": {
        const row = rowStack.pop();
        if (row !== undefined) (scan.rows[row] as { close: number }).close = i;
        break;
      }
      case "w:sectPr": {
        const s = sectPrStack[sectPrStack.length - 1];
        if (s && s.open === openIndex) {
          s.close = i;
          sectPrStack.pop();
        }
        break;
      }
      case "w:footnote":
      case "w:endnote": {
        const note = noteStack[noteStack.length - 1];
        if (note && note.open === openIndex) {
          note.close = i;
          noteStack.pop();
        }
        break;
      }
    }
    if (
      paragraph &&
      paragraph.pPr &&
      paragraph.pPr[1] < 0 &&
      LEADING_PPR.has(token.name) &&
      nameAt(0) === "w:pPr"
    ) {
      paragraph.numPrAt = token.end;
    }
    if (sdt && sdt.propertiesRPr && sdt.propertiesRPr[0] === openIndex)
      sdt.propertiesRPr = [openIndex, i];
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as XmlToken;
    closeOf[i] = i;
    if (token.kind === "open" || token.kind === "empty") {
      onElement(i, token);
      if (token.kind === "open") stack.push(i);
      else {
        const paragraph = paragraphStack[paragraphStack.length - 1];
        if (
          paragraph &&
          paragraph.pPr &&
          paragraph.pPr[1] < 0 &&
          LEADING_PPR.has(token.name) &&
          nameAt(0) === "w:pPr"
        ) {
          paragraph.numPrAt = token.end;
        }
      }
    } else if (token.kind === "close") {
      const openIndex = stack.pop() as number;
      onClose(i, token, openIndex);
    } else if (token.kind === "text" || token.kind === "cdata") {
      if (token.end - token.start > limits.maxTextChars) {
        throw refuse(
          "text_too_long",
          `${part} holds a text of ${token.end - token.start} characters in one run; at most ${limits.maxTextChars} are accepted`,
          part,
          limits.maxTextChars,
          token.end - token.start,
        );
      }
      if (!capture || deepestField > limits.maxFieldDepth) continue;
      const text =
        token.kind === "cdata"
          ? xml.slice(token.start + 9, token.end - 3)
          : unescapeXml(xml.slice(token.start, token.end));
      const runOpen = runStack[runStack.length - 1]?.open ?? -1;
      if (capture === "code") {
        const field = fieldStack[fieldStack.length - 1];
        if (field && field.separate < 0) {
          field.pieces.push(text);
          if (field.firstCodeRun < 0 && text.trim()) field.firstCodeRun = runOpen;
        }
      } else {
        for (const field of fieldStack) {
          if (field.separate < 0) continue;
          field.resultText += text;
          if (field.firstResultRun < 0) field.firstResultRun = runOpen;
        }
        for (const simple of simpleStack) {
          simple.resultText += text;
          if (simple.firstRun < 0) simple.firstRun = runOpen;
        }
      }
    }
  }
  (scan as { unterminatedFields: number }).unterminatedFields = unterminated + fieldStack.length;
  if (deepestField > limits.maxFieldDepth) {
    throw refuse(
      "fields_too_deep",
      `${part} nests fields ${deepestField} deep; at most ${limits.maxFieldDepth} are accepted`,
      part,
      limits.maxFieldDepth,
      deepestField,
    );
  }
  return scan;
};
