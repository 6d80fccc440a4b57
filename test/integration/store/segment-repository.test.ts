import type { DocumentId } from "../../../functions/store/document-names";
import type { NewLine, StoredLine } from "../../../functions/store/segment-repository";
import { asTenantId } from "../../../functions/store/tenant";
import { startApi, type ApiHarness } from "../harness/api-harness";

/** The segment repository's domain operations against the embedded store, through the real SDK. */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const tenant = asTenantId("store-lines");
const stamp = {
  createdAt: "2026-03-01T10:00:00.000Z",
  createdBy: "u1",
  modifiedAt: "2026-03-01T10:00:00.000Z",
  modifiedBy: "u1",
};

const newLine = (segmentNo: string, lineNo: number, extra: Partial<NewLine> = {}): NewLine => ({
  segmentNo,
  lineNo,
  contactNo: `KT${lineNo}`,
  contactName: `Contact ${lineNo}`,
  attachment: { kind: "inherited" },
  campaignTarget: false,
  campaignResponse: false,
  actionNo: 1,
  via: "criteria",
  ...stamp,
  ...extra,
});

const withoutEtag = ({ etag: _e, ...line }: StoredLine) => line;
const byNo = (lines: readonly StoredLine[]) => [...lines].sort((a, b) => a.lineNo - b.lineNo);

describe("lines as the store hands them out", () => {
  it("are entities with an opaque ETag and the stored-only fields, never the document's envelope", async () => {
    const segments = api.deps.store.segments;
    await segments.insertLines(tenant, "S-SHAPE", [
      newLine("S-SHAPE", 10000, {
        viaContactNo: "KT1",
        ownLetterDocumentId: "planted" as DocumentId,
      }),
    ]);
    const [line] = await segments.allLines(tenant, "S-SHAPE");
    expect(line).toMatchObject({ lineNo: 10000, via: "criteria", viaContactNo: "KT1" });
    expect(typeof line?.etag).toBe("string");
    for (const key of Object.keys(line ?? {}))
      expect(["id", "pk", "tenantId", "docType"].includes(key) || key.startsWith("_")).toBe(false);
    expect(await segments.storedLine(tenant, "S-SHAPE", 10000)).toEqual(line);
    // The API's view of the same line shows neither how it came nor its letter's id.
    const shown = await segments.lines.get(tenant, segments.lineKey("S-SHAPE", 10000));
    expect(shown).not.toHaveProperty("via");
    expect(shown).not.toHaveProperty("ownLetterDocumentId");
    expect(shown.etag).toBe(line?.etag);
  });
});

describe("inserting lines", () => {
  it("writes each line under its No.; a repeat finds them and writes none twice", async () => {
    const segments = api.deps.store.segments;
    const lines = [10000, 20000, 30000].map((n) => newLine("S-INS", n));
    await segments.insertLines(tenant, "S-INS", lines);
    const first = byNo(await segments.allLines(tenant, "S-INS"));
    expect(first.map((l) => l.lineNo)).toEqual([10000, 20000, 30000]);

    await segments.insertLines(tenant, "S-INS", lines);
    expect(byNo(await segments.allLines(tenant, "S-INS"))).toEqual(first);
  });
});

describe("moving lines aside and restoring them", () => {
  it("takes lines off whole and puts them back exactly as they were, edits and letters included", async () => {
    const segments = api.deps.store.segments;
    await segments.insertLines(tenant, "S-MOVE", [
      newLine("S-MOVE", 10000),
      newLine("S-MOVE", 20000, {
        note: "Dear Mette",
        via: "expandedCompany",
        viaContactNo: "KT1",
        mergedDocumentId: "merged" as DocumentId,
      }),
      newLine("S-MOVE", 30000, { subject: "Spring" }),
    ]);
    const before = byNo(await segments.allLines(tenant, "S-MOVE"));
    const moved = await segments.linesByNo(tenant, "S-MOVE", [20000, 30000]);

    await segments.moveLinesAside(tenant, "S-MOVE", moved, 7);
    expect((await segments.allLines(tenant, "S-MOVE")).map((l) => l.lineNo)).toEqual([10000]);
    const aside = byNo(await segments.removedBy(tenant, "S-MOVE", 7));
    expect(aside.map((l) => l.removedByAction)).toEqual([7, 7]);
    expect(aside.map(({ removedByAction: _r, ...l }) => withoutEtag(l))).toEqual(
      before.slice(1).map(withoutEtag),
    );

    await segments.restoreLines(tenant, "S-MOVE", aside);
    expect(byNo(await segments.allLines(tenant, "S-MOVE")).map(withoutEtag)).toEqual(
      before.map(withoutEtag),
    );
    expect(await segments.removedBy(tenant, "S-MOVE", 7)).toEqual([]);
  });

  it("a repeat of either finishes what an interrupted one began", async () => {
    const segments = api.deps.store.segments;
    await segments.insertLines(tenant, "S-AGAIN", [newLine("S-AGAIN", 10000)]);
    const lines = await segments.linesByNo(tenant, "S-AGAIN", [10000]);
    await segments.moveLinesAside(tenant, "S-AGAIN", lines, 3);
    // The lines are gone already: moving them again deletes nothing and fails nothing.
    await segments.moveLinesAside(tenant, "S-AGAIN", lines, 3);
    const aside = await segments.removedBy(tenant, "S-AGAIN", 3);
    await segments.restoreLines(tenant, "S-AGAIN", aside);
    await segments.restoreLines(tenant, "S-AGAIN", aside);
    expect((await segments.allLines(tenant, "S-AGAIN")).map((l) => l.lineNo)).toEqual([10000]);
    expect(await segments.removedBy(tenant, "S-AGAIN", 3)).toEqual([]);
  });
});

