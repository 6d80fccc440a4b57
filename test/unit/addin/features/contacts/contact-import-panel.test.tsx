import { fireEvent, screen, waitFor } from "@testing-library/react";
import type { ContactImportJob } from "@shared/model/contact-import-job";
import { ContactImportPanel } from "../../../../../addin/features/contacts/contact-import-panel";
import { enUS } from "../../../../../addin/i18n/en-US";
import { createFakeApi, ok, problem } from "../../fake-api";
import { renderPane, seriousViolations } from "../../render-pane";

const csv = "Nr.;Navn;E-mail\r\nKT1;Anna;anna@x.dk\r\n";

const aJob = (overrides: Partial<ContactImportJob> = {}): ContactImportJob => ({
  id: "job",
  status: "running",
  progress: { done: 1204, total: 3229 },
  created: 1172,
  skipped: 0,
  failed: 32,
  problemGroups: [],
  problems: [],
  problemsOmitted: 0,
  mapping: { "Nr.": "no", Navn: "name", "E-mail": "email" },
  createdAt: "2026-12-07T05:00:00.000Z",
  ...overrides,
});

const ended = aJob({
  status: "done",
  progress: { done: 3229, total: 3229 },
  created: 3197,
  problemGroups: [
    {
      rule: "invalid_format",
      field: "email",
      status: "invalid",
      count: 32,
      rows: [100, 200, 300],
      message: "must be an e-mail address",
    },
  ],
  problems: [
    {
      row: 100,
      status: "invalid",
      errors: [
        {
          in: "body",
          field: "email",
          rule: "invalid_format",
          message: "must be an e-mail address",
        },
      ],
    },
  ],
});

/** The import's request stays open until the test lets it answer, as the server's does. */
const openImport = () => {
  let answer: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => (answer = resolve));
  let done = false;
  const fake = createFakeApi({
    importContacts: async (call) => {
      await answered;
      done = true;
      return ok({
        rows: 3229,
        imported: 3197,
        invalid: 32,
        duplicates: 0,
        dryRun: false,
        mapping: {},
        problems: [],
        jobId: (call.body as { jobId: string }).jobId,
        status: "done",
      });
    },
    getContactImportJob: () => ok(done ? ended : aJob()),
    cancelContactImportJob: () => ok(aJob({ status: "canceled" })),
  });
  return { fake, answer };
};

const chooseFile = (name: string, text: string) => {
  const input = document.querySelector<HTMLInputElement>('input[type="file"]');
  if (!input) throw new Error("no file input");
  fireEvent.change(input, { target: { files: [new File([text], name, { type: "text/csv" })] } });
};

