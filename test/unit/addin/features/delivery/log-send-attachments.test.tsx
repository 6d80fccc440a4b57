import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { LogView } from "../../../../../addin/features/log/log-view";
import { OpenSegmentProvider } from "../../../../../addin/features/segments/open-segment";
import { aLine, aSegment, createFakeApi, ok } from "../../fake-api";
import { renderPane, seriousViolations, findDialog } from "../../render-pane";
import { aLogOutcome, aPreview, aSendJob } from "./delivery-fixtures";

const mergeFields = {
  items: [
    { name: "First Name", group: "contact", label: { "en-US": "First name", "da-DK": "Fornavn" } },
    { name: "City", group: "contact", label: { "en-US": "City", "da-DK": "By" } },
  ],
};

const renderLog = (fetch: typeof globalThis.fetch, language = "en-US") =>
  renderPane(
    <OpenSegmentProvider no="MG0001">
      <LogView />
    </OpenSegmentProvider>,
    { fetch, language },
  );

const logApi = (extra: Parameters<typeof createFakeApi>[0] = {}) =>
  createFakeApi({
    getSegment: () => ok(aSegment()),
    checkLog: () => ok({ lines: 2, problems: [] }),
    listMergeFields: () => ok(mergeFields),
    ...extra,
  });

describe("Log with Send attachments", () => {
  it("sends how each correspondence type goes out, with the short body's merge field at the cursor", async () => {
    let polls = 0;
    const fake = logApi({
      logSegment: () => ok(aLogOutcome({ sendJobId: "job-1" })),
      getSendJob: () =>
        ok(
          ++polls === 1
            ? aSendJob()
            : aSendJob({
                state: "done",
                counts: {
                  total: 10,
                  waiting: 0,
                  sending: 0,
                  sent: 8,
                  failed: 1,
                  skipped: 1,
                  canceled: 0,
                },
                finishedAt: "2026-03-02T09:05:00Z",
              }),
        ),
      listSendJobDeliveries: () => ok({ items: [] }),
    });
    renderLog(fake.fetch);
    await screen.findByText("All 2 lines are ready to log.");

    // Nothing about sending until asked: Log alone logs, as before.
    expect(screen.queryByRole("group", { name: "E-mail lines" })).toBeNull();
    fireEvent.click(screen.getByRole("checkbox", { name: "Send attachments" }));

    const email = screen.getByRole("group", { name: "E-mail lines" });
    expect(
      (
        within(email).getByRole("radio", {
          name: "Short e-mail with the letter attached",
        }) as HTMLInputElement
      ).checked,
    ).toBe(true);
    fireEvent.click(within(email).getByRole("radio", { name: "Word (.docx)" }));
    const text = within(email).getByRole("textbox", {
      name: "Short e-mail text",
    }) as HTMLTextAreaElement;
    fireEvent.change(text, { target: { value: "Dear ,\nSee the letter." } });
    // The cursor after "Dear ": the field goes in there, not at the end.
    text.setSelectionRange(5, 5);
    fireEvent.click(
      within(email).getByRole("button", { name: "Insert merge field in the e-mail text" }),
    );
    fireEvent.click(await screen.findByRole("menuitem", { name: "First name" }));
    await waitFor(() => expect(text.value).toBe("Dear «First Name»,\nSee the letter."));
    fireEvent.change(within(email).getByRole("textbox", { name: "Subject" }), {
      target: { value: "Spring news" },
    });
    const hardCopy = screen.getByRole("group", { name: "Hard-copy lines" });
    fireEvent.click(within(hardCopy).getByRole("radio", { name: "One Word document to print" }));
    expect(await seriousViolations()).toEqual([]);

    fireEvent.click(screen.getByRole("button", { name: "Log" }));

    // The send job follows the Log: its progress, polled until it is done.
    expect(await screen.findByText("Finished")).toBeTruthy();
    expect(screen.getByText("Sent: 8")).toBeTruthy();
    expect(screen.getByText("Failed: 1")).toBeTruthy();
    expect(screen.getByText("Skipped: 1")).toBeTruthy();
    expect(fake.callsTo("getSendJob").length).toBeGreaterThanOrEqual(2);
    expect(fake.callsTo("logSegment")[0]?.body).toEqual({
      followUp: false,
      sendAttachments: {
        email: { kind: "attachment", format: "docx", text: "Dear «First Name»,\nSee the letter." },
        hardCopy: "document",
        subject: "Spring news",
      },
    });
  });

  it("sends the letter as the e-mail's body, and nothing for hard copy, when chosen", async () => {
    const fake = logApi({
      logSegment: () => ok(aLogOutcome()),
    });
    renderLog(fake.fetch);
    await screen.findByText("All 2 lines are ready to log.");
    fireEvent.click(screen.getByRole("checkbox", { name: "Send attachments" }));
    fireEvent.click(screen.getByRole("radio", { name: "The letter as the e-mail's text" }));
    expect(screen.queryByRole("textbox", { name: "Short e-mail text" })).toBeNull();
    fireEvent.click(screen.getByRole("radio", { name: "Nothing (only log them)" }));
    fireEvent.click(screen.getByRole("button", { name: "Log" }));
    await screen.findByText("Logged");
    expect(fake.callsTo("logSegment")[0]?.body).toEqual({
      followUp: false,
      sendAttachments: { email: { kind: "letter" }, hardCopy: "none" },
    });
  });

  it("previews one contact's e-mail in a sandboxed frame, and says why another gets none", async () => {
    const fake = logApi({
      listSegmentLines: () =>
        ok({
          items: [aLine(), aLine({ lineNo: 2, contactNo: "KT0002", contactName: "Lise Berg" })],
        }),
      previewEmail: (call) =>
        ok(
          (call.body as { contactNo: string }).contactNo === "KT0001"
            ? aPreview()
            : aPreview({
                to: "lise@example.com",
                attachments: [],
                html: "",
                skipped: { code: "opted_out", message: "The contact opted out of e-mail" },
              }),
        ),
    });
    renderLog(fake.fetch, "da-DK");
    await screen.findByText("Alle 2 linjer er klar til logføring.");
    fireEvent.click(screen.getByRole("checkbox", { name: "Send vedhæftede filer" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Emne" }), {
      target: { value: "Forår «First Name»" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Vis e-mail" }));

    const dialog = await findDialog("Vis e-mail");
    expect(await dialog.findByText("Spring news for Jens")).toBeTruthy();
    expect(dialog.getByText("jens@example.com")).toBeTruthy();
    expect(dialog.getByText("Spring letter.pdf (20 kB)")).toBeTruthy();
    const frame = dialog.getByTitle("E-mailens tekst") as HTMLIFrameElement;
    // No permission at all: the letter's HTML runs no script and cannot reach the pane.
    expect(frame.getAttribute("sandbox")).toBe("");
    expect(frame.getAttribute("srcdoc")).toContain("<p>Dear Jens,</p>");
    expect(fake.callsTo("previewEmail")[0]?.body).toEqual({
      contactNo: "KT0001",
      email: { kind: "attachment", format: "pdf", text: "" },
      subject: "Forår «First Name»",
    });

    fireEvent.change(dialog.getByRole("combobox", { name: "Kontakt" }), {
      target: { value: "KT0002" },
    });
    expect(await dialog.findByText("Denne kontakt får ingen e-mail")).toBeTruthy();
    expect(dialog.getByText("Har frabedt sig e-mail.")).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });
});
