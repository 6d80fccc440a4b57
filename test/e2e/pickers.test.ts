/**
 * The criteria builder's code pickers end to end (issue 16), in headless Chromium at 320 px, with
 * the keyboard only: a Profile criterion (questionnaire, question, two answers ticked) and a Segment
 * membership criterion are built by typing into each picker, arrowing to a suggestion and
 * pressing Enter; the live count then counts the two contacts both fit, and Apply adds them. Word
 * (the stand-in) in English and a plain browser tab in Danish. At every step nothing scrolls
 * sideways (document scrollWidth <= clientWidth) and axe-core finds no serious or critical
 * violation; screenshots at 320, 350 and 1280 px. Last, the segment's Language Code is picked
 * the same way in Details.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import {
  OFFICE_JS_URL,
  apiCaller,
  collectPageErrors,
  openSegmentTab,
  paneContext,
  poll,
  press,
  type ApiChild,
  type StaticServer,
} from "../../scripts/e2e-stack";
import { startPaneStack, type PaneStack } from "../../scripts/pane-stack";
import { layoutProblems } from "./layout-problems";
import { daDK } from "../../addin/i18n/da-DK";
import { formatMessage } from "../../addin/i18n/format-message";
import { enUS, type Messages } from "../../addin/i18n/en-US";

jest.setTimeout(180_000);

const SCREENSHOTS = path.resolve(
  __dirname,
  "../..",
  process.env["MERGELINE_SCREENSHOTS_DIR"] ?? "test-results/screenshots/pickers",
);
const HEIGHT = 760;
const TENANT = "demo";

type Host = "word" | "browser";
type Language = "en-US" | "da-DK";
const catalogs: Record<Language, Messages> = { "en-US": enUS, "da-DK": daDK };
const targetSegment: Record<Language, string> = { "en-US": "PICK-EN", "da-DK": "PICK-DA" };

// Large or Medium, and on SUMMER: KT2001 and KT2004 fit both criteria.
const contacts = [
  ["KT2001", "Ida Large Summer", "Large", true],
  ["KT2002", "Ole Large Only", "Large", false],
  ["KT2003", "Eva Small Summer", "Small", true],
  ["KT2004", "Bo Medium Summer", "Medium", true],
] as const;

let stack: PaneStack | undefined;
let server: StaticServer;
let api: ApiChild;
let browser: Browser;

beforeAll(async () => {
  stack = await startPaneStack({ mode: "development" });
  ({ server, api, browser } = stack);
  const call = apiCaller(api.apiUrl, await api.token(TENANT, "demo.user@mergeline.dev"));
  await call("POST", "/profile-questionnaires", {
    code: "CUSTOMER",
    description: "Customer profile",
    descriptionDa: "Kundeprofil",
    questions: [
      {
        description: "Company size",
        descriptionDa: "Virksomhedsstørrelse",
        answers: [
          { description: "Small", descriptionDa: "Lille" },
          { description: "Large", descriptionDa: "Stor" },
          { description: "Medium", descriptionDa: "Mellem" },
        ],
      },
    ],
  });
  await call("POST", "/segments", { no: "SUMMER", description: "Summer fair" });
  for (const [no, name, size, summer] of contacts) {
    await call("POST", "/contacts", {
      no,
      type: "person",
      name,
      profileAnswers: [{ questionnaire: "CUSTOMER", question: "Company size", answer: size }],
    });
    if (summer) await call("POST", "/segments/SUMMER/lines", { contactNo: no });
  }
  for (const no of Object.values(targetSegment))
    await call("POST", "/segments", { no, description: `Pickers ${no}` });
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 150_000);

afterAll(() => stack?.close());

const fill = (text: string, values: Record<string, string>) =>
  text.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? "");

const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, caret: "hide" });

/** Types into the box, arrows down until the wanted suggestion is the active one, presses Enter. */
const chooseWithKeys = async (
  page: Page,
  box: Locator,
  typed: string,
  option: string,
): Promise<void> => {
  await box.focus();
  await page.keyboard.type(typed);
  // What was typed is the search, whatever the box showed before ("(none)", an earlier pick).
  expect(await box.inputValue()).toBe(typed);
  const wanted = page.getByRole("option", { name: option, exact: true });
  await wanted.waitFor();
  const wantedId = await wanted.getAttribute("id");
  await poll(
    async () => {
      if ((await box.getAttribute("aria-activedescendant")) !== wantedId)
        await page.keyboard.press("ArrowDown");
      return box.getAttribute("aria-activedescendant");
    },
    (active) => active === wantedId,
    `arrow down to "${option}"`,
    10_000,
  );
  await page.keyboard.press("Enter");
};