describe("ContactImportPanel", () => {
  it("imports the chosen CSV as a job: progress in the user's numbers, then the rows left out by kind (Danish)", async () => {
    const { fake, answer } = openImport();
    renderPane(<ContactImportPanel onClose={() => undefined} />, {
      fetch: fake.fetch,
      language: "da-DK",
    });
    chooseFile("kontakter.csv", csv);
    fireEvent.click(screen.getByRole("button", { name: "Importér" }));

    // Under the bar, and once more for screen readers in the live region.
    expect(await screen.findAllByText("1.204 af 3.229 rækker", {}, { timeout: 3000 })).toHaveLength(
      2,
    );
    const sent = fake.callsTo("importContacts")[0]?.body as { csv: string; jobId: string };
    expect(sent.csv).toBe(csv);
    expect(sent.jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(fake.callsTo("getContactImportJob")[0]?.params.id).toBe(sent.jobId);

    answer();
    expect(
      await screen.findByText(/Importen er færdig: 3\.197 af 3\.229 rækker importeret\./),
    ).toBeTruthy();
    expect(screen.getByText("32 ×")).toBeTruthy();
    // The group, and row 100's own line behind "Vis hver række".
    expect(screen.getAllByText(/E-mail: Ikke i en form, der kan bruges her\./)).toHaveLength(2);
    expect(screen.getByText("Række 100:", { exact: false })).toBeTruthy();
    expect(screen.getByText("Rækker: 100, 200, 300 og 29 mere")).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it("Cancel asks the server to stop the job it follows", async () => {
    const { fake, answer } = openImport();
    renderPane(<ContactImportPanel onClose={() => undefined} />, { fetch: fake.fetch });
    chooseFile("contacts.csv", csv);
    fireEvent.click(screen.getByRole("button", { name: "Import" }));
    await screen.findAllByText("1,204 of 3,229 rows", {}, { timeout: 3000 });
    fireEvent.click(screen.getByRole("button", { name: "Cancel import" }));
    await waitFor(() => expect(fake.callsTo("cancelContactImportJob")).toHaveLength(1));
    const jobId = (fake.callsTo("importContacts")[0]?.body as { jobId: string }).jobId;
    expect(fake.callsTo("cancelContactImportJob")[0]?.params.id).toBe(jobId);
    answer();
    await screen.findByText(/Import finished/);
  });

  it("after the server stopped mid-import, follows the job until it ends failed and offers the same file again (Danish)", async () => {
    let reads = 0;
    const failed = aJob({
      status: "failed",
      failure: "server_stopped",
      progress: { done: 1204, total: 3229 },
      created: 1172,
      error: "The server stopped while importing the file: 1204 of 3229 rows were gone through.",
      finishedAt: "2026-12-07T05:03:00.000Z",
    });
    let imports = 0;
    const fake = createFakeApi({
      // The first import's server dies: the connection closes without an answer.
      importContacts: async (call) => {
        imports++;
        if (imports === 1) throw new TypeError("fetch failed");
        return ok({
          rows: 3229,
          imported: 2025,
          invalid: 32,
          duplicates: 1172,
          dryRun: false,
          mapping: {},
          problems: [],
          jobId: (call.body as { jobId: string }).jobId,
          status: "done",
        });
      },
      // Running while the dead server's lease lasts, then failed with how far it got.
      getContactImportJob: (call) => {
        const first = fake.callsTo("importContacts")[0]?.body as { jobId: string };
        if (call.params.id !== first.jobId)
          return ok(aJob({ ...ended, id: call.params.id, created: 2025, skipped: 1172 }));
        reads++;
        return ok(reads < 3 ? aJob() : failed);
      },
    });
    renderPane(<ContactImportPanel onClose={() => undefined} />, {
      fetch: fake.fetch,
      language: "da-DK",
    });
    chooseFile("kontakter.csv", csv);
    fireEvent.click(screen.getByRole("button", { name: "Importér" }));
    expect(
      await screen.findByText(/Forbindelsen til serveren blev afbrudt/, {}, { timeout: 3000 }),
    ).toBeTruthy();
    expect(
      await screen.findByText(
        /Importen stoppede, fordi serveren stoppede\. De 1\.172 kontakter, der blev importeret inden da, bliver\. Importér den samme fil igen/,
        {},
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    // The server's own English sentence is not shown on a Danish screen.
    expect(screen.queryByText(/The server stopped/)).toBeNull();
    expect(await seriousViolations()).toEqual([]);

    // The way on: the same file again, under a new job id.
    fireEvent.click(screen.getByRole("button", { name: "Importér den samme fil igen" }));
    expect(
      await screen.findByText(
        /Importen er færdig: 2\.025 tilføjet, 1\.172 fandtes allerede, af 3\.229 rækker\./,
        {},
        {
          timeout: 5000,
        },
      ),
    ).toBeTruthy();
    const [first, second] = fake.callsTo("importContacts").map(
      (c) =>
        c.body as {
          csv: string;
          jobId: string;
        },
    );
    expect(second?.csv).toBe(csv);
    expect(second?.jobId).not.toBe(first?.jobId);
  });

  it("says what importing a file again did: how many were added and how many were there already", async () => {
    // The same file after a stop: 50 rows without No. and e-mail were imported by the first run.
    const again = aJob({
      status: "done",
      progress: { done: 2000, total: 2000 },
      created: 1950,
      skipped: 50,
      failed: 0,
      problemGroups: [
        {
          rule: "imported_before",
          field: "",
          status: "duplicate",
          count: 50,
          rows: [1, 2, 3],
          message: "was imported before from this same file, as contact KT000001",
        },
      ],
      problems: [],
    });
    const fake = createFakeApi({
      importContacts: (call) =>
        ok({
          rows: 2000,
          imported: 1950,
          invalid: 0,
          duplicates: 50,
          dryRun: false,
          mapping: {},
          problems: [],
          jobId: (call.body as { jobId: string }).jobId,
          status: "done",
        }),
      getContactImportJob: () => ok(again),
    });
    renderPane(<ContactImportPanel onClose={() => undefined} />, { fetch: fake.fetch });
    chooseFile("contacts.csv", csv);
    fireEvent.click(screen.getByRole("button", { name: "Import" }));
    expect(
      await screen.findByText(/Import finished: 1,950 added, 50 already there, of 2,000 rows\./),
    ).toBeTruthy();
    expect(screen.getByText("Already there, skipped: 50")).toBeTruthy();
    expect(screen.getByText(/Row: imported before from this same file, so skipped\./)).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it("shows the server's refusal when it died before it wrote the job (nothing imported)", async () => {
    const fake = createFakeApi({
      importContacts: () => {
        throw new TypeError("fetch failed");
      },
      getContactImportJob: () => problem(404, "Not found"),
    });
    renderPane(<ContactImportPanel onClose={() => undefined} />, { fetch: fake.fetch });
    chooseFile("contacts.csv", csv);
    fireEvent.click(screen.getByRole("button", { name: "Import" }));
    expect(
      await screen.findByText(enUS["error.unreachable.title"], {}, { timeout: 5000 }),
    ).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByText(/Import the same file again/)).toBeNull();
    expect(fake.callsTo("importContacts")).toHaveLength(1);
  });

  it("stops a file that is not CSV in the pane, before anything is sent", async () => {
    const fake = createFakeApi({
      importContacts: () => problem(500, "must not be called"),
    });
    renderPane(<ContactImportPanel onClose={() => undefined} />, { fetch: fake.fetch });
    chooseFile("contacts.xlsx", "PK\u0003\u0004");
    expect(screen.getByText(/Choose a \.csv file/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Import" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(fake.callsTo("importContacts")).toHaveLength(0);
  });
});
