import type { DocumentId } from "../../../functions/store/document-names";
import type { StoredEntry } from "../../../functions/store/interaction-repository";
import { asTenantId } from "../../../functions/store/tenant";
import { startApi, type ApiHarness } from "../harness/api-harness";

/** The interaction repository's domain operations against the embedded store, through the real SDK. */
let api: ApiHarness;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

const tenant = asTenantId("store-entries");

const entry = (loggedSegmentEntryNo: number, entryNo: number): Omit<StoredEntry, "etag"> => ({
  entryNo,
  contactNo: `KT${entryNo}`,
  contactName: `Contact ${entryNo}`,
  date: "2026-03-01",
  timeOfInteraction: "2026-03-01T10:00:00.000Z",
  description: "Spring letter",
  cost: 1,
  duration: 0,
  campaignTarget: false,
  campaignResponse: false,
  segmentNo: "S1",
  segmentLineNo: entryNo * 10,
  loggedSegmentEntryNo,
  userId: "u1",
  deliveryStatus: "none",
  canceled: false,
  documentId: `letter-${entryNo}` as DocumentId,
  keptLetter: "merged",
});

const logged = (entryNo: number, segmentNo: string, canceled = false) => ({
  entryNo,
  segmentNo,
  description: segmentNo,
  createdAt: "2026-03-01T10:00:00.000Z",
  userId: "u1",
  noOfInteractions: 3,
  noOfCampaignEntries: 0,
  canceled,
});

describe("a Log's entries", () => {
  it("are written under their entry Nos.; a repeat finds them and writes none twice", async () => {
    const interactions = api.deps.store.interactions;
    const entries = [1, 2, 3].map((n) => entry(10, n));
    await interactions.createEntries(tenant, entries);
    const first = await interactions.entriesOfLogged(tenant, 10);
    await interactions.createEntries(tenant, entries);
    const again = await interactions.entriesOfLogged(tenant, 10);
    expect(again).toHaveLength(3);
    expect(new Map(again.map((e) => [e.entryNo, e.etag]))).toEqual(
      new Map(first.map((e) => [e.entryNo, e.etag])),
    );
  });

  it("come back whole, with the kept letter's id, an opaque ETag and no envelope", async () => {
    const interactions = api.deps.store.interactions;
    await interactions.createEntries(tenant, [entry(11, 4)]);
    const [stored] = await interactions.entriesOfLogged(tenant, 11);
    const { etag, ...rest } = stored as StoredEntry;
    expect(rest).toEqual(entry(11, 4));
    expect(typeof etag).toBe("string");
    // The API's view of the entry keeps the letter's id to itself.
    const shown = await interactions.entries.get(tenant, interactions.entryKey("KT4", 4));
    expect(shown).not.toHaveProperty("documentId");
  });

  it("are canceled and restored together, and a repeat changes nothing more", async () => {
    const interactions = api.deps.store.interactions;
    await interactions.createEntries(
      tenant,
      [5, 6, 7].map((n) => entry(12, n)),
    );
    expect(await interactions.setEntriesCanceled(tenant, 12, true)).toBe(0);
    const canceled = await interactions.entriesOfLogged(tenant, 12);
    expect(canceled.map((e) => e.canceled)).toEqual([true, true, true]);
    // What is stored only (the kept letter) stays through the change.
    expect(canceled.map((e) => e.documentId).sort()).toEqual(["letter-5", "letter-6", "letter-7"]);

    expect(await interactions.setEntriesCanceled(tenant, 12, true)).toBe(0);
    expect((await interactions.entriesOfLogged(tenant, 12)).map((e) => e.etag).sort()).toEqual(
      canceled.map((e) => e.etag).sort(),
    );
    expect(await interactions.setEntriesCanceled(tenant, 12, false)).toBe(0);
    expect((await interactions.entriesOfLogged(tenant, 12)).map((e) => e.canceled)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it("are deleted with their logged segment; gone ones count as deleted", async () => {
    const interactions = api.deps.store.interactions;
    await interactions.createEntries(
      tenant,
      [8, 9].map((n) => entry(13, n)),
    );
    expect(await interactions.deleteEntriesOfLogged(tenant, 13)).toBe(0);
    expect(await interactions.entriesOfLogged(tenant, 13)).toEqual([]);
    expect(await interactions.deleteEntriesOfLogged(tenant, 13)).toBe(0);
  });
});

describe("logged segments", () => {
  it("list newest first, by segment and by whether they are canceled", async () => {
    const interactions = api.deps.store.interactions;
    await interactions.loggedSegments.create(tenant, "21", logged(21, "LS-A"));
    await interactions.loggedSegments.create(tenant, "22", logged(22, "LS-B", true));
    await interactions.loggedSegments.create(tenant, "23", logged(23, "LS-A", true));
    const nos = async (filters: { segmentNo?: string; canceled?: boolean }) =>
      (await interactions.listLogged(tenant, filters, 100)).items.map((l) => l.entryNo);
    expect(await nos({})).toEqual([23, 22, 21]);
    expect(await nos({ segmentNo: "LS-A" })).toEqual([23, 21]);
    expect(await nos({ canceled: true })).toEqual([23, 22]);
    expect(await nos({ segmentNo: "LS-A", canceled: false })).toEqual([21]);
  });
});