/**
 * A keyboard user's pick: type into the box, arrow down until the wanted suggestion is the
 * active one, press Enter; the box then shows the pick.
 */
const pickWithKeys = async (
  page: Page,
  box: Locator,
  typed: string,
  option: string,
): Promise<void> => {
  await chooseWithKeys(page, box, typed, option);
  await poll(
    () => box.inputValue(),
    (v) => v === option,
    `the box shows "${option}"`,
    10_000,
  );
};

/**
 * A keyboard user ticks an answer in a multi-select: type, arrow down to it, Enter; it then
 * stands as a tag among those ticked and the box is empty for the next.
 */
const tickWithKeys = async (
  page: Page,
  box: Locator,
  ticked: Locator,
  typed: string,
  option: string,
): Promise<void> => {
  await chooseWithKeys(page, box, typed, option);
  await ticked.getByText(option, { exact: true }).waitFor();
};

const cases: [Host, Language][] = [
  ["word", "en-US"],
  ["browser", "da-DK"],
];

describe.each(cases)("the code pickers in the %s host in %s", (host, language) => {
  it("build a Profile and a Segment membership criterion with the keyboard at 320 px", async () => {
    const m = catalogs[language];
    const danish = language === "da-DK";
    const segmentNo = targetSegment[language];
    const context = await paneContext(browser, {
      width: 320,
      height: HEIGHT,
      word: { displayLanguage: language, title: "Letter", paragraphs: ["Dear ,"] },
    });
    if (host === "browser")
      await context.route(OFFICE_JS_URL, (route) =>
        route.fulfill({ status: 200, contentType: "text/javascript", body: "" }),
      );
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${server.origin}/taskpane.html`);
    const name = (step: string) => `${host}-${language}-${step}`;
    const problems: string[] = [];

    await press(
      page.getByRole("button", {
        name: fill(m["segments.list.open"], { no: segmentNo, description: `Pickers ${segmentNo}` }),
      }),
    );
    await openSegmentTab(page, m["shell.tab.criteria"], true);
    await press(page.getByRole("button", { name: m["criteria.add"] }));
    await page.getByRole("button", { name: m["criteria.apply"], exact: true }).waitFor();

    // Profile: questionnaire, then its question, then two of the question's answers.
    await press(page.getByRole("button", { name: m["criteria.section.profile"], exact: true }));
    await press(page.getByRole("button", { name: m["criteria.profile.add"] }));
    const row = page.getByRole("group", { name: fill(m["criteria.profile.row"], { n: "1" }) });
    const questionnaire = row.getByRole("combobox", {
      name: m["criteria.profile.questionnaire"],
      exact: true,
    });
    await questionnaire.focus();
    await page.keyboard.type("cus");
    await page.getByRole("option", { name: /CUSTOMER/ }).waitFor();
    problems.push(...(await layoutProblems(page, "questionnaire suggestions")));
    await shot(page, name("questionnaire-open-320"));
    await questionnaire.fill("");
    await pickWithKeys(
      page,
      questionnaire,
      "cust",
      danish ? "CUSTOMER – Kundeprofil" : "CUSTOMER – Customer profile",
    );
    await pickWithKeys(
      page,
      row.getByRole("combobox", { name: m["criteria.profile.question"], exact: true }),
      "size",
      danish ? "Company size – Virksomhedsstørrelse" : "Company size",
    );
    const answers = row.getByRole("combobox", { name: m["criteria.profile.answer"], exact: true });
    const ticked = row.getByRole("listbox", {
      name: fill(m["criteria.profile.answersChosen"], { label: m["criteria.profile.answer"] }),
    });
    await tickWithKeys(page, answers, ticked, "lar", danish ? "Large – Stor" : "Large");
    await tickWithKeys(page, answers, ticked, "med", danish ? "Medium – Mellem" : "Medium");
    problems.push(...(await layoutProblems(page, "two answers ticked")));
    await shot(page, name("profile-answers-320"));

    // Segment membership: contacts on SUMMER.
    await press(page.getByRole("button", { name: m["criteria.section.membership"], exact: true }));
    await press(page.getByRole("button", { name: m["criteria.membership.add"] }));
    const member = page.getByRole("combobox", {
      name: fill(m["criteria.membership.value"], { n: "1" }),
    });
    await member.focus();
    await page.keyboard.type("zzz");
    await page.getByText(fill(m["pickers.noneFound"], { search: "zzz" })).waitFor();
    problems.push(...(await layoutProblems(page, "membership none found")));
    await shot(page, name("membership-none-320"));
    await member.fill("");
    await pickWithKeys(page, member, "sum", "SUMMER – Summer fair");

    const count = formatMessage(language, m["criteria.count.add"], { count: 2 });
    await page.getByTestId("live-count").filter({ hasText: count }).waitFor();
    problems.push(...(await layoutProblems(page, "both criteria at 320")));
    for (const width of [320, 350, 1280]) {
      await page.setViewportSize({ width, height: HEIGHT });
      await page.waitForTimeout(150);
      if (width !== 320)
        problems.push(...(await layoutProblems(page, `both criteria at ${width}`)));
      await shot(page, name(`criteria-${width}`));
    }
    await page.setViewportSize({ width: 320, height: HEIGHT });

    await press(page.getByRole("button", { name: m["criteria.apply"], exact: true }));
    await openSegmentTab(page, m["shell.tab.lines"], true);
    await page.getByText(contacts[0][1]).first().waitFor();
    await page.getByText(contacts[3][1]).first().waitFor();
    expect(await page.getByText(contacts[1][1]).count()).toBe(0);
    expect(await page.getByText(contacts[2][1]).count()).toBe(0);
    // The action in words: the answers ticked, joined by "or".
    await openSegmentTab(page, m["shell.tab.criteria"], true);
    await page
      .getByText(
        danish
          ? "Profil: Company size er Large eller Medium"
          : "Profile: Company size is Large or Medium",
        { exact: false },
      )
      .first()
      .waitFor();
    await openSegmentTab(page, m["shell.tab.lines"], true);

    // The segment's Language Code, picked from the languages in the pane's language.
    await press(page.getByRole("button", { name: m["segments.header.title"] }));
    const languageBox = page
      .getByRole("form", { name: m["segments.header.title"] })
      .getByRole("combobox", { name: m["segments.field.language"] });
    await pickWithKeys(
      page,
      languageBox,
      danish ? "dansk" : "danish",
      danish ? "da-DK – dansk (Danmark)" : "da-DK – Danish (Denmark)",
    );
    for (const width of [320, 350, 1280]) {
      await page.setViewportSize({ width, height: HEIGHT });
      await page.waitForTimeout(150);
      problems.push(...(await layoutProblems(page, `details with a language at ${width}`)));
      await shot(page, name(`details-language-${width}`));
    }

    expect(problems).toEqual([]);
    expect(errors.filter((line) => !/Failed to load resource.*(404|501)/.test(line))).toEqual([]);
    await context.close();
  });
});
