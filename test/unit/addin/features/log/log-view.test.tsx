import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { LogView } from "../../../../../addin/features/log/log-view";
import { OpenSegmentProvider } from "../../../../../addin/features/segments/open-segment";
import { englishCatalogIn } from "../../english-catalog";
import { aSegment, createFakeApi, ok, problem, segmentBusy, type FakeCall } from "../../fake-api";
import { renderPane, seriousViolations } from "../../render-pane";

const loggedSegment = {
  entryNo: 7,
  segmentNo: "MG0001",
  description: "Spring letter",
  createdAt: "2026-03-02T09:00:00Z",
  userId: "demo",
  noOfInteractions: 10,
  noOfCampaignEntries: 0,
  canceled: false,
  etag: '"1"',
};

const renderLog = (fetch: typeof globalThis.fetch, language = "en-US") =>
  renderPane(
    <OpenSegmentProvider no="MG0001">
      <LogView />
    </OpenSegmentProvider>,
    { fetch, language },
  );

describe("LogView", () => {
  it("lists Log's problems per line before anything is logged", async () => {
    const fake = createFakeApi({
      getSegment: () => ok(aSegment()),
      checkLog: () =>
        ok({
          lines: 3,
          problems: [
            {
              lineNo: 2,
              contactNo: "KT0002",
              field: "contactNo",
              rule: "email_address",
              message: "No e-mail address",
            },
            {
              lineNo: 1,
              contactNo: "KT0001",
              field: "description",
              rule: "description_present",
              message: "The line has no description",
            },
            {
              lineNo: 2,
              contactNo: "KT0002",
              field: "attachment",
              rule: "attachment_exists",
              message: "The letter is missing",
            },
          ],
        }),
    });
    renderLog(fake.fetch);

    // The lines are one click away, under the groups: folded until asked for.
    const toggle = await screen.findByRole("button", { name: "Problems by line (2)" });
    expect(toggle.getAttribute("aria-expanded")).toBe("false");
    expect(screen.queryByRole("list", { name: "Problems by line" })).toBeNull();
    fireEvent.click(toggle);
    const list = await screen.findByRole("list", { name: "Problems by line" });
    const lines = within(list).getAllByText(/^Line \d+ · KT\d+$/);
    expect(lines.map((l) => l.textContent)).toEqual(["Line 1 · KT0001", "Line 2 · KT0002"]);
    // Said by rule from the line's data, in the pane's language, not the server's words.
    expect(
      within(list).getByText(
        "KT0002 has no e-mail address, but the line sends a letter by e-mail.",
      ),
    ).toBeTruthy();
    expect(
      within(list).getByText("The contact's own letter is missing from document storage."),
    ).toBeTruthy();
    expect(screen.getByText("3 problems on 3 lines: fix them, then check again.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Log" }) as HTMLButtonElement).disabled).toBe(true);
    expect(await seriousViolations()).toEqual([]);
  });

  it("shows progress while logging and keeps the Idempotency-Key across retries of one click", async () => {
    let attempts = 0;
    let finish: (() => void) | undefined;
    const base = createFakeApi({
      getSegment: () => ok(aSegment({ etag: '"42"' })),
      checkLog: () => ok({ lines: 10, problems: [] }),
      getLogStatus: () => ok({ status: "writing", written: 3, total: 10 }),
      logSegment: () =>
        new Promise((resolve) => {
          finish = () => resolve(ok({ loggedSegment, replayed: attempts > 2 }));
        }),
    });
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).endsWith("/segments/MG0001/log")) {
        attempts += 1;
        // The first attempt's answer is lost on the way back: the outcome is unknown.
        if (attempts === 1) {
          void base.fetch(input, init);
          throw new TypeError("Failed to fetch");
        }
      }
      return base.fetch(input, init);
    }) as typeof globalThis.fetch;
    renderLog(fetch);

    expect(await screen.findByText("All 10 lines are ready to log.")).toBeTruthy();
    fireEvent.click(screen.getByRole("checkbox", { name: "Create a follow-up segment" }));
    const logButton = screen.getByRole("button", { name: "Log" });
    // The first attempt: the server receives it, the answer never arrives.
    fireEvent.click(logButton);
    expect(await screen.findByText("API unreachable")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Retry logging" }));
    expect(await screen.findByText("3 of 10 interactions written")).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    finish?.();
    expect(await screen.findByText("Logged segment 7: 10 interactions.")).toBeTruthy();

    const logs: FakeCall[] = base.callsTo("logSegment");
    expect(logs).toHaveLength(2);
    const keys = logs.map((c) => c.headers["Idempotency-Key"]);
    expect(keys[0]?.length).toBeGreaterThanOrEqual(16);
    expect(keys[1]).toBe(keys[0]);
    expect(logs.map((c) => c.headers["if-match"])).toEqual(['"42"', '"42"']);
    expect(logs[1]?.body).toEqual({ followUp: true });
  });

  it("says the segment changed since it was reviewed (412), offers Reload and starts a new key", async () => {
    let etag = 1;
    const fake = createFakeApi({
      getSegment: () => ok(aSegment({ etag: `"${etag}"` })),
      checkLog: () => ok({ lines: 2, problems: [] }),
      getLogStatus: () => ok({ status: "notStarted", written: 0, total: 2 }),
      logSegment: (call) =>
        call.headers["if-match"] === '"1"'
          ? problem(412, "Changed by someone else", undefined, "Reload it")
          : ok({ loggedSegment, replayed: false }),
    });
    renderLog(fake.fetch);
    fireEvent.click(await screen.findByRole("button", { name: "Log" }));
    expect(await screen.findByText("The segment changed since you reviewed it")).toBeTruthy();
    etag = 2;
    fireEvent.click(screen.getByRole("button", { name: "Reload and check again" }));
    await waitFor(() => expect(fake.callsTo("getSegment").length).toBeGreaterThan(1));
    await waitFor(() =>
      expect((screen.getByRole("button", { name: "Log" }) as HTMLButtonElement).disabled).toBe(
        false,
      ),
    );
    fireEvent.click(screen.getByRole("button", { name: "Log" }));
    expect(await screen.findByText("Logged segment 7: 10 interactions.")).toBeTruthy();
    const [first, second] = fake.callsTo("logSegment");
    expect(second?.headers["if-match"]).toBe('"2"');
    expect(second?.headers["Idempotency-Key"]).not.toBe(first?.headers["Idempotency-Key"]);
  });

  it.each([
    ["en-US", "Problems by kind", /Choose an interaction template/],
    ["da-DK", "Problemer efter type", /Vælg en interaktionsskabelon/],
  ])(
    "shows the problems grouped by kind in %s, with the count, first lines and fix",
    async (language, label, hint) => {
      const problems = [1, 2, 3].map((lineNo) => ({
        lineNo,
        contactNo: `KT000${lineNo}`,
        field: "interactionTemplateCode",
        rule: "template_set",
        message: "no interaction template is set on the line or the segment",
      }));
      const fake = createFakeApi({
        getSegment: () => ok(aSegment()),
        checkLog: () =>
          ok({
            lines: 3,
            problems,
            groups: [
              {
                rule: "template_set",
                severity: "error",
                count: 3,
                lines: problems.map(({ lineNo, contactNo }) => ({ lineNo, contactNo })),
                message: "no interaction template is set on the line or the segment",
                hint: "Choose an interaction template.",
              },
            ],
          }),
      });
      renderLog(fake.fetch, language);
      const groups = await screen.findByRole("list", { name: label });
      const rows = within(groups).getAllByRole("listitem");
      expect(rows).toHaveLength(1);
      expect(within(rows[0] as HTMLElement).getByText("3 ×")).toBeTruthy();
      expect(within(rows[0] as HTMLElement).getByText(/KT0001, KT0002, KT0003/)).toBeTruthy();
      expect(within(rows[0] as HTMLElement).getByText(hint, { exact: false })).toBeTruthy();
      expect(await seriousViolations()).toEqual([]);
    },
  );

  it.each([
    ["en-US", "Problems by kind", /Choose a salesperson on the segment/],
    ["da-DK", "Problemer efter type", /Vælg en sælger på målgruppen/],
  ])(
    "shows lines without a salesperson as one group in %s, with the fix in the user's language",
    async (language, label, hint) => {
      const problems = [1, 2].map((lineNo) => ({
        lineNo,
        contactNo: `KT000${lineNo}`,
        field: "salespersonCode",
        rule: "salesperson_set",
        message: "no salesperson is set on the line or the segment",
      }));
      const fake = createFakeApi({
        getSegment: () => ok(aSegment()),
        checkLog: () =>
          ok({
            lines: 2,
            problems,
            groups: [
              {
                rule: "salesperson_set",
                severity: "error",
                count: 2,
                lines: problems.map(({ lineNo, contactNo }) => ({ lineNo, contactNo })),
                message: "no salesperson is set on the line or the segment",
                hint: "(the server's English hint)",
              },
            ],
          }),
      });
      renderLog(fake.fetch, language);
      const groups = await screen.findByRole("list", { name: label });
      const rows = within(groups).getAllByRole("listitem");
      expect(rows).toHaveLength(1);
      expect(within(rows[0] as HTMLElement).getByText("2 ×")).toBeTruthy();
      expect(within(rows[0] as HTMLElement).getByText(hint, { exact: false })).toBeTruthy();
    },
  );

  it("after Log the segment is history: the pane does not read it again and offers no Log", async () => {
    let logged = false;
    const fake = createFakeApi({
      getSegment: () =>
        logged
          ? problem(410, "The segment was logged", undefined, "Segment MG0001 was logged.")
          : ok(aSegment()),
      checkLog: () => ok({ lines: 10, problems: [] }),
      logSegment: () => {
        logged = true;
        return ok({ loggedSegment, replayed: false });
      },
    });
    renderLog(fake.fetch);
    const logButton = await screen.findByRole("button", { name: "Log" });
    // Opening the Log tab reads the segment afresh: its ETag covers the lines as reviewed here.
    await waitFor(() => expect(fake.callsTo("getSegment")).toHaveLength(2));
    fireEvent.click(logButton);
    expect(await screen.findByText("Logged segment 7: 10 interactions.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Log" })).toBeNull();
    expect(screen.queryByText("The segment was logged")).toBeNull();
    expect(fake.callsTo("getSegment")).toHaveLength(2);
  });

  it("says Log is not available yet when the server answers 501, never a blank pane", async () => {
    const fake = createFakeApi({ getSegment: () => ok(aSegment()) });
    renderLog(fake.fetch);
    expect(await screen.findByText("Not available yet")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Log" }));
    await waitFor(() => expect(screen.getAllByText("Not available yet")).toHaveLength(2));
    expect(screen.queryByRole("button", { name: "Retry logging" })).toBeNull();
    expect(await seriousViolations()).toEqual([]);
  });

  it("offers to finish a Log that stopped before it finished, and finishes it", async () => {
    let logging = true;
    const fake = createFakeApi({
      getSegment: () =>
        ok(
          aSegment(
            logging
              ? { status: "logging", etag: '"9"' }
              : { status: "logged", loggedSegmentEntryNo: 7, etag: '"10"' },
          ),
        ),
      checkLog: () => ok({ lines: 10, problems: [] }),
      getLogStatus: () =>
        ok(
          logging
            ? {
                status: "abandoned",
                written: 4,
                total: 10,
                startedBy: "4b0d6c1e-2f3a-4e5b-8c7d-9e0f1a2b3c4d",
                startedByName: "alice",
                startedAt: "2026-03-02T09:00:00Z",
              }
            : { status: "done", written: 10, total: 10 },
        ),
      resumeLog: () => {
        logging = false;
        return ok({ loggedSegment, replayed: false });
      },
    });
    renderLog(fake.fetch);

    expect(await screen.findByText("The Log stopped before it finished")).toBeTruthy();
    expect(
      screen.getByText(/^alice started it .*; 4 of 10 interactions were written\./),
    ).toBeTruthy();
    // Nothing else to start while a Log waits to be finished.
    expect(screen.queryByRole("button", { name: "Log" })).toBeNull();
    expect(await seriousViolations()).toEqual([]);

    fireEvent.click(screen.getByRole("button", { name: "Finish the Log" }));
    expect(await screen.findByText("Logged segment 7: 10 interactions.")).toBeTruthy();
    const resumes = fake.callsTo("resumeLog");
    expect(resumes).toHaveLength(1);
    expect(resumes[0]?.params).toEqual({ no: "MG0001" });
    expect(fake.callsTo("logSegment")).toEqual([]);
    expect(screen.queryByRole("button", { name: "Finish the Log" })).toBeNull();
  });

  it("names who is logging while someone else's Log runs, and offers nothing to click", async () => {
    const fake = createFakeApi({
      getSegment: () => ok(aSegment({ status: "logging" })),
      checkLog: () => ok({ lines: 10, problems: [] }),
      getLogStatus: () =>
        ok({
          status: "writing",
          written: 3,
          total: 10,
          startedBy: "b0b00000-2f3a-4e5b-8c7d-9e0f1a2b3c4d",
          startedByName: "bob",
          loggingBy: "bob",
          leaseEndsAt: "2026-03-02T09:02:00Z",
        }),
    });
    renderLog(fake.fetch);
    expect(
      await screen.findByText(/^bob is logging this segment: 3 of 10 interactions written\./),
    ).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Finish the Log" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Log" })).toBeNull();
  });

  it("never shows a user's object id: a Log whose starter has no name was started by someone", async () => {
    const oid = "4b0d6c1e-2f3a-4e5b-8c7d-9e0f1a2b3c4d";
    const fake = createFakeApi({
      getSegment: () => ok(aSegment({ status: "logging" })),
      checkLog: () => ok({ lines: 10, problems: [] }),
      getLogStatus: () =>
        ok({
          status: "abandoned",
          written: 4,
          total: 10,
          startedBy: oid,
          startedAt: "2026-03-02T09:00:00Z",
        }),
    });
    renderLog(fake.fetch, "da-DK");
    expect(
      await screen.findByText(/^Nogen startede den .*; 4 af 10 interaktioner blev skrevet\./),
    ).toBeTruthy();
    expect(document.body.textContent).not.toContain(oid);
  });

  it("offers to finish a stopped Log in Danish, says in Danish who holds the segment, and tries again", async () => {
    const since = new Date();
    since.setHours(9, 0, 0, 0);
    const until = new Date(since.getTime() + 120_000);
    const fake = createFakeApi({
      getSegment: () => ok(aSegment({ status: "logging" })),
      checkLog: () => ok({ lines: 10, problems: [] }),
      getLogStatus: () => ok({ status: "abandoned", written: 0, total: 10, startedBy: "alice" }),
      resumeLog: () =>
        segmentBusy({
          holder: "Carol Hansen",
          byYou: false,
          operation: "log",
          since: since.toISOString(),
          leaseUntil: until.toISOString(),
        }),
    });
    renderLog(fake.fetch, "da-DK");
    expect(await screen.findByText("Logføringen stoppede, før den var færdig")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Gør logføringen færdig" }));
    expect(
      await screen.findByText(
        "Carol Hansen er ved at logføre målgruppen (siden 09.00). Prøv igen efter 09.02.",
      ),
    ).toBeTruthy();
    const text = document.body.textContent ?? "";
    expect(text).not.toMatch(/\d{4}-\d\d-\d\dT|is busy|logging it/);
    expect(englishCatalogIn(text)).toEqual([]);
    await waitFor(() => expect(fake.callsTo("getLogStatus").length).toBeGreaterThan(1));
    fireEvent.click(screen.getByRole("button", { name: "Prøv igen" }));
    await waitFor(() => expect(fake.callsTo("resumeLog")).toHaveLength(2));
  });
});
