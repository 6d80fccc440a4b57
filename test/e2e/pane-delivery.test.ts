/**
 * E-mail delivery from the pane, end to end (issue 15): the production bundle in headless
 * Chromium with the Word stand-in, against the real local API, sending through a real SMTP
 * server started here (smtp-server, every message parsed with mailparser). Keyboard only, in
 * English and Danish, with screenshots at 320, 350 and 1280 px in test-results/screenshots/.
 *
 * It needs the server's delivery endpoints (send jobs, e-mail preview, a contact's opt-out,
 * Log with sendAttachments), which other branches build: it runs once they are merged.
 */
import AxeBuilder from "@axe-core/playwright";
import { simpleParser } from "mailparser";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { SMTPServer } from "smtp-server";
import {
  apiCaller,
  buildPane,
  collectPageErrors,
  freePort,
  launchChromium,
  paneContext,
  productionPaneHeaders,
  startApiChild,
  startStaticServer,
  type ApiChild,
  type StaticServer,
} from "../../scripts/e2e-stack";
import { startAzurite, type LocalAzurite } from "../../functions/store/embedded/azurite";

jest.setTimeout(240_000);

const SCREENSHOTS = path.resolve(
  __dirname,
  "../..",
  process.env["MERGELINE_SCREENSHOTS_DIR"] ?? "test-results/screenshots",
);
const WIDTH = 350;
const TENANT = "contoso";

interface Received {
  readonly to: string;
  readonly subject: string;
  readonly messageId: string;
  readonly attachments: readonly string[];
}

const contacts: [no: string, name: string, language: string][] = [
  ["KT2001", "Anna Holm", "en-US"],
  ["KT2002", "Bo Lund", "en-US"],
  ["KT2003", "Cai Dahl", "en-US"],
  ["KT2011", "Dorthe Kjær", "da-DK"],
  ["KT2012", "Erik Juhl", "da-DK"],
];

let server: StaticServer;
let api: ApiChild;
let azurite: LocalAzurite | undefined;
let smtp: SMTPServer;
let browser: Browser;
let token: string;
let dataDir: string;
let buildDir: string;
const inbox: Received[] = [];
const violations: Record<string, string[]> = {};

const axe = async (page: Page, view: string) => {
  // Fluent's tabster sentinels: a known false positive (see pane.test.ts).
  const result = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  violations[view] = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
};

const poll = async <T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string) => {
  const until = Date.now() + 60_000;
  let last: T = await read();
  while (!ok(last)) {
    if (Date.now() > until) throw new Error(`${what}; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await read();
  }
  return last;
};

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(250);
  await page.screenshot({
    path: path.join(SCREENSHOTS, `${name}.png`),
    fullPage: true,
    caret: "hide",
  });
};

const shotsAtWidths = async (page: Page, name: string) => {
  for (const width of [320, 350, 1280]) {
    await page.setViewportSize({ width, height: 760 });
    await shot(page, `${name}-${width}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      width,
    );
  }
  await page.setViewportSize({ width: WIDTH, height: 760 });
};

/** A keyboard user's press on a control: focus it (as Tab would), then the key. */
const press = async (target: Locator, key = "Enter") => {
  await target.focus();
  await target.page().keyboard.press(key);
};

/** A native select, by keyboard: focus, then type the option's first letters. */
const selectByKeyboard = async (select: Locator, typed: string, wanted: string) => {
  await select.focus();
  await select.page().keyboard.type(typed);
  await poll(
    () => select.evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]?.textContent ?? ""),
    (text) => text.startsWith(wanted),
    `option ${wanted}`,
  );
};

