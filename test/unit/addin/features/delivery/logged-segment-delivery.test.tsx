import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { InteractionLogEntry } from "@shared/model/interaction-log-entry";
import { ContactInteractionsDrawer } from "../../../../../addin/features/log/contact-interactions-drawer";
import { LoggedSegmentsView } from "../../../../../addin/features/log/logged-segments-view";
import { createFakeApi, ok } from "../../fake-api";
import { createFakeHost } from "../../host/fake-host";
import { renderWithHost } from "../../host/render-with-host";
import { seriousViolations, findDialog } from "../../render-pane";
import { aDelivery, aLogOutcome, aSendJob } from "./delivery-fixtures";

const loggedSegment = aLogOutcome().loggedSegment;

const anEntry = (overrides: Partial<InteractionLogEntry> = {}): InteractionLogEntry => ({
  entryNo: 101,
  contactNo: "KT0001",
  contactName: "Jens Hansen",
  date: "2026-03-02",
  timeOfInteraction: "2026-03-02T09:00:00Z",
  description: "Spring letter",
  cost: 0,
  duration: 0,
  correspondenceType: "email",
  campaignTarget: false,
  campaignResponse: false,
  loggedSegmentEntryNo: 7,
  userId: "demo",
  deliveryStatus: "error",
  canceled: false,
  etag: '"1"',
  ...overrides,
});

const done = (sent: number, total: number) =>
  aSendJob({
    state: "done",
    counts: { total, waiting: 0, sending: 0, sent, failed: total - sent, skipped: 0, canceled: 0 },
  });

describe("a logged segment's deliveries", () => {
  it("shows its send jobs, newest first, and sends it again by e-mail under one job id", async () => {
    const fake = createFakeApi({
      listLoggedSegments: () => ok({ items: [loggedSegment] }),
      listLoggedSegmentSendJobs: () =>
        ok({
          items: [
            { ...done(9, 10), id: "job-2", createdAt: "2026-03-03T10:00:00Z" },
            { ...done(4, 10), id: "job-1" },
          ],
        }),
      getSendJob: (call) => ok({ ...done(10, 10), id: String(call.params["id"]) }),
      listSendJobDeliveries: () => ok({ items: [aDelivery()] }),
      sendLoggedSegment: (call) => ({
        status: 202,
        body: { ...done(10, 10), id: (call.body as { jobId: string }).jobId },
      }),
    });
    renderWithHost(<LoggedSegmentsView onOpenSegment={() => {}} />, {
      fetch: fake.fetch,
      host: createFakeHost(),
    });

    fireEvent.click(await screen.findByRole("button", { name: "Actions for logged segment 7" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "Delivery…" }));
    const drawer = await findDialog("Delivery of 7: MG0001 Spring letter");
    // The newest job is the one shown; the older one can be picked.
    expect(await drawer.findByText("Sent: 9")).toBeTruthy();
    const pick = drawer.getByRole("combobox", { name: "Send job" });
    expect(within(pick).getAllByRole("option", { hidden: true })).toHaveLength(2);

    fireEvent.click(drawer.getByRole("button", { name: "Send by e-mail…" }));
    const dialog = await drawer.findByRole("form", { name: "Send logged segment 7" });
    fireEvent.click(
      within(dialog).getByRole("radio", { name: "The letter as the e-mail's text", hidden: true }),
    );
    fireEvent.click(within(dialog).getByRole("button", { name: "Send", hidden: true }));

    await waitFor(() => expect(fake.callsTo("sendLoggedSegment")).toHaveLength(1));
    const body = fake.callsTo("sendLoggedSegment")[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({ email: { kind: "letter" }, hardCopy: "pdf" });
    expect(body["jobId"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(await drawer.findByText("Sent: 10")).toBeTruthy();
    expect(
      within(drawer.getByRole("combobox", { name: "Send job" })).getAllByRole("option", {
        hidden: true,
      }),
    ).toHaveLength(3);
    expect(await seriousViolations()).toEqual([]);
  });

  it("resends one entry by e-mail and follows that one-line job; says the entry's delivery status", async () => {
    const fake = createFakeApi({
      listContactInteractions: () =>
        ok({
          items: [
            anEntry(),
            anEntry({ entryNo: 102, correspondenceType: "hardCopy", deliveryStatus: "none" }),
          ],
        }),
      resendEntryByEmail: () => ({
        status: 202,
        body: aSendJob({
          id: "job-one",
          state: "done",
          counts: { total: 1, waiting: 0, sending: 0, sent: 1, failed: 0, skipped: 0, canceled: 0 },
        }),
      }),
      listSendJobDeliveries: () => ok({ items: [aDelivery()] }),
    });
    renderWithHost(
      <ContactInteractionsDrawer contactNo="KT0001" contactName="Jens Hansen" onClose={() => {}} />,
      { fetch: fake.fetch, host: createFakeHost({ language: "da-DK" }) },
    );
    expect(await screen.findByText("Levering: mislykkedes")).toBeTruthy();
    // Only an e-mail entry is resent by e-mail.
    expect(screen.queryByRole("button", { name: "Send post 102 igen som e-mail" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Send post 101 igen som e-mail" }));
    expect(await screen.findByText("Sendt: 1")).toBeTruthy();
    expect(fake.callsTo("resendEntryByEmail")[0]).toMatchObject({
      params: { entryNo: "101" },
      body: {},
    });
  });
  it("keeps Resend by e-mail focusable while the request runs (a disabled button drops the focus and the side panel with it)", async () => {
    let answer: (value: { status: number; body: unknown }) => void = () => undefined;
    const fake = createFakeApi({
      listContactInteractions: () => ok({ items: [anEntry()] }),
      resendEntryByEmail: () => new Promise((resolve) => (answer = resolve)),
      listSendJobDeliveries: () => ok({ items: [aDelivery()] }),
    });
    renderWithHost(
      <ContactInteractionsDrawer contactNo="KT0001" contactName="Jens Hansen" onClose={() => {}} />,
      { fetch: fake.fetch, host: createFakeHost({ language: "en-US" }) },
    );
    const resend = await screen.findByRole("button", { name: "Resend entry 101 by e-mail" });
    resend.focus();
    fireEvent.click(resend);
    await waitFor(() => expect(fake.callsTo("resendEntryByEmail")).toHaveLength(1));
    expect(resend.getAttribute("aria-disabled")).toBe("true");
    expect((resend as HTMLButtonElement).disabled).toBe(false);
    expect(document.activeElement).toBe(resend);
    // Unavailable all the same: a second press sends nothing.
    fireEvent.click(resend);
    answer({
      status: 202,
      body: aSendJob({
        id: "job-one",
        state: "done",
        counts: { total: 1, waiting: 0, sending: 0, sent: 1, failed: 0, skipped: 0, canceled: 0 },
      }),
    });
    expect(await screen.findByText("Sent: 1")).toBeTruthy();
    expect(fake.callsTo("resendEntryByEmail")).toHaveLength(1);
  });
});
