/**
 * E-mail delivery from the pane, end to end (issue 15): the production bundle in headless
 * Chromium with the Word stand-in, against the real local API (its send queue on Azurite, run by
 * the API's own queue poller) sending through a real SMTP server started here (smtp-server,
 * every message parsed with mailparser). Keyboard only, in English and Danish, with screenshots
 * at 320, 350 and 1280 px; axe-core on every view; focus back on the opener after each dialog.
 *
 * Kept quick on a loaded machine: everything is seeded through the API in a few parallel calls,
 * two small segments (3 and 2 contacts), the letter attached as Word (no LibreOffice start), and
 * every wait is for a condition (the job's counts on the screen, the messages in the inbox),
 * never for a fixed time.
 */
import AxeBuilder from "@axe-core/playwright";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import {
  apiCaller,
  buildPane,
  collectPageErrors,
  openSegmentTab,
  poll as pollUntil,
  press,
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
import { startSmtpInbox, type SmtpInbox } from "../integration/harness/smtp-inbox";
import { buildDocx, mergeField, p, t } from "../unit/shared/merge/docx-builder";
import { screenshotsDir } from "./screenshots-dir";

jest.setTimeout(120_000);

const SCREENSHOTS = screenshotsDir();
const WIDTH = 350;
const TENANT = "contoso";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const contacts: [no: string, name: string, language: "en-US" | "da-DK"][] = [
  ["KT2001", "Anna Holm", "en-US"],
  ["KT2002", "Bo Lund", "en-US"],
  ["KT2003", "Cai Dahl", "en-US"],
  ["KT2011", "Dorthe Kjær", "da-DK"],
  ["KT2012", "Erik Juhl", "da-DK"],
];
const addressOf = (no: string) => `${no.toLowerCase()}@example.dk`;

let server: StaticServer;
let api: ApiChild;
let azurite: LocalAzurite | undefined;
let inbox: SmtpInbox;
let browser: Browser;
let token: string;
let dataDir: string;
const violations: Record<string, string[]> = {};
const pages: Page[] = [];

// A failing step leaves a picture of the pane behind: what did it show?
afterEach(async () => {
  const page = pages.pop();
  if (page && !page.isClosed())
    await page.screenshot({
      path: path.join(os.tmpdir(), "mergeline-e2e-delivery-last.png"),
      fullPage: true,
    });
});

const axe = async (page: Page, view: string) => {
  // Fluent's tabster sentinels: a known false positive (see pane.test.ts). The e-mail preview's
  // body is the letter's own HTML in a frame sandboxed without scripts: axe cannot run inside
  // it (waiting for it to would never end), and it is the letter, not the pane.
  const result = await new AxeBuilder({ page })
    .exclude("[data-tabster-dummy]")
    .exclude("iframe[sandbox]")
    .analyze();
  violations[view] = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
};

/** Asks until `read` passes `ok` : for what is not on the screen (the SMTP server's inbox). */
const poll = <T>(read: () => Promise<T> | T, ok: (value: T) => boolean, what: string) =>
  pollUntil(read, ok, what, 30_000);

/** The views at a narrow pane, Word's pane and a wide window; nothing may scroll sideways. */
const shotsAtWidths = async (page: Page, name: string) => {
  for (const width of [320, 350, 1280]) {
    await page.setViewportSize({ width, height: 760 });
    // Motion is off (reducedMotion) and the caret hidden: the picture is of the end state.
    await page.screenshot({
      path: path.join(SCREENSHOTS, `${name}-${width}.png`),
      fullPage: true,
      caret: "hide",
    });
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    const sideways = scrollWidth > clientWidth ? `${scrollWidth} > ${clientWidth}` : "none";
    expect({ name, width, sideways }).toEqual({ name, width, sideways: "none" });
  }
  await page.setViewportSize({ width: WIDTH, height: 760 });
};

/** Until the element has the keyboard focus (dialogs give it back to their opener). */
const focused = (target: Locator, what: string) =>
  poll(
    () => target.evaluate((e) => e === document.activeElement).catch(() => false),
    (yes) => yes,
    `focus on ${what}`,
  );

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

const letter = (greeting: string) =>
  buildDocx({ body: p(t(`${greeting} `), mergeField("First Name"), t(",")) + p(t("Spring!")) });

beforeAll(async () => {
  inbox = await startSmtpInbox({ user: "mergeline", password: "secret" });
  process.env["MERGELINE_MAIL_TRANSPORT"] = "smtp";
  process.env["SMTP_URL"] = inbox.url;
  process.env["MERGELINE_MAIL_FROM"] = "marketing@contoso.example";

  dataDir = mkdtempSync(path.join(os.tmpdir(), "mergeline-e2e-delivery-"));
  const port = await freePort();
  const apiUrl = `http://127.0.0.1:${port}/api`;
  // Blobs for the letters and the send queue the API's poller runs.
  azurite = await startAzurite({ location: path.join(dataDir, "azurite") });
  process.env["AZURE_STORAGE_CONNECTION_STRING"] = azurite.connectionString;
  // The static server's origin, which the API allows for CORS, is known before the build ends.
  const served = path.join(dataDir, "pane");
  server = await startStaticServer(served, productionPaneHeaders(apiUrl));
  // The API, the build (scripts/pane-build.ts keeps one per source tree) and the browser start
  // side by side. Each is kept as soon as it is up, so afterAll stops it even when the set-up
  // fails half way.
  await Promise.all([
    startApiChild({ port, dataDir, corsOrigin: server.origin }).then((started) => (api = started)),
    buildPane(served, apiUrl),
    launchChromium().then((started) => (browser = started)),
  ]);
  token = await api.token(TENANT, "demo.user@mergeline.dev");
  const call = apiCaller(api.apiUrl, token);
  await Promise.all([
    call("POST", "/salespeople", { code: "JH", name: "Jonas Holm" }),
    call("POST", "/interaction-templates", {
      code: "MAIL",
      description: "Spring mail",
      correspondenceType: "email",
    }),
    ...contacts.map(([no, name, languageCode]) =>
      call("POST", "/contacts", {
        no,
        type: "person",
        name,
        firstName: name.split(" ")[0],
        surname: name.split(" ")[1],
        email: addressOf(no),
        correspondenceType: "email",
        languageCode,
        city: languageCode === "da-DK" ? "Aarhus C" : "London",
      }),
    ),
  ]);
  // The template's letter in each language: what every e-mail line's message is made from.
  const upload = async (language: string, bytes: Uint8Array) => {
    const response = await fetch(
      `${api.apiUrl}/interaction-templates/MAIL/attachments/${language}`,
      {
        method: "PUT",
        headers: { authorization: `Bearer ${token}`, "content-type": DOCX },
        body: new Uint8Array(bytes),
      },
    );
    if (!response.ok)
      throw new Error(`letter ${language}: ${response.status} ${await response.text()}`);
  };
  // Before the lines are made: a line takes its contact's language when the template has a
  // letter in it (as Business Central does), else the segment's.
  // One after the other: both change the one template.
  await upload("en-US", letter("Dear"));
  await upload("da-DK", letter("Kære"));
  await Promise.all([
    ...(
      [
        ["MG-MAIL", "Spring mail", "London"],
        ["MG-POST", "Forårsmail", "Aarhus C"],
      ] as const
    ).map(async ([no, description, city]) => {
      await call("POST", "/segments", {
        no,
        description,
        salespersonCode: "JH",
        interactionTemplateCode: "MAIL",
      });
      await call("POST", `/segments/${no}/add-contacts`, {
        filter: { kind: "field", field: "city", filter: city },
      });
    }),
    // An open segment with two of the English contacts: a logged segment can no longer be
    // opened, so their interaction log (Resend) and their opt-out are reached from here.
    (async () => {
      await call("POST", "/segments", {
        no: "MG-NEXT",
        description: "Summer mail",
        salespersonCode: "JH",
        interactionTemplateCode: "MAIL",
      });
      for (const contactNo of ["KT2001", "KT2002"])
        await call("POST", "/segments/MG-NEXT/lines", { contactNo });
    })(),
  ]);
}, 150_000);

afterAll(async () => {
  await browser?.close();
  await api?.close();
  await server?.close();
  await azurite?.close();
  await inbox?.close();
  delete process.env["AZURE_STORAGE_CONNECTION_STRING"];
  delete process.env["MERGELINE_MAIL_TRANSPORT"];
  delete process.env["SMTP_URL"];
  delete process.env["MERGELINE_MAIL_FROM"];
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
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
  // Every wait is for a condition; one that never comes fails here with what was awaited.
  page.setDefaultTimeout(40_000);
  pages.push(page);
  const errors = collectPageErrors(page);
  await page.goto(`${server.origin}/taskpane.html`);
  return { page, errors, context };
};

const unexpected = (line: string) =>
  !/Failed to load resource.*(404|422|501)/.test(line) && !line.startsWith("console: Warning:");

/** What the SMTP server received for a subject: one address per message. */
const received = (subject: string) =>
  inbox.received.filter((m) => m.parsed.subject === subject).flatMap((m) => m.to);

describe("e-mail delivery in the pane, against the local API and a real SMTP server", () => {
  it("logs with Send attachments after a preview, follows the job, resends an entry and opts a contact out, in English", async () => {
    const { page, errors, context } = await openPane("en-US");
    await press(page.getByRole("button", { name: "Open segment MG-MAIL Spring mail" }));
    await page.getByText("Cai Dahl").waitFor();

    // Log, with Send attachments: a short text with a merge field, the letter attached as Word.
    await openSegmentTab(page, "Log", true);
    await page.getByText("All 3 lines are ready to log.").waitFor();
    await press(page.getByRole("checkbox", { name: "Send attachments" }), "Space");
    await press(page.getByRole("radio", { name: "PDF", exact: true }), "ArrowRight");
    expect(await page.getByRole("radio", { name: "Word (.docx)" }).isChecked()).toBe(true);
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
      "the field in the short text",
    );
    await focused(text, "the short text after the field went in");
    await page.getByRole("textbox", { name: "Subject" }).focus();
    await page.keyboard.type("Spring news");
    await axe(page, "en-US send attachments");
    await shotsAtWidths(page, "en-US-delivery-send-attachments");

    // Preview: Anna's e-mail, then Bo's; Escape gives the focus back to Preview.
    const previewButton = page.getByRole("button", { name: "Preview e-mail" });
    await press(previewButton);
    const preview = page.getByRole("dialog", { name: "Preview e-mail" });
    await preview.getByText(addressOf("KT2001")).waitFor();
    await preview.getByText("Spring news").waitFor();
    await preview.getByText(/\.docx \(/).waitFor();
    expect(await preview.locator("iframe").getAttribute("sandbox")).toBe("");
    // The body is read from the frame's source: the sandboxed frame runs no script, not even
    // Playwright's, so its text cannot be asked for.
    expect(await preview.locator("iframe").getAttribute("srcdoc")).toContain("Dear Anna");
    await axe(page, "en-US e-mail preview");
    await shotsAtWidths(page, "en-US-delivery-preview");
    await selectByKeyboard(preview.getByRole("combobox", { name: "Contact" }), "Bo", "Bo Lund");
    await preview.getByText(addressOf("KT2002")).waitFor();
    await page.keyboard.press("Escape");
    await preview.waitFor({ state: "detached" });
    await focused(previewButton, "Preview e-mail");

    // Log: the send job's progress, then its lines, each Sent.
    await press(page.getByRole("button", { name: "Log", exact: true }));
    await page.getByRole("heading", { name: "Sending" }).waitFor();
    await page.getByRole("progressbar").first().waitFor();
    await page.getByText("Finished", { exact: true }).waitFor();
    await page.getByText("Sent: 3").waitFor();
    await page.getByText("3 of 3 lines handled").waitFor();
    const deliveries = page.getByRole("list", { name: "Deliveries" });
    for (const [, name] of contacts.slice(0, 3)) await deliveries.getByText(name).waitFor();
    expect(await deliveries.getByText("Sent", { exact: true }).count()).toBe(3);
    await axe(page, "en-US send job done");
    await shotsAtWidths(page, "en-US-delivery-job-done");

    // Exactly one message to each, with the subject, the short text and the letter as .docx.
    await poll(
      () => received("Spring news").length,
      (n) => n >= 3,
      "three messages",
    );
    expect(received("Spring news").sort()).toEqual(["KT2001", "KT2002", "KT2003"].map(addressOf));
    for (const mail of inbox.received) {
      expect(mail.parsed.text).toMatch(/^Dear (Anna|Bo|Cai)/);
      expect(mail.parsed.attachments.map((a) => a.filename)).toEqual([
        expect.stringMatching(/\.docx$/),
      ]);
    }

    // The logged segment's deliveries, from the list of logged segments; Escape goes back.
    await press(page.getByRole("button", { name: "Logged segments" }));
    const actions = page.getByRole("button", { name: /^Actions for logged segment/ }).first();
    await menuItemByKeyboard(page, actions, "Delivery…");
    const drawer = page.getByRole("dialog", { name: /^Delivery of \d+: MG-MAIL Spring mail$/ });
    await drawer.getByText("Sent: 3").waitFor();
    await axe(page, "en-US logged segment delivery");
    await shotsAtWidths(page, "en-US-delivery-logged-segment");
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "detached" });

    // Resend Anna's entry by e-mail from her interaction log (from a segment still open): one
    // more message, to her only.
    await press(page.getByRole("button", { name: "Segments", exact: true }));
    await press(page.getByRole("button", { name: "Open segment MG-NEXT Summer mail" }));
    const annaActions = page.getByRole("button", { name: "Actions for Anna Holm" });
    await menuItemByKeyboard(page, annaActions, "Interaction log");
    const log = page.getByRole("dialog", { name: "Interaction log: Anna Holm" });
    await log.getByText("Delivery: sent").waitFor();
    const resend = log.getByRole("button", { name: /^Resend entry \d+ by e-mail$/ });
    await press(resend);
    await log.getByText("Sent: 1").waitFor();
    await log.getByText("Finished", { exact: true }).waitFor();
    // The button stayed focusable while it worked: the focus, and the side panel, stayed.
    await focused(resend, "Resend by e-mail");
    await axe(page, "en-US resend entry");
    await shotsAtWidths(page, "en-US-delivery-resend-entry");
    // The resend goes with the line's own subject (no Send choices are asked for one entry).
    const toAnna = () => inbox.received.filter((m) => m.to.includes(addressOf("KT2001")));
    await poll(
      () => toAnna().length,
      (n) => n >= 2,
      "the resent message",
    );
    expect(inbox.received).toHaveLength(4);
    await page.keyboard.press("Escape");
    await log.waitFor({ state: "detached" });

    // Bo opts out of e-mail: saved, badged, and undone.
    const boActions = page.getByRole("button", { name: "Actions for Bo Lund" });
    await menuItemByKeyboard(page, boActions, "E-mail opt-out…");
    const optOut = page.getByRole("dialog", { name: "E-mail opt-out: Bo Lund" });
    await press(optOut.getByRole("switch", { name: "Opted out of e-mail" }), "Space");
    await axe(page, "en-US opt-out dialog");
    await shotsAtWidths(page, "en-US-delivery-opt-out");
    await press(optOut.getByRole("button", { name: "Save" }));
    await optOut.waitFor({ state: "detached" });
    await page.getByText("Bo Lund is opted out of e-mail.").waitFor();
    const badge = page.getByRole("row", { name: /Bo Lund/ }).getByText("No e-mail");
    await badge.waitFor();
    await axe(page, "en-US opted out");
    await shotsAtWidths(page, "en-US-delivery-opted-out-line");
    await press(page.getByRole("button", { name: "Undo" }));
    await badge.waitFor({ state: "detached" });
    await page.getByText("Bo Lund is opted out of e-mail.").waitFor({ state: "detached" });
    const bo = await apiCaller(api.apiUrl, token)<{ emailOptOut?: boolean }>(
      "GET",
      "/contacts/KT2002",
    );
    expect(bo.emailOptOut).toBe(false);

    expect(errors.filter(unexpected)).toEqual([]);
    await context.close();
  });

  it("sends a logged segment from its Delivery panel, the letter as the e-mail's text, in Danish", async () => {
    const { page, errors, context } = await openPane("da-DK");
    await press(page.getByRole("button", { name: "Åbn målgruppe MG-POST Forårsmail" }));
    await page.getByText("Erik Juhl").waitFor();
    // Logged without sending: the e-mail goes out afterwards, from the logged segment.
    await openSegmentTab(page, "Logfør", true);
    await page.getByText("Alle 2 linjer er klar til logføring.").waitFor();
    await press(page.getByRole("button", { name: "Logfør", exact: true }));
    await page
      .getByText(/Logført målgruppe \d+/)
      .first()
      .waitFor();

    await press(page.getByRole("button", { name: "Logførte målgrupper" }));
    const actions = page.getByRole("button", { name: /^Handlinger for logført målgruppe/ }).first();
    await menuItemByKeyboard(page, actions, "Levering…");
    const drawer = page.getByRole("dialog", { name: /^Levering af \d+: MG-POST Forårsmail$/ });
    await drawer.getByText("Der er endnu ikke sendt noget for denne logførte målgruppe.").waitFor();
    await press(drawer.getByRole("button", { name: "Send som e-mail…" }));
    // The letter as the e-mail's text: the second choice, by arrow key.
    await press(
      drawer.getByRole("radio", { name: "Kort e-mail med brevet vedhæftet" }),
      "ArrowDown",
    );
    expect(
      await drawer.getByRole("radio", { name: "Brevet som e-mailens tekst" }).isChecked(),
    ).toBe(true);
    await drawer.getByRole("textbox", { name: "Emne" }).focus();
    await page.keyboard.type("Forårsnyt");
    await axe(page, "da-DK send logged segment");
    await shotsAtWidths(page, "da-DK-delivery-send-logged");
    await press(drawer.getByRole("button", { name: "Send", exact: true }));
    await drawer.getByText("Færdig", { exact: true }).waitFor();
    await drawer.getByText("Sendt: 2").waitFor();
    const deliveries = drawer.getByRole("list", { name: "Leveringer" });
    for (const name of ["Dorthe Kjær", "Erik Juhl"]) await deliveries.getByText(name).waitFor();
    await axe(page, "da-DK send job done");
    await shotsAtWidths(page, "da-DK-delivery-job-done");
    await poll(
      () => received("Forårsnyt").length,
      (n) => n >= 2,
      "two Danish messages",
    );
    expect(received("Forårsnyt").sort()).toEqual(["KT2011", "KT2012"].map(addressOf));
    for (const mail of inbox.received.filter((m) => m.parsed.subject === "Forårsnyt")) {
      expect(mail.parsed.text).toMatch(/^Kære (Dorthe|Erik),/);
      expect(mail.parsed.attachments).toEqual([]);
    }
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "detached" });

    expect(errors.filter(unexpected)).toEqual([]);
    await context.close();
  });

  afterAll(() => {
    const failing = Object.fromEntries(Object.entries(violations).filter(([, v]) => v.length));
    expect(Object.keys(violations).length).toBeGreaterThan(0);
    expect(failing).toEqual({});
  });
});
