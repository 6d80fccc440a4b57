/**
 * The merge engine: a two-page letter with 12 fields merged into one document for 1,000 and
 * 10,000 contacts, against docxtemplater (the same letter with its {tags}, one {#records} loop
 * with a page break: its equivalent of one merged document) and against the floor, zipping
 * the very bytes our merge produced at the same deflate level. Peak memory at 10,000 is
 * measured in a fresh child process (its maxRSS), so nothing else of the run counts.
 */
import { spawnSync } from "child_process";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { mergeDocument, mergeMixedDocument, readTemplate, type MergeRecord } from "@shared/merge";
import type { BenchRow } from "./bench-row";

const LEVEL = 6;
/** The 12 fields of the letter. */
type Field =
  | "Title"
  | "FirstName"
  | "LastName"
  | "Company"
  | "Address"
  | "PostCode"
  | "City"
  | "Country"
  | "LetterDate"
  | "Salesperson"
  | "Amount"
  | "Note";

const NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14"';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const SENTENCE =
  "We are writing to follow up on our recent conversation about how our services can support your organisation over the coming year, and we would welcome the chance to continue it. ";

let paraId = 0x10000000;
const paragraph = (runs: string): string =>
  `<w:p w14:paraId="${(paraId++).toString(16).toUpperCase()}" w14:textId="77777777" w:rsidR="00A61C3B" w:rsidRDefault="00A61C3B" w:rsidP="00B12F4E"><w:pPr><w:spacing w:after="120"/></w:pPr>${runs}</w:p>`;
const run = (text: string): string =>
  `<w:r w:rsidRPr="00C3D1A2"><w:rPr><w:lang w:val="en-GB"/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;

/** The letter's body with each field written by `slot` (a MERGEFIELD for us, a {tag} for docxtemplater). */
const letterBody = (slot: (field: Field) => string): string => {
  const f = (field: Field) => slot(field);
  const lines = [
    paragraph(f("Title") + run(" ") + f("FirstName") + run(" ") + f("LastName")),
    paragraph(f("Company")),
    paragraph(f("Address")),
    paragraph(f("PostCode") + run(" ") + f("City")),
    paragraph(f("Country")),
    paragraph(run("Copenhagen, ") + f("LetterDate")),
    paragraph(run("Dear ") + f("FirstName") + run(",")),
  ];
  // About two pages of prose, with a few fields along the way.
  for (let i = 0; i < 22; i++) {
    const extra =
      i === 4
        ? run(" The offer amounts to ") + f("Amount") + run(".")
        : i === 9
          ? run(" ") + f("Note")
          : "";
    lines.push(paragraph(run(SENTENCE.repeat(2)) + extra));
  }
  lines.push(
    paragraph(run("Kind regards,")),
    paragraph(f("Salesperson")),
    paragraph(run("Mergeline A/S")),
  );
  return lines.join("");
};

const SECTION =
  '<w:sectPr w:rsidR="00A61C3B"><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1134" w:bottom="1701" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>';

const docx = (body: string): Uint8Array =>
  zipSync({
    "[Content_Types].xml": strToU8(
      `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/document.xml": strToU8(
      `${DECLARATION}<w:document ${NS}><w:body>${body}${SECTION}</w:body></w:document>`,
    ),
  });

const mergeFieldSlot = (field: Field): string =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD ${field}${field === "LetterDate" ? ' \\@ "d MMMM yyyy"' : field === "Amount" ? ' \\# "#,##0.00"' : ""} \\* MERGEFORMAT </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:noProof/></w:rPr><w:t>«${field}»</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;

const OURS = docx(letterBody(mergeFieldSlot));
/** A second letter for the mixed document: the same fields, its own text. */
const OURS_DANISH = docx(
  letterBody(mergeFieldSlot)
    .replace(/We are writing/g, "Vi skriver")
    .replace(/Dear /g, "Kære "),
);
const PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
const THEIRS = docx(
  paragraph(run("{#records}")) +
    letterBody((field) => run(`{${field}}`)) +
    PAGE_BREAK +
    paragraph(run("{/records}")),
);

