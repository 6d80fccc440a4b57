import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  callerOf,
  okFrom,
  readUntil,
  startApiProcess,
  type ApiProcess,
  type ApiProcessCaller,
  stopApiProcesses,
} from "../../harness/api-process";

/**
 * The API as `npm start -- --api-only` runs it, in a child process on a real port: alice's Log
 * of a few thousand lines is killed with SIGKILL while it writes; the API starts again on the
 * same data, and bob (another user of the same tenant) finishes the Log once the dead one's
 * lease has run out: exactly one entry per line and one logged segment. The same for an Add
 * Contacts killed mid-way: the next one undoes it first and adds each contact once.
 */
const lines = 3000;
/** Short, so the test waits little for the dead process's lease to run out. */
const leaseSeconds = 2;
const startApi = (dataDir: string) =>
  startApiProcess(dataDir, {
    MERGELINE_SEGMENT_LEASE_SECONDS: String(leaseSeconds),
    MERGELINE_EXPENSIVE_PER_MINUTE: "1000",
  });
const tenant = "kill-tenant";
const signIn = (api: ApiProcess, user: string) => callerOf(api, tenant, user);

interface LogStatus {
  status: string;
  written: number;
  total: number;
  startedBy?: string;
  loggingBy?: string;
}

const letterCount = async (call: ApiProcessCaller) =>
  (
    await okFrom<{ items: { key: string; count: number }[] }>(
      call,
      "GET",
      "/interaction-statistics?by=template",
    )
  ).items.find((row) => row.key === "LETTER")?.count ?? 0;