/** A menu item by keyboard: open the menu with Enter, arrow down to the item, Enter. */
const menuItemByKeyboard = async (page: Page, trigger: Locator, item: string) => {
  await press(trigger);
  const wanted = page.getByRole("menuitem", { name: item });
  await wanted.waitFor();
  for (let i = 0; i < 12; i++) {
    if (await wanted.evaluate((e) => e === document.activeElement)) break;
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
};

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onAuth: (_auth, _session, callback) => callback(null, { user: "mergeline" }),
    onData: (stream, _session, callback) => {
      simpleParser(stream).then(
        (mail) => {
          const to = Array.isArray(mail.to) ? mail.to[0] : mail.to;
          inbox.push({
            to: to?.value[0]?.address ?? "",
            subject: mail.subject ?? "",
            messageId: mail.messageId ?? "",
            attachments: mail.attachments.map((a) => a.filename ?? ""),
          });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  const smtpPort = await freePort();
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
  process.env["MERGELINE_MAIL_TRANSPORT"] = "smtp";
  process.env["SMTP_URL"] = `smtp://mergeline:secret@127.0.0.1:${smtpPort}`;
  process.env["MERGELINE_MAIL_FROM"] = "marketing@contoso.example";

  dataDir = mkdtempSync(path.join(os.tmpdir(), "mergeline-e2e-delivery-"));
  buildDir = mkdtempSync(path.join(os.tmpdir(), "mergeline-e2e-delivery-pane-"));
  const port = await freePort();
  server = await startStaticServer(buildDir, productionPaneHeaders(`http://127.0.0.1:${port}/api`));
  azurite = await startAzurite({ location: path.join(dataDir, "azurite") });
  process.env["AZURE_STORAGE_CONNECTION_STRING"] = azurite.connectionString;
  [api] = await Promise.all([
    startApiChild({ port, dataDir, corsOrigin: server.origin }),
    buildPane(buildDir, `http://127.0.0.1:${port}/api`),
  ]);
  token = await api.token(TENANT, "demo.user@mergeline.dev");
  const call = apiCaller(api.apiUrl, token);
  await call("POST", "/salespeople", { code: "JH", name: "Jonas Holm" });
  await call("POST", "/interaction-templates", {
    code: "MAIL",
    description: "Spring mail",
    correspondenceType: "email",
  });
  await Promise.all(
    contacts.map(([no, name, languageCode]) =>
      call("POST", "/contacts", {
        no,
        type: "person",
        name,
        firstName: name.split(" ")[0],
        surname: name.split(" ")[1],
        email: `${no.toLowerCase()}@example.dk`,
        languageCode,
        city: languageCode === "da-DK" ? "Aarhus C" : "London",
      }),
    ),
  );
  for (const [no, city] of [
    ["MG-MAIL", "London"],
    ["MG-POST", "Aarhus C"],
  ] as const) {
    await call("POST", "/segments", {
      no,
      description: no === "MG-MAIL" ? "Spring mail" : "Forårsmail",
      salespersonCode: "JH",
      interactionTemplateCode: "MAIL",
    });
    await call("POST", `/segments/${no}/add-contacts`, {
      filter: { kind: "field", field: "city", filter: city },
    });
  }
  browser = await launchChromium();
}, 200_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await server?.close();
  await azurite?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  delete process.env["AZURE_STORAGE_CONNECTION_STRING"];
  delete process.env["MERGELINE_MAIL_TRANSPORT"];
  delete process.env["SMTP_URL"];
  delete process.env["MERGELINE_MAIL_FROM"];
  for (const dir of [dataDir, buildDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

const openPane = async (language: "en-US" | "da-DK") => {
  const context = await paneContext(browser, {
    token,
    width: WIDTH,
    height: 760,
    word: {
      displayLanguage: language,
      title: language === "da-DK" ? "Forårsbrev" : "Spring letter",
      paragraphs: language === "da-DK" ? ["Kære ,", "Forår!"] : ["Dear ,", "Spring!"],
    },
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${server.origin}/taskpane.html`);
  return { page, errors, context };
};

const unexpected = (line: string) =>
  !/Failed to load resource.*(404|422|501)/.test(line) && !line.startsWith("console: Warning:");

describe("e-mail delivery in the pane, against the local API and a real SMTP server", () => {
  it("opts a contact out, previews, logs with Send attachments and follows the job, in English", async () => {
    const { page, errors, context } = await openPane("en-US");
    await press(page.getByRole("button", { name: "Open segment MG-MAIL Spring mail" }));
    await page.getByText("Cai Dahl").waitFor();

    // Cai Dahl opts out of e-mail: set on the line, by keyboard, with Undo offered.
    await menuItemByKeyboard(
      page,
      page.getByRole("button", { name: "Actions for Cai Dahl" }),
      "E-mail opt-out…",
    );
    const optOut = page.getByRole("dialog", { name: "E-mail opt-out: Cai Dahl" });
    await press(optOut.getByRole("switch", { name: "Opted out of e-mail" }), "Space");
    await axe(page, "en-US opt-out dialog");
    await shotsAtWidths(page, "en-US-delivery-opt-out");
    await press(optOut.getByRole("button", { name: "Save" }));
    await page.getByText("Cai Dahl is opted out of e-mail.").waitFor();
    await page.getByText("No e-mail").waitFor();
    await page.getByRole("button", { name: "Undo" }).waitFor();
    await shotsAtWidths(page, "en-US-delivery-opted-out-line");

    // Log, with Send attachments: a short body with the letter as PDF and a merge field.
    await press(page.getByRole("tab", { name: "Log" }));
    await page.getByText("All 3 lines are ready to log.").waitFor();
    await press(page.getByRole("checkbox", { name: "Send attachments" }), "Space");
    const text = page.getByRole("textbox", { name: "Short e-mail text" });
    await text.focus();
    await page.keyboard.type("Dear ");
    await menuItemByKeyboard(
      page,
      page.getByRole("button", { name: "Insert merge field in the e-mail text" }),
      "First Name",
    );
    await poll(
      () => text.inputValue(),
      (v) => v === "Dear «First Name»",
      "the field in the short body",
    );
    await page.getByRole("textbox", { name: "Subject" }).focus();
    await page.keyboard.type("Spring news");
    await axe(page, "en-US send attachments");
    await shotsAtWidths(page, "en-US-delivery-send-attachments");

    // Preview: Anna's e-mail, then why Cai gets none.
    await press(page.getByRole("button", { name: "Preview e-mail" }));
    const preview = page.getByRole("dialog", { name: "Preview e-mail" });
    await preview.getByText("kt2001@example.dk").waitFor();
    await preview.getByText("Spring news").waitFor();
    expect(await preview.locator("iframe").getAttribute("sandbox")).toBe("");
    await axe(page, "en-US e-mail preview");
    await shotsAtWidths(page, "en-US-delivery-preview");
    await selectByKeyboard(preview.getByRole("combobox", { name: "Contact" }), "Cai", "Cai Dahl");
    await preview.getByText("This contact gets no e-mail").waitFor();
    await preview.getByText("Opted out of e-mail.").waitFor();
    await shotsAtWidths(page, "en-US-delivery-preview-skipped");
    await page.keyboard.press("Escape");
    await preview.waitFor({ state: "detached" });

    await press(page.getByRole("button", { name: "Log", exact: true }));
    await page.getByText("Finished", { exact: true }).waitFor({ timeout: 120_000 });
    await page.getByText("Sent: 2").waitFor();
    await page.getByText("Skipped: 1").waitFor();
    await axe(page, "en-US send job done");
    await shotsAtWidths(page, "en-US-delivery-job-done");
    await selectByKeyboard(page.getByRole("combobox", { name: "Show" }), "Sk", "Skipped");
    await page.getByRole("list", { name: "Deliveries" }).getByText("Cai Dahl").waitFor();
    await shotsAtWidths(page, "en-US-delivery-lines-skipped");

    // Exactly one message each to the two who did not opt out, with the subject and the PDF.
    await poll(
      async () => inbox.filter((m) => m.subject === "Spring news").length,
      (n) => n >= 2,
      "two messages",
    );
    const spring = inbox.filter((m) => m.subject === "Spring news");
    expect(spring.map((m) => m.to).sort()).toEqual(["kt2001@example.dk", "kt2002@example.dk"]);
    for (const m of spring) expect(m.attachments.some((a) => a.endsWith(".pdf"))).toBe(true);

    // The logged segment's deliveries, from the list of logged segments.
    await press(page.getByRole("button", { name: "Logged segments" }));
    await menuItemByKeyboard(
      page,
      page.getByRole("button", { name: /^Actions for logged segment/ }).first(),
      "Delivery…",
    );
    const drawer = page.getByRole("dialog", { name: /^Delivery of \d+: MG-MAIL Spring mail$/ });
    await drawer.getByText("Sent: 2").waitFor();
    await axe(page, "en-US logged segment delivery");
    await shotsAtWidths(page, "en-US-delivery-logged-segment");

    expect(errors.filter(unexpected)).toEqual([]);
    await context.close();
  });

  it("logs with Send attachments and shows the progress in Danish", async () => {
    const { page, errors, context } = await openPane("da-DK");
    await press(page.getByRole("button", { name: "Åbn målgruppe MG-POST Forårsmail" }));
    await page.getByText("Erik Juhl").waitFor();
    await press(page.getByRole("tab", { name: "Logfør", exact: true }));
    await page.getByText("Alle 2 linjer er klar til logføring.").waitFor();
    await press(page.getByRole("checkbox", { name: "Send vedhæftede filer" }), "Space");
    // The letter as the e-mail's text: the second choice, by arrow key.
    await page.getByRole("radio", { name: "Kort e-mail med brevet vedhæftet" }).focus();
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: "Brevet som e-mailens tekst" }).isChecked()).toBe(
      true,
    );
    await page.getByRole("textbox", { name: "Emne" }).focus();
    await page.keyboard.type("Forårsnyt");
    await axe(page, "da-DK send attachments");
    await shotsAtWidths(page, "da-DK-delivery-send-attachments");
    await press(page.getByRole("button", { name: "Vis e-mail" }));
    const preview = page.getByRole("dialog", { name: "Vis e-mail" });
    await preview.getByText("Forårsnyt").waitFor();
    await axe(page, "da-DK e-mail preview");
    await shotsAtWidths(page, "da-DK-delivery-preview");
    await page.keyboard.press("Escape");
    await preview.waitFor({ state: "detached" });

    await press(page.getByRole("button", { name: "Logfør", exact: true }));
    await page.getByText("Færdig", { exact: true }).waitFor({ timeout: 120_000 });
    await page.getByText("Sendt: 2").waitFor();
    await axe(page, "da-DK send job done");
    await shotsAtWidths(page, "da-DK-delivery-job-done");
    await poll(
      async () => inbox.filter((m) => m.subject === "Forårsnyt").length,
      (n) => n >= 2,
      "two Danish messages",
    );

    expect(errors.filter(unexpected)).toEqual([]);
    await context.close();
  });

  afterAll(() => {
    const failing = Object.fromEntries(Object.entries(violations).filter(([, v]) => v.length));
    expect(Object.keys(violations).length).toBeGreaterThan(0);
    expect(failing).toEqual({});
  });
});
