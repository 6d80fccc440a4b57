import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { lintCases } from "../harness/lint-cases";
import { repositoryRoot as root, sourceFiles } from "../harness/source-files";

/**
 * Office.js only in addin/host/: the pane runs in Word, Teams and a browser, and only the host
 * knows which. eslint.config.mjs says so for the `Office`/`Word` globals and the office-js
 * types; these tests hold it to that, and check the tree, imports included.
 */
const officeRules = [
  "no-restricted-syntax",
  "no-restricted-globals",
  "no-restricted-properties",
  "@typescript-eslint/triple-slash-reference",
];

const lintCase = lintCases(officeRules);

/** Each use, and whether only its type is used (the lint leaves those in functions/ to the tree check). */
const officeUses: [string, boolean][] = [
  ["Office.onReady(() => undefined);\n", false],
  ["export const inWord = typeof Office !== 'undefined';\n", false],
  ["export type Context = Word.RequestContext;\n", true],
  ["export const run = () => Word.run(async () => undefined);\n", false],
  ["export const keep = OfficeExtension.Error;\n", false],
  ["export const o = window.Office;\n", false],
  ["export const w = globalThis.Word;\n", false],
  ['/// <reference types="office-js" />\nexport const x = 1;\n', false],
];

describe("Office.js outside addin/host/", () => {
  describe.each(officeUses)("%s", (code, typeOnly) => {
    const outside = [
      "addin/features/merge/x.ts",
      "addin/features/letter/x.tsx",
      "addin/taskpane/x.tsx",
      "addin/commands/commands.ts",
      "shared/merge/x.ts",
      ...(typeOnly ? [] : ["functions/merge/x.ts"]),
    ].map((file) => [file, lintCase(file, code)] as const);
    const inHost = lintCase("addin/host/word/x.ts", code);

    it.each(outside)("is refused in %s", (_file, messages) => {
      expect(messages()).toHaveLength(1);
    });

    it("is the host's own business", () => {
      expect(inHost()).toEqual([]);
    });
  });

  const local = lintCase(
    "addin/features/letter/x.ts",
    'const Word = { label: "Word" };\nexport const label = Word.label;\n',
  );
  it("leaves a name of the pane's own alone", () => {
    expect(local()).toEqual([]);
  });
});

const officeGlobals = new Set(["Office", "Word", "OfficeExtension", "OfficeRuntime"]);
const globalObjects = new Set(["window", "globalThis", "self"]);

/** Where a file reaches for Office.js: its globals, its types, its packages. */
const officeReaches = (file: string, text = readFileSync(path.join(root, file), "utf8")) => {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = source.typeReferenceDirectives
    .filter((d) => /office/i.test(d.fileName))
    .map((d) => `/// <reference types="${d.fileName}" />`);
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && officeGlobals.has(node.text)) {
      const parent = node.parent;
      const isMemberName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isQualifiedName(parent) && parent.right === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node);
      const onGlobalObject =
        ts.isPropertyAccessExpression(parent) &&
        ts.isIdentifier(parent.expression) &&
        globalObjects.has(parent.expression.text);
      if (!isMemberName || onGlobalObject) found.push(node.getText());
    }
    if (
      ts.isStringLiteral(node) &&
      (ts.isImportDeclaration(node.parent) ||
        ts.isExportDeclaration(node.parent) ||
        ts.isCallExpression(node.parent)) &&
      /^(@types\/)?office-js$|^@microsoft\/office-js|^office-addin-mock$/.test(node.text)
    ) {
      found.push(`"${node.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
};

describe("the tree as it is", () => {
  it("reaches for Office.js in addin/host/ only", () => {
    const outside = ["addin", "shared", "functions"]
      .flatMap(sourceFiles)
      .filter((file) => !file.startsWith(path.join("addin", "host") + path.sep))
      .flatMap((file) => officeReaches(file).map((reach) => `${file}: ${reach}`));
    expect(outside).toEqual([]);
  });

  it("finds Office's types in functions/, where the lint leaves them to it, and its packages", () => {
    expect(
      officeReaches(
        "functions/merge/x.ts",
        'import type {} from "office-js";\nexport type C = Word.RequestContext;\nexport const v = 1 as unknown as Office.AsyncResult<string>;\n',
      ),
    ).toEqual(['"office-js"', "Word", "Office"]);
  });

  it("finds what it looks for: the host's own files reach for it", () => {
    expect(officeReaches(path.join("addin", "host", "word", "ribbon-commands.ts"))).toEqual(
      expect.arrayContaining(['/// <reference types="office-js" />', "Office"]),
    );
  });
});