describe("a Log or an Add Contacts killed with SIGKILL over HTTP", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mergeline-log-kill-"));
  const running: ApiProcess[] = [];
  afterAll(async () => {
    await stopApiProcesses(running);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is finished by another user after the lease ran out: exactly N entries, 1 logged segment", async () => {
    const first = await startApi(dataDir);
    running.push(first);
    const alice = await signIn(first, "alice");
    const csv = ["No.;Type;Name"];
    for (let i = 1; i <= lines; i++)
      csv.push(`KK${String(i).padStart(5, "0")};Person;Kontakt ${i}`);
    await okFrom(alice, "POST", "/contacts/import", { csv: `${csv.join("\r\n")}\r\n` });
    await okFrom(alice, "POST", "/interaction-templates", {
      body: { code: "LETTER", description: "Brev", unitCost: 1, unitDuration: 1 },
    });
    await okFrom(alice, "POST", "/salespeople", { body: { code: "JO", name: "Jonas Olsen" } });
    await okFrom(alice, "POST", "/segments", {
      body: {
        no: "KILL",
        description: "Kill test",
        interactionTemplateCode: "LETTER",
        salespersonCode: "JO",
      },
    });
    await okFrom(alice, "POST", "/segments/KILL/add-contacts", {
      body: { filter: { kind: "field", field: "type", op: "eq", value: "person" } },
    });
    const segment = await okFrom<{ etag: string; noOfLines: number }>(
      alice,
      "GET",
      "/segments/KILL",
    );
    expect(segment.noOfLines).toBe(lines);

    // alice logs; the process dies while the entries are being written.
    const logging = alice("POST", "/segments/KILL/log", { body: {}, ifMatch: segment.etag }).catch(
      (error: unknown) => error,
    );
    // The segment is marked "logging" just before the first entry is written.
    await readUntil(
      () => okFrom<{ status: string }>(alice, "GET", "/segments/KILL"),
      (s) => s.status === "logging",
    );
    const seen = await okFrom<LogStatus>(alice, "GET", "/segments/KILL/log-status");
    first.child.kill("SIGKILL");
    expect(seen).toMatchObject({ status: "writing", total: lines });
    await first.exited;
    // The connection died with the process: alice never got an answer.
    expect(String(await logging)).toMatch(/fetch failed/);

    const second = await startApi(dataDir);
    running.push(second);
    const bob = await signIn(second, "bob");
    const writtenBefore = await letterCount(bob);
    expect(writtenBefore).toBeLessThan(lines);
    expect(await okFrom(bob, "GET", "/logged-segments?segmentNo=KILL")).toMatchObject({
      items: [],
    });

    // bob logs with the segment's current ETag: refused as busy (naming alice) while the dead
    // process's lease runs, then his Log finishes hers.
    const statuses = new Set<string>();
    let finished: { status: number; json: Record<string, unknown> };
    for (;;) {
      statuses.add((await okFrom<LogStatus>(bob, "GET", "/segments/KILL/log-status")).status);
      const current = await okFrom<{ etag: string; status: string }>(bob, "GET", "/segments/KILL");
      expect(current.status).toBe("logging");
      finished = await bob("POST", "/segments/KILL/log", { body: {}, ifMatch: current.etag });
      const busy = /^Segment KILL is busy: alice is logging it since .*; the lease ends at /;
      if (finished.status !== 409 || !busy.test(String(finished.json["detail"]))) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(finished.status).toBe(200);
    expect([...statuses].filter((s) => s !== "writing" && s !== "abandoned")).toEqual([]);
    const loggedSegment = finished.json["loggedSegment"] as { entryNo: number };
    expect(loggedSegment).toMatchObject({ noOfInteractions: lines, userId: "alice" });

    const logged = await okFrom<{ items: { entryNo: number }[] }>(
      bob,
      "GET",
      "/logged-segments?segmentNo=KILL",
    );
    expect(logged.items.map((l) => l.entryNo)).toEqual([loggedSegment.entryNo]);
    const contacts: string[] = [];
    let token: string | undefined;
    do {
      const page: { items: { contactNo: string }[]; continuationToken?: string } = await okFrom(
        bob,
        "GET",
        `/logged-segments/${loggedSegment.entryNo}/entries?top=500${
          token ? `&continuationToken=${encodeURIComponent(token)}` : ""
        }`,
      );
      contacts.push(...page.items.map((e) => e.contactNo));
      token = page.continuationToken;
    } while (token);
    expect(contacts).toHaveLength(lines);
    expect(new Set(contacts).size).toBe(lines);
    expect(await letterCount(bob)).toBe(lines);
    // Logged, the segment is history: it answers 410 naming the logged segment it became.
    const gone = await bob("GET", "/segments/KILL");
    expect(gone.status).toBe(410);
    expect(gone.json).toMatchObject({ loggedSegmentEntryNo: loggedSegment.entryNo });
    expect(await okFrom(bob, "GET", "/segments/KILL/log-status")).toMatchObject({
      status: "done",
      written: lines,
    });
    console.log(`kill -9 left ${writtenBefore} of ${lines} entries; bob finished the Log`);
  }, 300_000);

  it("an Add Contacts killed mid-way is undone by the next one, which adds each contact once", async () => {
    // The API the first test left running, with its contacts.
    const before = running.at(-1) as ApiProcess;
    const alice = await signIn(before, "alice");
    await okFrom(alice, "POST", "/segments", { body: { no: "KILL2", description: "Kill test 2" } });
    const everyone = { filter: { kind: "field", field: "type", op: "eq", value: "person" } };
    const adding = alice("POST", "/segments/KILL2/add-contacts", { body: everyone }).catch(
      (error: unknown) => error,
    );
    await readUntil(
      () =>
        okFrom<{ items: { status: string }[] }>(alice, "GET", "/segments/KILL2/criteria-actions"),
      (actions) => actions.items.some((a) => a.status === "applying"),
    );
    before.child.kill("SIGKILL");
    await before.exited;
    expect(String(await adding)).toMatch(/fetch failed/);

    const after = await startApi(dataDir);
    running.push(after);
    const bob = await signIn(after, "bob");
    const left = await okFrom<{ items: { no: number; status: string }[] }>(
      bob,
      "GET",
      "/segments/KILL2/criteria-actions",
    );
    expect(left.items).toEqual([expect.objectContaining({ no: 1, status: "applying" })]);
    let added: { status: number; json: Record<string, unknown> };
    for (;;) {
      added = await bob("POST", "/segments/KILL2/add-contacts", { body: everyone });
      const busy = /^Segment KILL2 is busy: alice is adding contacts since /;
      if (added.status !== 409 || !busy.test(String(added.json["detail"]))) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(added.status).toBe(200);
    expect(added.json).toMatchObject({ linesAdded: lines, noOfLines: lines });
    const actions = await okFrom<{ items: { no: number; status: string }[] }>(
      bob,
      "GET",
      "/segments/KILL2/criteria-actions",
    );
    expect(actions.items).toEqual([expect.objectContaining({ no: 2, status: "applied" })]);
    expect(await okFrom(bob, "GET", "/segments/KILL2")).toMatchObject({
      noOfLines: lines,
      noOfCriteriaActions: 1,
    });
  }, 300_000);
});