describe("deleting lines", () => {
  it("counts a line that is gone already as deleted", async () => {
    const segments = api.deps.store.segments;
    await segments.insertLines(tenant, "S-DEL", [newLine("S-DEL", 10000)]);
    await segments.deleteLines(tenant, "S-DEL", [10000, 20000]);
    expect(await segments.allLines(tenant, "S-DEL")).toEqual([]);
  });
});

describe("replacing lines", () => {
  it("writes a line back only while it is as read; one changed meanwhile keeps its change", async () => {
    const segments = api.deps.store.segments;
    await segments.insertLines(tenant, "S-REP", [newLine("S-REP", 10000), newLine("S-REP", 20000)]);
    const read = byNo(await segments.allLines(tenant, "S-REP"));
    const other = read[1] as StoredLine;
    const { etag, ...rest } = other;
    await segments.lines.replace(
      tenant,
      segments.lineKey("S-REP", 20000),
      { ...rest, note: "someone else's" },
      etag,
    );

    const written = await segments.replaceLines(
      tenant,
      "S-REP",
      read.map((l) => ({ ...l, mergedDocumentId: "kept" as DocumentId })),
    );
    expect(written).toEqual([true, false]);
    const after = byNo(await segments.allLines(tenant, "S-REP"));
    expect(after[0]).toMatchObject({ lineNo: 10000, mergedDocumentId: "kept" });
    expect(after[1]).toMatchObject({ lineNo: 20000, note: "someone else's" });
    expect(after[1]).not.toHaveProperty("mergedDocumentId");
  });
});

describe("deleting a segment's content", () => {
  it("leaves its header for last and its lock to the holder", async () => {
    const segments = api.deps.store.segments;
    await segments.headers.create(tenant, "S-GONE", {
      no: "S-GONE",
      description: "Going",
      status: "open",
      ...stamp,
    });
    await segments.updateStats(tenant, "S-GONE", (s) => ({ ...s, noOfLines: 1 }));
    await segments.insertLines(tenant, "S-GONE", [newLine("S-GONE", 10000)]);
    await segments.moveLinesAside(
      tenant,
      "S-GONE",
      await segments.linesByNo(tenant, "S-GONE", [10000]),
      1,
    );
    await segments.insertLines(tenant, "S-GONE", [newLine("S-GONE", 20000)]);
    const { lock } = await segments.locks.acquire(
      tenant,
      "S-GONE",
      {
        userId: "u1",
        userName: "U",
        operation: "delete",
        since: stamp.createdAt,
        leaseUntil: "2999-01-01T00:00:00.000Z",
      },
      new Date(),
    );

    await segments.deleteContent(tenant, "S-GONE");
    expect(await segments.allLines(tenant, "S-GONE")).toEqual([]);
    expect(await segments.removedBy(tenant, "S-GONE", 1)).toEqual([]);
    expect(await segments.stats.find(tenant, "S-GONE")).toBeUndefined();
    expect(await segments.headers.find(tenant, "S-GONE")).toBeDefined();
    expect(await segments.locks.find(tenant, "S-GONE")).toEqual(lock);
    // A repeat finds nothing left to delete.
    await segments.deleteContent(tenant, "S-GONE");
  });
});