/** Our records; docxtemplater gets the same values already formatted as our switches write them. */
const records = (count: number): MergeRecord[] =>
  Array.from({ length: count }, (_, i) => ({
    language: "en-GB",
    values: {
      Title: i % 2 ? "Ms" : "Mr",
      FirstName: `First${i}`,
      LastName: `Last${i}`,
      Company: `Company ${i} & Co`,
      Address: `${i} High Street`,
      PostCode: String(1000 + (i % 9000)),
      City: "Copenhagen",
      Country: "Denmark",
      LetterDate: "2026-11-22",
      Salesperson: "Anne Berg",
      Amount: 1234.5 + i,
      Note: i % 3 ? "Thank you for your order." : "",
    },
  }));

const theirRecords = (count: number) =>
  records(count).map((r) => ({
    ...r.values,
    LetterDate: "22 November 2026",
    Amount: (r.values.Amount as number).toLocaleString("en-GB", { minimumFractionDigits: 2 }),
  }));

const ours = (count: number, list = records(count)): Uint8Array =>
  mergeDocument(readTemplate(OURS), list, { compressionLevel: LEVEL });

const docxtemplater = (count: number, data = theirRecords(count)): Uint8Array => {
  const doc = new Docxtemplater(new PizZip(THEIRS), { paragraphLoop: true, linebreaks: true });
  doc.render({ records: data });
  return doc
    .getZip()
    .generate({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: LEVEL } });
};

