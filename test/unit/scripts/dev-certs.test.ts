import { X509Certificate, createPrivateKey } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureDevCerts } from "../../../scripts/dev-certs";

describe("ensureDevCerts", () => {
  let dir: string;
  const logged: string[] = [];
  const log = (message: string) => logged.push(message);

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "mergeline-certs-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    logged.length = 0;
  });

  it("generates a CA and a localhost certificate it signed, without trusting the CA", async () => {
    const certs = await ensureDevCerts({ directory: dir, log });

    const cert = new X509Certificate(certs.cert);
    const ca = new X509Certificate(fs.readFileSync(certs.caPath));
    expect(certs.caPath).toBe(path.join(dir, "ca.crt"));
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.checkPrivateKey(createPrivateKey(certs.key))).toBe(true);
    expect(cert.checkHost("localhost")).toBe("localhost");
    expect(cert.checkIP("127.0.0.1")).toBe("127.0.0.1");
    // A fresh CA is in no trust store, so the user is told how to trust it.
    expect(certs.trusted).toBe(false);
    expect(logged.join("\n")).toContain(certs.caPath);
  });

  it("reuses valid certificates instead of making a new CA on every start", async () => {
    const before = fs.readFileSync(path.join(dir, "ca.crt"), "utf8");
    const certs = await ensureDevCerts({ directory: dir, log });
    expect(fs.readFileSync(certs.caPath, "utf8")).toBe(before);
  });

  it("regenerates when the files no longer belong together", async () => {
    const before = fs.readFileSync(path.join(dir, "ca.crt"), "utf8");
    fs.writeFileSync(path.join(dir, "localhost.key"), "not a key");
    const certs = await ensureDevCerts({ directory: dir, log });
    expect(fs.readFileSync(certs.caPath, "utf8")).not.toBe(before);
    expect(new X509Certificate(certs.cert).checkPrivateKey(createPrivateKey(certs.key))).toBe(true);
  });
});

describe("office-addin-usage-data (pulled in by office-addin-dev-certs)", () => {
  const packageDir = path.dirname(require.resolve("office-addin-usage-data/package.json"));

  it("is the 3.x shell that cannot send usage data", () => {
    const { version } = JSON.parse(
      fs.readFileSync(path.join(packageDir, "package.json"), "utf8"),
    ) as { version: string };
    expect(Number(version.split(".")[0])).toBeGreaterThanOrEqual(3);
    // No network module anywhere in its code: older versions required applicationinsights.
    for (const file of fs
      .readdirSync(path.join(packageDir, "lib"))
      .filter((f) => f.endsWith(".js"))) {
      const source = fs.readFileSync(path.join(packageDir, "lib", file), "utf8");
      expect(source).not.toMatch(
        /require\("(applicationinsights|https?|node:https?|net|tls|dgram)"\)|\bfetch\(/,
      );
    }
  });
});
