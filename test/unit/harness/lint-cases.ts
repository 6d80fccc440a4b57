import { spawnSync } from "node:child_process";
import path from "node:path";
import { repositoryRoot } from "./source-files";

/**
 * ESLint loads its config with a dynamic import, which Jest's module system refuses: the cases
 * are linted in one child process, each as if it were the file named.
 */
const lintScript = `
import { ESLint } from "eslint";
const [cases, rules] = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { file, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath: file });
  out.push(result.messages.filter((m) => rules.includes(m.ruleId)).map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

/**
 * Cases for eslint.config.mjs, linted together before the file's tests run. `lintCase` registers
 * a case (code, as if it were the file named) and answers a function that gives the messages
 * of the rules named, once beforeAll has run.
 */
export const lintCases = (rules: readonly string[]) => {
  const cases: { file: string; code: string }[] = [];
  let answers: string[][] = [];
  beforeAll(() => {
    const run = spawnSync(
      process.execPath,
      ["--input-type=module", "-e", lintScript, JSON.stringify([cases, rules])],
      { cwd: repositoryRoot, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
    );
    if (run.status !== 0) throw new Error(`eslint failed: ${run.stderr}`);
    answers = JSON.parse(run.stdout) as string[][];
  }, 120_000);
  return (file: string, code: string): (() => string[]) => {
    const index = cases.push({ file: path.join(repositoryRoot, file), code }) - 1;
    return () => answers[index] ?? [];
  };
};
