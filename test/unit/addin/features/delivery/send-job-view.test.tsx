import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { SendJobView } from "../../../../../addin/features/delivery/send-job-view";
import { createFakeApi, ok, type FakeAnswer } from "../../fake-api";
import { createFakeHost } from "../../host/fake-host";
import { renderWithHost, withFiles } from "../../host/render-with-host";
import { findDialog, seriousViolations } from "../../render-pane";
import { aDelivery, aSendJob } from "./delivery-fixtures";

const resumesAt = "2026-03-03T07:00:00Z";
const finishAt = "2026-03-04T15:30:00Z";
const moment = (iso: string, language: string) =>
  new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" }).format(
    new Date(iso),
  );

describe("SendJobView", () => {
  it("shows a paused job's counts, when it resumes and when it should finish, in the user's language", async () => {
    const paused = aSendJob({
      state: "paused",
      resumesAt,
      estimatedFinishAt: finishAt,
      counts: {
        total: 12000,
        waiting: 2000,
        sending: 0,
        sent: 10000,
        failed: 0,
        skipped: 0,
        canceled: 0,
      },
    });
    const fake = createFakeApi({
      getSendJob: () => ok(paused),
      listSendJobDeliveries: () => ok({ items: [] }),
    });
    renderWithHost(<SendJobView jobId="job-1" />, {
      fetch: fake.fetch,
      host: createFakeHost({ language: "da-DK" }),
    });

    expect(await screen.findByText("Sat på pause")).toBeTruthy();
    expect(screen.getByRole("progressbar", { name: "Sat på pause" })).toBeTruthy();
    expect(screen.getByText("10.000 af 12.000 linjer behandlet")).toBeTruthy();
    expect(screen.getByText("Sendt: 10.000")).toBeTruthy();
    expect(screen.getByText("Venter: 2.000")).toBeTruthy();
    expect(
      screen.getByText(
        `Afsendelsen fortsætter af sig selv ${moment(resumesAt, "da-DK")}; du kan lukke ruden.`,
      ),
    ).toBeTruthy();
    expect(screen.getByText(`Forventes færdig ${moment(finishAt, "da-DK")}.`)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it("says what stops the job and how to fix it, and Retry failed sends the failed lines again", async () => {
    let job = aSendJob({
      state: "done",
      problem: { code: "auth_failed", message: "535 5.7.8 Authentication credentials invalid" },
      counts: { total: 3, waiting: 0, sending: 0, sent: 0, failed: 3, skipped: 0, canceled: 0 },
      finishedAt: "2026-03-02T09:02:00Z",
    });
    const fake = createFakeApi({
      getSendJob: () => ok(job),
      retrySendJob: () => {
        job = aSendJob({
          state: "done",
          counts: { total: 3, waiting: 0, sending: 0, sent: 3, failed: 0, skipped: 0, canceled: 0 },
        });
        return ok(aSendJob({ state: "queued", counts: { ...job.counts, sent: 0, waiting: 3 } }));
      },
      listSendJobDeliveries: () =>
        ok({
          items: [
            aDelivery({
              state: "failed",
              sentAt: undefined,
              reason: { code: "auth_failed", message: "535" },
            }),
          ],
        }),
    });
    renderWithHost(<SendJobView jobId="job-1" />, { fetch: fake.fetch, host: createFakeHost() });

    expect(
      await screen.findByText("The mail server refused the sign-in.", {
        selector: ".fui-MessageBarTitle",
      }),
    ).toBeTruthy();
    expect(screen.getByText(/an administrator corrects SMTP_URL/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Retry failed (3)" }));
    await waitFor(() => expect(fake.callsTo("retrySendJob")).toHaveLength(1));
    // The answer is live again: the view polls until it is done.
    expect(await screen.findByText("Sent: 3")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Retry failed/ })).toBeNull();
  });

  it("cancels only after asking, and keeps sending when the user changes their mind", async () => {
    const fake = createFakeApi({
      getSendJob: () => ok(aSendJob()),
      cancelSendJob: () =>
        ok(
          aSendJob({
            state: "canceled",
            counts: {
              total: 10,
              waiting: 0,
              sending: 0,
              sent: 3,
              failed: 1,
              skipped: 0,
              canceled: 6,
            },
          }),
        ),
      listSendJobDeliveries: () => ok({ items: [] }),
    });
    renderWithHost(<SendJobView jobId="job-1" />, { fetch: fake.fetch, host: createFakeHost() });

    fireEvent.click(await screen.findByRole("button", { name: "Cancel sending" }));
    let dialog = await findDialog("Cancel sending?");
    expect(dialog.getByText(/The 6 e-mails not yet sent will not be sent/)).toBeTruthy();
    fireEvent.click(dialog.getByRole("button", { name: "Keep sending" }));
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    expect(fake.callsTo("cancelSendJob")).toHaveLength(0);

    // Found, not got: the page behind the dialog is reachable again once tabster has caught up.
    fireEvent.click(await screen.findByRole("button", { name: "Cancel sending" }));
    dialog = await findDialog("Cancel sending?");
    fireEvent.click(dialog.getByRole("button", { name: "Cancel sending" }));
    expect(await screen.findByText("Canceled: 6")).toBeTruthy();
    expect(fake.callsTo("cancelSendJob")).toHaveLength(1);
    expect(screen.queryByRole("button", { name: "Cancel sending", hidden: true })).toBeNull();
  });

  it("keeps the canceled job when a poll sent before the Cancel answers after it", async () => {
    const canceled = aSendJob({
      state: "canceled",
      counts: { total: 10, waiting: 0, sending: 0, sent: 3, failed: 1, skipped: 0, canceled: 6 },
    });
    let answerPoll: (answer: FakeAnswer) => void = () => undefined;
    let answerCancel: (answer: FakeAnswer) => void = () => undefined;
    const fake = createFakeApi({
      getSendJob: () => new Promise((resolve) => (answerPoll = resolve)),
      cancelSendJob: () => new Promise((resolve) => (answerCancel = resolve)),
    });
    renderWithHost(<SendJobView jobId="job-1" initial={aSendJob()} />, {
      fetch: fake.fetch,
      host: createFakeHost(),
    });
    // The view's poll is on its way (read while the job was still sending) when Cancel is sent.
    await waitFor(() => expect(fake.callsTo("getSendJob")).toHaveLength(1));
    fireEvent.click(screen.getByRole("button", { name: "Cancel sending" }));
    const dialog = await findDialog("Cancel sending?");
    fireEvent.click(dialog.getByRole("button", { name: "Cancel sending" }));
    await waitFor(() => expect(fake.callsTo("cancelSendJob")).toHaveLength(1));
    answerCancel(ok(canceled));
    // The poll's answer comes in just after the Cancel's, before the view has rendered it.
    for (let i = 0; i < 20; i++) await Promise.resolve();
    answerPoll(ok(aSendJob()));

    expect(await screen.findByText("Canceled: 6")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Cancel sending", hidden: true })).toBeNull();
  });

  it("downloads the print file and lists the lines, filtered by state", async () => {
    const host = createFakeHost();
    const fake = createFakeApi({
      getSendJob: () =>
        ok(
          aSendJob({
            state: "done",
            counts: {
              total: 3,
              waiting: 0,
              sending: 0,
              sent: 1,
              failed: 0,
              skipped: 2,
              canceled: 0,
            },
            printFile: { fileName: "MG0001 print.pdf", contentType: "application/pdf", bytes: 900 },
          }),
        ),
      listSendJobDeliveries: (call) =>
        ok({
          items:
            call.query["state"] === "skipped"
              ? [
                  aDelivery({
                    entryNo: 102,
                    contactName: "Lise Berg",
                    state: "skipped",
                    sentAt: undefined,
                    reason: { code: "opted_out", message: "opted out" },
                  }),
                ]
              : [aDelivery()],
        }),
    });
    const pdf = new Blob(["%PDF"], { type: "application/pdf" });
    const fetch = withFiles(fake.fetch, { "/send-jobs/job-1/print-file": () => pdf });
    renderWithHost(<SendJobView jobId="job-1" />, { fetch, host });

    const list = await screen.findByRole("list", { name: "Deliveries" });
    expect(await within(list).findByText("Jens Hansen")).toBeTruthy();
    expect(within(list).getByText(`Sent ${moment("2026-03-02T09:01:00Z", "en-US")}`)).toBeTruthy();
    fireEvent.change(screen.getByRole("combobox", { name: "Show" }), {
      target: { value: "skipped" },
    });
    expect(await screen.findByText("Lise Berg")).toBeTruthy();
    expect(screen.getByText("Opted out of e-mail.")).toBeTruthy();
    expect(fake.callsTo("listSendJobDeliveries").at(-1)?.query).toMatchObject({ state: "skipped" });

    fireEvent.click(
      screen.getByRole("button", { name: "Download the print file (MG0001 print.pdf)" }),
    );
    await waitFor(() => expect(host.saveFile).toHaveBeenCalledWith(pdf, "MG0001 print.pdf"));
  });
});
