/**
 * The https certificate of the task pane's dev server (Office only loads add-ins over https).
 *
 * We use office-addin-dev-certs for generation only, and on purpose not its
 * getHttpsServerOptions(): that one runs `sudo ... update-ca-certificates` (or the keychain /
 * certificate store) whenever the CA is not yet trusted, which fails where there is no sudo,
 * prompts for a password in the middle of `npm start` where there is, and silently changes the
 * system's trust store where sudo needs no password. Here the CA is generated, never installed;
 * the server starts with the localhost certificate either way, and we print how to trust the CA.
 *
 * Telemetry: office-addin-dev-certs depends on office-addin-usage-data. From 3.0.0 on (what the
 * lockfile holds) that package is an API-compatible shell whose every report method is an empty
 * function and that has no network code at all; test/unit/scripts/dev-certs.test.ts fails if an
 * install ever resolves an older, reporting version. The two functions called here
 * (generateCertificates, getCaCertificateStatus) do not report usage even in the old versions:
 * only verifyCertificates/ensureCertificatesAreInstalled/uninstall did. So nothing here sends
 * anything, and no opt-out file or variable is needed (the 2.x opt-out,
 * `npx office-addin-usage-data off`, would write ~/office-addin-usage-data.json; it is moot now).
 */
import { X509Certificate, createPrivateKey } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  CertificateStatus,
  generateCertificates,
  getCaCertificateStatus,
} from "office-addin-dev-certs";

export interface DevCerts {
  key: string | Buffer;
  cert: string | Buffer;
  /** The CA that signed `cert`: trust this one to make https://localhost:3000 trusted. */
  caPath: string;
  /** Whether this machine already trusts the CA (Office and browsers then load the pane silently). */
  trusted: boolean;
}

export interface DevCertsOptions {
  /** Defaults to the directory office-addin-dev-certs uses, so its own `install` finds the same CA. */
  directory?: string;
  /** Where the trust instructions go; defaults to console.warn. */
  log?: (message: string) => void;
}

const DEFAULT_DIRECTORY = path.join(os.homedir(), ".office-addin-dev-certs");
const DOMAINS = ["127.0.0.1", "localhost"];
/** office-addin-dev-certs' own default: a short-lived CA limits the harm of a leaked dev key. */
const VALID_DAYS = 30;
/** Regenerate a day early, so a long-running dev server does not expire mid-session. */
const RENEW_BEFORE_MS = 24 * 60 * 60 * 1000;

/** Where office-addin-dev-certs' install scripts put the CA on Linux (Debian-like, then Arch/Fedora-like). */
const LINUX_TRUST_ANCHORS = [
  "/usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt",
  "/etc/ca-certificates/trust-source/anchors/office-addin-dev-certs-ca.crt",
];

interface Paths {
  ca: string;
  cert: string;
  key: string;
}

const pathsIn = (directory: string): Paths => ({
  ca: path.join(directory, "ca.crt"),
  cert: path.join(directory, "localhost.crt"),
  key: path.join(directory, "localhost.key"),
});

/** The files exist, belong together, and stay valid for at least another day. */
const usable = (paths: Paths, now: number): boolean => {
  try {
    const ca = new X509Certificate(fs.readFileSync(paths.ca));
    const cert = new X509Certificate(fs.readFileSync(paths.cert));
    const key = createPrivateKey(fs.readFileSync(paths.key));
    return (
      cert.checkPrivateKey(key) &&
      cert.checkIssued(ca) &&
      cert.verify(ca.publicKey) &&
      Date.parse(cert.validTo) - now > RENEW_BEFORE_MS &&
      Date.parse(ca.validTo) - now > RENEW_BEFORE_MS
    );
  } catch {
    return false;
  }
};

const sameCertificate = (file: string, ca: X509Certificate): boolean => {
  try {
    return new X509Certificate(fs.readFileSync(file)).fingerprint256 === ca.fingerprint256;
  } catch {
    return false;
  }
};

const isTrusted = (caPath: string): boolean => {
  const ca = new X509Certificate(fs.readFileSync(caPath));
  // On Linux the package's check only asks whether *a* file sits at the anchor path; after a
  // regeneration that is the old CA, so compare fingerprints instead.
  if (process.platform === "linux")
    return LINUX_TRUST_ANCHORS.some((file) => sameCertificate(file, ca));
  // Elsewhere it looks the CA up by name in the keychain / certificate store (no usage report).
  return getCaCertificateStatus().status === CertificateStatus.Installed;
};

/** How to trust the CA on this platform; none of it can be done for the user without admin rights. */
export const trustInstructions = (caPath: string): string => {
  const lines = [
    `The dev server uses a certificate signed by ${caPath}, which this machine does not trust yet.`,
  ];
  switch (process.platform) {
    case "win32":
      lines.push(`  Trust it for your user:   certutil -user -addstore Root "${caPath}"`);
      break;
    case "darwin":
      lines.push(
        `  Trust it:   security add-trusted-cert -d -r trustRoot -k ~/Library/Keychains/login.keychain-db '${caPath}'`,
      );
      break;
    default:
      lines.push(
        "  System (curl, Node with --use-openssl-ca):",
        `    sudo mkdir -p /usr/local/share/ca-certificates/office-addin-dev-certs && sudo cp '${caPath}' /usr/local/share/ca-certificates/office-addin-dev-certs/ca.crt && sudo update-ca-certificates`,
        "  Chrome/Edge on Linux read their own store (libnss3-tools):",
        `    certutil -d sql:$HOME/.pki/nssdb -A -t C,, -n "Mergeline dev CA" -i '${caPath}'`,
      );
  }
  lines.push(
    "  Or, with admin rights, `npx office-addin-dev-certs install`: it makes a new CA in the same place",
    "  and trusts that one; the dev server uses it from its next start.",
    `  Until then Office will not load the pane, and a browser shows a warning you can accept.`,
  );
  return lines.join("\n");
};

/**
 * Makes sure a CA and a localhost certificate exist (generating them when missing, mismatched
 * or about to expire) and returns them for an https server.
 */
export const ensureDevCerts = async (options: DevCertsOptions = {}): Promise<DevCerts> => {
  const directory = options.directory ?? DEFAULT_DIRECTORY;
  const paths = pathsIn(directory);
  if (!usable(paths, Date.now())) {
    // generateCertificates writes nothing while ca.crt exists, so clear the stale set first.
    for (const file of [paths.ca, paths.cert, paths.key]) fs.rmSync(file, { force: true });
    await generateCertificates(paths.ca, paths.cert, paths.key, VALID_DAYS, DOMAINS);
  }
  const trusted = isTrusted(paths.ca);
  if (!trusted) (options.log ?? console.warn)(trustInstructions(paths.ca));
  return {
    key: fs.readFileSync(paths.key),
    cert: fs.readFileSync(paths.cert),
    caPath: paths.ca,
    trusted,
  };
};