const time = (work: () => unknown): number => {
  const started = process.hrtime.bigint();
  work();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/**
 * Ours, the peer and the floor in turn, the median of each (records built outside the timing).
 * The floor zips the parts of the document ours just wrote (unzipped outside the timing).
 */
const sideBySide = (
  runs: number,
  count: number,
): { ours: number; peer: number; floor: number; xmlMb: number } => {
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  const mine = records(count);
  const theirs = theirRecords(count);
  let xmlMb = 0;
  for (let i = 0; i < runs; i++) {
    let output: Uint8Array = new Uint8Array();
    const runOurs = () => a.push(time(() => (output = ours(count, mine))));
    const runPeer = () => b.push(time(() => docxtemplater(count, theirs)));
    if (i % 2) {
      runPeer();
      runOurs();
    } else {
      runOurs();
      runPeer();
    }
    const parts = unzipSync(output);
    xmlMb = (parts["word/document.xml"]?.length ?? 0) / 2 ** 20;
    c.push(time(() => zipSync(parts, { level: LEVEL })));
  }
  return { ours: median(a), peer: median(b), floor: median(c), xmlMb };
};

interface ChildResult {
  readonly ms: number;
  readonly peakMb: number;
  readonly baselineMb: number;
}

/** One 10,000-letter merge in a fresh process: its peak RSS and the RSS it started from. */
const inChild = (engine: "ours" | "docxtemplater", count: number): ChildResult => {
  const result = spawnSync(process.execPath, ["--import", "tsx", __filename], {
    env: { ...process.env, MERGE_BENCH_CHILD: engine, MERGE_BENCH_COUNT: String(count) },
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const line = result.stdout.trim().split("\n").pop() ?? "";
  if (result.status !== 0 || !line.startsWith("{"))
    throw new Error(`child ${engine} failed: ${result.stderr.slice(0, 2000)}`);
  return JSON.parse(line) as ChildResult;
};

const runChild = (): void => {
  const engine = process.env.MERGE_BENCH_CHILD;
  const count = Number(process.env.MERGE_BENCH_COUNT ?? "10000");
  const list = engine === "ours" ? records(count) : undefined;
  const data = engine === "docxtemplater" ? theirRecords(count) : undefined;
  // Warm up (JIT, Intl caches) on a small merge, so the timing is of the steady state.
  if (list) ours(200);
  else docxtemplater(200);
  const baselineMb = process.memoryUsage().rss / 2 ** 20;
  const ms = time(() => (list ? ours(count, list) : docxtemplater(count, data)));
  const peakMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`${JSON.stringify({ ms, peakMb, baselineMb })}\n`);
};

export const benchMerge = async (): Promise<BenchRow[]> => {
  const rows: BenchRow[] = [];
  // Warm both up (JIT, Intl caches) before anything is timed, and check they write the same letters.
  const text = (docx: Uint8Array): string =>
    strFromU8(unzipSync(docx)["word/document.xml"] as Uint8Array).replace(/<[^>]+>/g, "");
  const [a, b] = [text(ours(200)), text(docxtemplater(200))];
  for (const probe of ["Dear First199,", "22 November 2026", "1,433.50", "Company 7 &amp; Co"]) {
    if (!a.includes(probe) || !b.includes(probe))
      throw new Error(`the two merges disagree on ${probe}`);
  }
  if (a.split("Dear ").length !== 201 || b.split("Dear ").length !== 201)
    throw new Error("letter counts differ");

  const small = sideBySide(7, 1_000);
  const large = sideBySide(3, 10_000);
  const floorSmall = small.floor;
  const floorLarge = large.floor;
  const xmlMb = large.xmlMb;

  rows.push(
    {
      name: "merge 1,000 two-page letters (12 fields) into one .docx",
      ours: small.ours,
      peer: small.peer,
      peerName: "docxtemplater {#records} loop",
      unit: "ms",
      ratio: small.ours / small.peer,
    },
    {
      name: "merge 10,000 two-page letters into one .docx",
      ours: large.ours,
      peer: large.peer,
      peerName: "docxtemplater {#records} loop",
      unit: "ms",
      ratio: large.ours / large.peer,
      target: "<= 0.5x (2x faster)",
    },
    {
      name: "merge 1,000 letters against zipping its output",
      ours: small.ours,
      peer: floorSmall,
      peerName: `fflate zipSync of the same parts, level ${LEVEL}`,
      unit: "ms",
      ratio: small.ours / floorSmall,
      target: "<= 2x",
    },
    {
      name: "merge 10,000 letters against zipping its output",
      ours: large.ours,
      peer: floorLarge,
      peerName: `fflate zipSync of the same parts, level ${LEVEL}`,
      unit: "ms",
      ratio: large.ours / floorLarge,
      target: "<= 2x",
      note: `document.xml ${xmlMb.toFixed(0)} MB`,
    },
  );

  // One document of two templates, every other letter from each, against one template.
  const single = readTemplate(OURS);
  const danish = readTemplate(OURS_DANISH);
  const mixedRecords = records(10_000);
  const mixedLetters = mixedRecords.map((record, i) => ({
    template: i % 2 ? danish : single,
    record,
  }));
  const one: number[] = [];
  const two: number[] = [];
  for (let i = 0; i < 3; i++) {
    one.push(time(() => mergeDocument(single, mixedRecords, { compressionLevel: LEVEL })));
    two.push(time(() => mergeMixedDocument(mixedLetters, { compressionLevel: LEVEL })));
  }
  rows.push({
    name: "mixed letters: 10,000 letters of two templates in one .docx",
    ours: median(two),
    peer: median(one),
    peerName: "the same 10,000 letters of one template",
    unit: "ms",
    ratio: median(two) / median(one),
    target: "<= 1.2x",
  });

  // Linearity from fresh processes, each warmed up: no other merge's garbage in the timing.
  const mine = inChild("ours", 10_000);
  const oursSmall = median([
    inChild("ours", 1_000).ms,
    inChild("ours", 1_000).ms,
    inChild("ours", 1_000).ms,
  ]);
  rows.push({
    name: "linearity: time(10,000) / time(1,000), fresh processes",
    ours: mine.ms / oursSmall,
    peer: large.peer / small.peer,
    peerName: "docxtemplater's own ratio (in the run above)",
    unit: "x",
    ratio: mine.ms / oursSmall / 10,
    target: "ours <= 11 (ratio <= 1.1)",
    note: `ratio = ours / 10; ${oursSmall.toFixed(0)} ms and ${mine.ms.toFixed(0)} ms`,
  });
  let theirs: ChildResult | undefined;
  try {
    theirs = inChild("docxtemplater", 10_000);
  } catch {
    theirs = undefined;
  }
  rows.push({
    name: "peak memory, 10,000 letters, fresh process",
    ours: mine.peakMb,
    peer: theirs?.peakMb ?? NaN,
    peerName: "docxtemplater",
    unit: "MB RSS",
    ratio: theirs ? mine.peakMb / theirs.peakMb : NaN,
    target: "ours < 1024 MB",
    note: `process baseline ${mine.baselineMb.toFixed(0)} MB; merge alone +${(mine.peakMb - mine.baselineMb).toFixed(0)} MB`,
  });
  return rows;
};

if (process.env.MERGE_BENCH_CHILD) runChild();
