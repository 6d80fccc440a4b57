/**
 * Number boxes in the user's locale, end to end in headless Chromium at 350 px: a segment's Cost
 * of 12.5 shows as "12,5" on a Danish pane and "12.5" on an English one; "12.5" typed on the
 * Danish pane is asked about with the field named; "1.234,50" is saved as 1234.5. Pictures at
 * 320, 350 and 1,280 px in both languages go to MERGELINE_SCREENSHOTS_DIR/profile16.
 */
import type { Browser } from "playwright-core";
import {
  apiCaller,
  collectPageErrors,
  paneContext,
  type ApiChild,
  type StaticServer,
} from "../../scripts/e2e-stack";
import { startPaneStack, type PaneStack } from "../../scripts/pane-stack";
import { shotsAtWidths } from "./shots-at-widths";
import { screenshotsDir } from "./screenshots-dir";

jest.setTimeout(180_000);
// The pane is built with webpack for the test: on a busy machine that alone takes minutes.
const SETUP_MS = 400_000;

const SHOTS = screenshotsDir("profile16");
const TENANT = "contoso";

let stack: PaneStack | undefined;
let server: StaticServer;
let api: ApiChild;
let browser: Browser;
let token: string;
let call: ReturnType<typeof apiCaller>;

beforeAll(async () => {
  stack = await startPaneStack();
  ({ server, api, browser } = stack);
  token = await api.token(TENANT, "demo.user@mergeline.dev");
  call = apiCaller(api.apiUrl, token);
  await call("POST", "/segments", {
    no: "MG-TAL",
    description: "Tal",
    unitCost: 12.5,
    unitDuration: 7.5,
  });
}, SETUP_MS);

afterAll(() => stack?.close());

const openDetails = async (language: string) => {
  const context = await paneContext(browser, {
    token,
    width: 350,
    height: 760,
    word: { displayLanguage: language },
  });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`${server.origin}/taskpane.html`);
  await page
    .getByRole("button", { name: /MG-TAL/ })
    .first()
    .click();
  const details = language.startsWith("da") ? "Oplysninger" : "Details";
  await page.getByRole("button", { name: details }).click();
  const form = page.getByRole("form", { name: details });
  await form.waitFor();
  return { page, form, errors, context };
};

describe("number boxes in the user's locale", () => {
  it("shows, asks about and saves a Danish cost the Danish way", async () => {
    const { page, form, errors, context } = await openDetails("da-DK");
    const cost = form.getByLabel("Omkostning (RV)");
    expect(await cost.inputValue()).toBe("12,5");
    expect(await form.getByLabel("Varighed (min.)").inputValue()).toBe("7,5");
    await shotsAtWidths(page, SHOTS, "da-DK-cost");

    await cost.fill("12.5");
    await form.getByRole("button", { name: "Gem" }).click();
    await form
      .getByText('Omkostning (RV): "12.5" kan læses på to måder. Mente du 12,5?', { exact: false })
      .waitFor();
    await shotsAtWidths(page, SHOTS, "da-DK-cost-asked", { widths: [320, 350] });

    await cost.fill("1.234,50");
    await form.getByRole("button", { name: "Gem" }).click();
    await form.getByText("Gemt.").waitFor();
    expect(await cost.inputValue()).toBe("1.234,5");
    const saved = await call<{ unitCost: number }>("GET", "/segments/MG-TAL");
    expect(saved.unitCost).toBe(1234.5);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the same cost the English way", async () => {
    const { etag } = await call<{ etag: string }>("GET", "/segments/MG-TAL");
    await call("PATCH", "/segments/MG-TAL", { unitCost: 12.5 }, { "if-match": etag });
    const { page, form, context } = await openDetails("en-US");
    expect(await form.getByLabel("Cost (LCY)").inputValue()).toBe("12.5");
    await shotsAtWidths(page, SHOTS, "en-US-cost");
    await context.close();
  });
});
