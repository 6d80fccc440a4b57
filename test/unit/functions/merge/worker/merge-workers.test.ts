import { readdirSync, readFileSync } from "node:fs";
import { getPriority } from "node:os";
import { strToU8, unzipSync } from "fflate";
import {
  checkMerge,
  mergeDocument,
  mergeEach,
  readTemplate,
  TemplateError,
  type MergeRecord,
} from "@shared/merge/index";
import {
  createMergeWorkers,
  type MergeWorkers,
} from "../../../../../functions/merge/worker/merge-workers";
import { buildDocx, control, mergeField, p, t } from "../../../shared/merge/docx-builder";
import { part, text } from "../../../shared/merge/docx-text";
import { wordTemplate } from "../../../shared/merge/fixture-files";

const letter = buildDocx({
  body:
    p(t("Kære "), control("Name"), t(",")) +
    p(mergeField("City", "\\* Upper")) +
    p(control("Shoe Size")),
});
const records: MergeRecord[] = [
  { values: { Name: "Anna Holm", City: "Aarhus C", "E-Mail": "" }, fileName: "Anna Holm" },
  { values: { Name: "Bo Berg", City: "", "E-Mail": "bo@berg.dk" }, fileName: "Bo Berg" },
];

/** Each thread's nice value on Linux (field 19 of /proc/<pid>/task/<tid>/stat). */
const threadNices = (): number[] =>
  readdirSync("/proc/self/task").map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  });

let workers: MergeWorkers;
beforeAll(() => {
  workers = createMergeWorkers({ size: 1, maxQueue: 8 });
});
afterAll(() => workers.close());

describe("merge threads", () => {
  it("merge one document to the very bytes the engine writes on the calling thread", async () => {
    const expected = mergeDocument(readTemplate(letter), records);
    expect(Buffer.from(await workers.mergeDocument(letter, records))).toEqual(
      Buffer.from(expected),
    );
    // The letter was copied to the thread, not handed over: the caller still has it.
    expect(letter.byteLength).toBeGreaterThan(0);
    expect(workers.stats()).toMatchObject({ started: 1, busy: 0 });
  });

  it("merge one document per record, named as the engine names them", async () => {
    const expected = mergeEach(readTemplate(letter), records);
    const files = await workers.mergeEach(letter, records);
    expect(files.map((f) => f.name)).toEqual(["Anna Holm.docx", "Bo Berg.docx"]);
    expect(files.map((f) => Buffer.from(f.bytes))).toEqual(
      expected.map((f) => Buffer.from(f.bytes)),
    );
  });

  it("check for errors as checkMerge does, with per-record e-mail and names as data", async () => {
    const expected = checkMerge(readTemplate(letter), records, {
      emailField: "E-Mail",
      isEmail: (_r, i) => i === 0,
      describe: (_r, i) => `line ${i}`,
    });
    const checked = await workers.check(letter, records, {
      emailField: "E-Mail",
      email: [true, false],
      names: ["line 0", "line 1"],
    });
    expect(checked.issues).toEqual(expected);
    expect(checked.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(["field_without_data", "email_without_address", "empty_values"]),
    );
    expect(checked.fieldNames).toEqual(["Name", "City", "Shoe Size"]);
  });

  it("read a letter and name its fields", async () => {
    expect(await workers.readLetter(wordTemplate("test_one_simple_field"))).toEqual({
      fieldNames: ["fieldname"],
    });
  });

  it("zip files stored as they are, copying their bytes or taking them over as told", async () => {
    const a = strToU8("first");
    const b = strToU8("second");
    const copied = await workers.zip([{ name: "a.docx", bytes: a }]);
    expect(Buffer.from(unzipSync(copied)["a.docx"] as Uint8Array).toString()).toBe("first");
    expect(a.byteLength).toBe(5);
    const zip = await workers.zip(
      [
        { name: "a.docx", bytes: a },
        { name: "b.docx", bytes: b },
      ],
      { handOver: true },
    );
    expect(
      Object.fromEntries(
        Object.entries(unzipSync(zip)).map(([name, bytes]) => [
          name,
          Buffer.from(bytes).toString(),
        ]),
      ),
    ).toEqual({ "a.docx": "first", "b.docx": "second" });
    expect(a.byteLength).toBe(0);
  });

  it("zip one .docx per contact under the names the engine gives them, as one per contact does", async () => {
    const people: MergeRecord[] = [
      { values: { Name: "Jens Hansen" }, fileName: "Jens Hansen" },
      { values: { Name: "Anne Berg" }, fileName: "Anne/Berg: A*S?" },
      { values: { Name: "J. Hansen" }, fileName: "jens hansen" },
      { values: { Name: "Nobody" } },
      { values: { Name: "Con" }, fileName: "CON" },
    ];
    const files = mergeEach(
      readTemplate(buildDocx({ body: p(t("Dear "), control("Name")) })),
      people,
    );
    const zip = unzipSync(await workers.zip(files));
    expect(Object.keys(zip)).toEqual(files.map((f) => f.name));
    expect(text(part(zip["Anne Berg A S.docx"] as Uint8Array, "word/document.xml"))).toBe(
      "Dear Anne Berg",
    );
  });

  it("zip a view into a larger buffer by copying it out, leaving the buffer alone", async () => {
    const shared = Buffer.from("xxfirstyy");
    const view = new Uint8Array(shared.buffer, shared.byteOffset + 2, 5);
    const zip = await workers.zip([{ name: "a.docx", bytes: view }], { handOver: true });
    expect(Buffer.from(unzipSync(zip)["a.docx"] as Uint8Array).toString()).toBe("first");
    expect(shared.toString()).toBe("xxfirstyy");
  });

  it("throw a letter's TemplateError on the caller's side as a TemplateError, code and part kept", async () => {
    const broken = buildDocx({ body: "<w:p><w:r>" });
    const failed = workers.readLetter(broken);
    await expect(failed).rejects.toBeInstanceOf(TemplateError);
    await expect(failed).rejects.toMatchObject({
      name: "TemplateError",
      code: "corrupt_xml",
      part: "word/document.xml",
    });
    await expect(workers.readLetter(strToU8("<html>not a letter</html>"))).rejects.toMatchObject({
      code: "not_a_zip",
    });
    // The thread survives a task's error.
    await expect(workers.readLetter(letter)).resolves.toBeDefined();
  });

  it("stop a merge when its signal aborts", async () => {
    const controller = new AbortController();
    const many = Array.from({ length: 2000 }, (_, i) => ({ values: { Name: `N${i}` } }));
    const merging = workers.mergeDocument(letter, many, controller.signal);
    const before = workers.stats();
    controller.abort();
    await expect(merging).rejects.toMatchObject({ name: "WorkerTaskCanceledError" });
    expect(workers.stats().canceled).toBe(before.canceled + 1);
    await expect(workers.mergeDocument(letter, records)).resolves.toBeInstanceOf(Uint8Array);
  });

  it("yield the CPU to the event loop: on Linux the merge thread alone runs at a lower priority", async () => {
    const priority = getPriority();
    const own = createMergeWorkers({ size: 1, maxQueue: 1 });
    try {
      if (process.platform === "linux") {
        const lowered = threadNices().filter((nice) => nice > priority).length;
        await own.readLetter(letter);
        expect(threadNices().filter((nice) => nice > priority).length).toBe(lowered + 1);
      } else {
        await own.readLetter(letter);
      }
      // The process, and its event loop, keep their priority.
      expect(getPriority()).toBe(priority);
    } finally {
      await own.close();
    }
  });
});
