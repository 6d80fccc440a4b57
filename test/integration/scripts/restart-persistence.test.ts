import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * The local stack as `npm start` runs it (API only), killed with SIGKILL right after a 2xx
 * answer, then started again on the same data directory: what was acknowledged is there.
 */
const root = path.resolve(__dirname, "../../..");
/** A token from the local stack's development issuer, as the pane gets one in development. */
const signIn = async (api: string): Promise<Record<string, string>> => {
  const res = await fetch(api.replace(/\/api$/, "/dev-issuer/token"), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ tenant: "restart", user: "tester" }),
  });
  const { access_token } = (await res.json()) as { access_token: string };
  return { authorization: `Bearer ${access_token}` };
};

const start = (dataDir: string): Promise<{ child: ChildProcess; api: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/start.ts",
        "--api-only",
        "--no-seed",
        "--data-dir",
        dataDir,
        "--api-port",
        "0",
        "--cosmos-port",
        "0",
      ],
      { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    const timer = setTimeout(() => reject(new Error(`start timed out:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /API ready on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, api: m[1] as string });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`start exited with ${code}:\n${out}`)));
  });

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });

describe("restart persistence of the local stack", () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "mergeline-restart-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("keeps every write acknowledged before a kill -9", async () => {
    const first = await start(dataDir);
    const identity = await signIn(first.api);
    const created = await fetch(`${first.api}/contacts`, {
      method: "POST",
      headers: { ...identity, "content-type": "application/json" },
      body: JSON.stringify({ no: "KT424242", type: "company", name: "Fyrtårn ApS" }),
    });
    expect(created.status).toBe(201);
    const createdBody = (await created.json()) as { etag: string };
    const updated = await fetch(`${first.api}/contacts/KT424242`, {
      method: "PATCH",
      headers: { ...identity, "content-type": "application/json", "if-match": createdBody.etag },
      body: JSON.stringify({ city: "Skagen" }),
    });
    expect(updated.status).toBe(200);
    const etag = ((await updated.json()) as { etag: string }).etag;
    await killed(first.child);

    const second = await start(dataDir);
    try {
      // A restart makes a new development issuer with a new key: sign in again.
      const identity = await signIn(second.api);
      const read = await fetch(`${second.api}/contacts/KT424242`, { headers: identity });
      expect(read.status).toBe(200);
      const body = (await read.json()) as { city: string; etag: string };
      expect(body.city).toBe("Skagen");
      // The ETag read before the crash still guards the next write.
      expect(body.etag).toBe(etag);
    } finally {
      await killed(second.child);
    }
  });
});
