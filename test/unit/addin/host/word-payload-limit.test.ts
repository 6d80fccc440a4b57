import { randomBytes } from "node:crypto";
import type { MergeRecord } from "@shared/merge";
import { unzipSync, strFromU8 } from "fflate";
import { createWordHost } from "../../../../addin/host/word";
import { WORD_WEB_PAYLOAD_LIMIT } from "../../../../addin/host/word/word-payload-limit";
import { contentControl, flatOpc, paragraph, text } from "./letter-ooxml";
import { installWord } from "./word-mock";

const letter = flatOpc(paragraph(text("Dear "), contentControl("First Name", 1), text(",")));

/** Letters that do not compress: each carries 4,000 random characters. */
const records = (n: number): MergeRecord[] =>
  Array.from({ length: n }, (_, i) => ({
    values: { "First Name": `Person ${i + 1} ${randomBytes(3000).toString("base64")}` },
    fileName: `Person ${i + 1}`,
  }));

const documentXml = (docx: Uint8Array): string =>
  strFromU8(unzipSync(docx)["word/document.xml"] as Uint8Array);

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Word;
  delete (globalThis as Record<string, unknown>).Office;
});

describe("Word host: a merge larger than Word takes from an add-in", () => {
  it("in Word on the web, does not send a new document over 4 MB: it hands back the file", async () => {
    const world = installWord({ ooxml: letter, controls: ["First Name"] });
    const outcome = await createWordHost().mergeIntoWord(records(1500));

    expect(outcome.destination).toBe("file");
    if (outcome.destination !== "file") return;
    expect(outcome.limit).toBe(WORD_WEB_PAYLOAD_LIMIT);
    expect(outcome.size).toBeGreaterThan(WORD_WEB_PAYLOAD_LIMIT);
    expect(outcome.letters).toBe(1500);
    expect(documentXml(outcome.file)).toContain("Person 1500 ");
    // Word was only read: nothing opened, nothing refused.
    expect(world.opened).toEqual([]);
    expect(world.refused).toBe(0);
    expect(world.syncs).toBe(1);
  });

  it("in Word for Mac with WordApi 1.1, does not append OOXML over the limit", async () => {
    const world = installWord({
      ooxml: letter,
      controls: ["First Name"],
      wordApi13: false,
      platform: "Mac",
    });
    const outcome = await createWordHost().mergeIntoWord(records(1200));

    expect(outcome.destination).toBe("file");
    expect(world.bodyOps).toEqual([]);
    expect(world.ooxml).toBe(letter);
  });

  it("hands back the file when Word refuses the size itself (RequestPayloadSizeLimitExceeded)", async () => {
    // Word on Windows has no known limit; this one refuses above 100,000 characters.
    const world = installWord({
      ooxml: letter,
      controls: ["First Name"],
      platform: "PC",
      refuseAbove: 100_000,
    });
    const outcome = await createWordHost().mergeIntoWord(records(50));

    expect(world.refused).toBe(1);
    expect(world.opened).toEqual([]);
    expect(outcome.destination).toBe("file");
    if (outcome.destination !== "file") return;
    expect(outcome.limit).toBeUndefined();
    expect(documentXml(outcome.file)).toContain("Person 50 ");
  });

  it("opens a merge under the limit in Word as before", async () => {
    const world = installWord({ ooxml: letter, controls: ["First Name"] });
    const outcome = await createWordHost().mergeIntoWord(records(20));

    expect(outcome).toEqual({ destination: "newDocument", letters: 20 });
    expect(world.opened).toHaveLength(1);
  });
});
