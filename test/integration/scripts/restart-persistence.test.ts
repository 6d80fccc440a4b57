import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { killApiProcess, signInTo, startApiProcess } from "../harness/api-process";

/**
 * The local stack as `npm start` runs it (API only), killed with SIGKILL right after a 2xx
 * answer, then started again on the same data directory: what was acknowledged is there.
 */
describe("restart persistence of the local stack", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mergeline-restart-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("keeps every write acknowledged before a kill -9", async () => {
    const first = await startApiProcess(dataDir);
    const identity = await signInTo(first, "restart", "tester");
    const created = await fetch(`${first.url}/contacts`, {
      method: "POST",
      headers: { ...identity, "content-type": "application/json" },
      body: JSON.stringify({ no: "KT424242", type: "company", name: "Fyrtårn ApS" }),
    });
    expect(created.status).toBe(201);
    const createdBody = (await created.json()) as { etag: string };
    const updated = await fetch(`${first.url}/contacts/KT424242`, {
      method: "PATCH",
      headers: { ...identity, "content-type": "application/json", "if-match": createdBody.etag },
      body: JSON.stringify({ city: "Skagen" }),
    });
    expect(updated.status).toBe(200);
    const etag = ((await updated.json()) as { etag: string }).etag;
    await killApiProcess(first);

    const second = await startApiProcess(dataDir);
    try {
      // A restart makes a new development issuer with a new key: sign in again.
      const identity = await signInTo(second, "restart", "tester");
      const read = await fetch(`${second.url}/contacts/KT424242`, { headers: identity });
      expect(read.status).toBe(200);
      const body = (await read.json()) as { city: string; etag: string };
      expect(body.city).toBe("Skagen");
      // The ETag read before the crash still guards the next write.
      expect(body.etag).toBe(etag);
    } finally {
      await killApiProcess(second);
    }
  });
});
