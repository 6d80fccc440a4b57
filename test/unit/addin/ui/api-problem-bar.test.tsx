import { Problem } from "@shared/model/problem";
import type { SegmentBusy } from "@shared/model/segment-busy";
import { fireEvent, screen, within } from "@testing-library/react";
import { createApiClient } from "../../../../addin/api/client";
import { ApiContractError, ApiError } from "../../../../addin/api/errors";
import { ApiProblemBar } from "../../../../addin/ui/api-problem-bar";
import { localizeProblem } from "../../../../addin/ui/problem-texts";
import { englishCatalogIn } from "../english-catalog";
import { createFakeApi, segmentBusy } from "../fake-api";
import { BASE_URL, renderPane, seriousViolations } from "../render-pane";

/** A moment of today on the user's clock (today's times show without a date). */
const today = (hour: number, minute: number) => {
  const moment = new Date();
  moment.setHours(hour, minute, 11, 123);
  return moment.toISOString();
};
const facts = (over: Partial<SegmentBusy> = {}): SegmentBusy => ({
  holder: "Alice Jensen",
  byYou: false,
  operation: "addContacts",
  since: today(12, 2),
  leaseUntil: today(12, 4),
  ...over,
});
/** The 409 as the API client hands it on: read through the contract, not yet localized. */
const refusal = (busy?: SegmentBusy) =>
  new ApiError(409, Problem.parse(segmentBusy(busy).body), "addContacts");

const renderBar = (error: unknown, language: string, onRepeat?: () => void) =>
  renderPane(<ApiProblemBar error={error} {...(onRepeat ? { onRepeat } : {})} />, {
    fetch: createFakeApi({}).fetch,
    language,
  });

const iso = /\d{4}-\d\d-\d\dT\d\d:\d\d/;
const barText = () => document.body.textContent ?? "";

