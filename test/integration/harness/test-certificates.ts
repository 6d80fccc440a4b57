import fs from "node:fs";
import path from "node:path";
import { generateCertificates } from "office-addin-dev-certs";

export interface TestCertificates {
  readonly caPath: string;
  readonly certificatePath: string;
  readonly keyPath: string;
}

/**
 * A CA and a certificate it signed for `domains`, in `directory`. office-addin-dev-certs makes
 * them in a second; it announces each generation on console.log, which would only clutter the
 * test output, so that line is held back while it runs.
 */
export const generateTestCertificates = async (
  directory: string,
  domains: string[],
): Promise<TestCertificates> => {
  const files = {
    caPath: path.join(directory, "ca.crt"),
    certificatePath: path.join(directory, "certificate.crt"),
    keyPath: path.join(directory, "certificate.key"),
  };
  fs.mkdirSync(directory, { recursive: true });
  const log = console.log;
  console.log = () => {};
  try {
    await generateCertificates(files.caPath, files.certificatePath, files.keyPath, 1, domains);
  } finally {
    console.log = log;
  }
  return files;
};