describe("the segment is busy, in the problem bar", () => {
  it("says in English who does what and until when, and offers Try again", async () => {
    const repeat = jest.fn();
    renderBar(refusal(facts()), "en-US", repeat);
    expect(screen.getByText("The segment is busy")).toBeTruthy();
    expect(barText()).toMatch(
      /Alice Jensen is adding contacts to this segment \(since 12:02\sPM\)\. Try again after 12:04\sPM\./,
    );
    expect(barText()).not.toMatch(iso);
    expect(barText()).not.toMatch(/lease|is busy:|\bno: /);
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(repeat).toHaveBeenCalledTimes(1);
    expect(await seriousViolations()).toEqual([]);
  });

  it("says it in Danish with Danish times and no English at all", () => {
    renderBar(refusal(facts()), "da-DK", () => undefined);
    expect(screen.getByText("Målgruppen er optaget")).toBeTruthy();
    expect(barText()).toMatch(
      /Alice Jensen er ved at tilføje kontakter til målgruppen \(siden 12\.02\)\. Prøv igen efter 12\.04\./,
    );
    expect(screen.getByRole("button", { name: "Prøv igen" })).toBeTruthy();
    expect(barText()).not.toMatch(iso);
    expect(barText()).not.toMatch(/busy|lease|someone|adding/i);
    expect(englishCatalogIn(barText())).toEqual([]);
  });

  it("tells the user it is their own other window", () => {
    renderBar(refusal(facts({ byYou: true, operation: "log" })), "da-DK");
    expect(barText()).toMatch(/Du er ved at logføre målgruppen i et andet vindue \(siden /);
    // Nothing to repeat where the caller offers nothing.
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("shows the general line for a server older than the facts, in either language", () => {
    const { unmount } = renderBar(refusal(), "en-US");
    expect(barText()).toContain("Someone else is changing the segment: try again in a moment.");
    expect(barText()).not.toMatch(iso);
    unmount();
    renderBar(refusal(), "da-DK");
    expect(barText()).toContain("En anden ændrer målgruppen: prøv igen om et øjeblik.");
    expect(barText()).not.toMatch(iso);
    expect(englishCatalogIn(barText())).toEqual([]);
  });
});

/** A refusal as the pane's client hands it on: read, then said in the pane's language. */
const refusedBy = async (language: string, status: number, problem: Problem) => {
  const { fetch } = createFakeApi({ getSegment: () => ({ status, body: problem }) });
  const client = createApiClient({
    baseUrl: BASE_URL,
    fetch,
    describeProblem: localizeProblem(language),
  });
  return client("getSegment", { params: { no: "S10" } }).catch((error: unknown) => error);
};

const notFound: Problem = {
  type: "https://mergeline.dev/problems/not-found",
  title: "Not found",
  status: 404,
  detail: "Segment S10 does not exist.",
  instance: "5b1e0c7a-9d2f-4c1b-8e6a-2f3d4c5b6a7e",
};

describe("a problem without fields, in the problem bar", () => {
  it("says in Danish what happened and what to do, with the server's words folded away", async () => {
    renderBar(await refusedBy("da-DK", 404, notFound), "da-DK");
    expect(screen.getByText("Findes ikke")).toBeTruthy();
    expect(barText()).toContain(
      "Det findes ikke længere; måske har en anden slettet det. Gå tilbage, og opdater listen.",
    );
    expect(barText()).not.toContain("Segment S10 does not exist.");
    expect(barText()).not.toContain(notFound.instance);
    expect(englishCatalogIn(barText())).toEqual([]);
    const toggle = screen.getByRole("button", { name: "Tekniske detaljer" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await seriousViolations()).toEqual([]);

    // Keyboard only: a native button in the tab order, which Enter and Space press in a browser
    // (jsdom does not turn a key into a click; the e2e test presses the key).
    expect(toggle.tagName).toBe("BUTTON");
    expect(toggle.tabIndex).toBe(0);
    toggle.focus();
    expect(document.activeElement).toBe(toggle);
    fireEvent.click(toggle);
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    const details = screen.getByRole("group", { name: "Tekniske detaljer til support" });
    expect(details.id).toBe(toggle.getAttribute("aria-controls"));
    expect(details.textContent).toContain("Segment S10 does not exist.");
    expect(details.textContent).toContain("HTTP 404 · not-found");
    expect(details.textContent).toContain(notFound.instance);
    expect(within(details).getByText("Segment S10 does not exist.").getAttribute("lang")).toBe(
      "en",
    );
    expect(await seriousViolations()).toEqual([]);
  });

  it("names the reference for our own failure in Danish", async () => {
    renderBar(
      await refusedBy("da-DK", 500, {
        type: "https://mergeline.dev/problems/internal",
        title: "Something went wrong on our side",
        status: 500,
        detail: "The error was logged. Try again; if it persists, contact your administrator.",
        instance: "ref-42",
      }),
      "da-DK",
    );
    expect(barText()).toContain("kontakt din administrator, og oplys referencen ref-42.");
    expect(barText()).not.toMatch(/logged|persists/);
    expect(englishCatalogIn(barText())).toEqual([]);
  });

  it("shows the server's own detail in English, as before, with nothing folded", async () => {
    renderBar(await refusedBy("en-US", 404, notFound), "en-US");
    expect(screen.getByText("Not found")).toBeTruthy();
    expect(barText()).toContain("Segment S10 does not exist.");
    expect(screen.queryByRole("button", { name: "Technical details" })).toBeNull();
  });

  it("lists a refusal no control shows by its words, without the API's field path", async () => {
    const refused = await refusedBy("en-US", 400, {
      type: "https://mergeline.dev/problems/validation",
      title: "Invalid request",
      status: 400,
      detail: "The request has invalid fields; see errors.",
      errors: [
        { in: "path", field: "no", rule: "too_big", message: "must be at most 20 characters" },
      ],
    });
    renderBar(refused, "en-US");
    expect(barText()).toContain("At most 20 characters.");
    expect(barText()).not.toMatch(/\bno: /);
  });
});

describe("an answer that does not match the contract, in the problem bar", () => {
  const mismatch = new ApiContractError("listSegments", [
    { path: ["items", 0, "noOfLines"], message: "Invalid input: expected number, received string" },
  ]);

  it("says in Danish what to do, with the check's English folded away", async () => {
    renderBar(mismatch, "da-DK");
    expect(screen.getByText("API'ets svar passer ikke til denne version af ruden")).toBeTruthy();
    expect(barText()).toContain("Luk ruden, og åbn den igen.");
    expect(barText()).not.toContain("does not match the contract");
    expect(englishCatalogIn(barText())).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Tekniske detaljer" }));
    const details = screen.getByRole("group", { name: "Tekniske detaljer til support" });
    expect(details.textContent).toContain("items.0.noOfLines: Invalid input");
    expect(details.textContent).toContain("listSegments");
    expect(await seriousViolations()).toEqual([]);
  });
});
