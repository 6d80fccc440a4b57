import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { OpenSegmentProvider } from "../../../../../addin/features/segments/open-segment";
import { SegmentLinesView } from "../../../../../addin/features/segments/segment-lines-view";
import {
  aLine,
  aSegment,
  anInteractionTemplate,
  createFakeApi,
  fieldCatalog,
  ok,
  problem,
  segmentBusy,
  type FakeCall,
} from "../../fake-api";
import { englishCatalogIn } from "../../english-catalog";
import { findDialog, renderPane, seriousViolations } from "../../render-pane";

const renderLines = (fetch: typeof globalThis.fetch, language = "en-US") =>
  renderPane(
    <OpenSegmentProvider no="MG0001">
      <SegmentLinesView />
    </OpenSegmentProvider>,
    { fetch, language },
  );

// These pick from Fluent Comboboxes, which render slowly in jsdom on a shared 2-core machine
// (over 60 s there under load): a bound on a stuck test, not on speed.
const PICKER_TEST_TIMEOUT = 180_000;

const languages = [
  { code: "da-DK", name: "Danish (Denmark)", nameDa: "dansk (Danmark)" },
  { code: "en-GB", name: "English (United Kingdom)", nameDa: "engelsk (Storbritannien)" },
];

const lookups = {
  listLanguages: (call: FakeCall) =>
    ok({
      items: languages.filter(
        (l) =>
          !call.query.search ||
          l.code.toLowerCase().startsWith(call.query.search.toLowerCase()) ||
          l.nameDa.includes(call.query.search),
      ),
    }),
  listSalespeople: () => ok({ items: [] }),
  listCampaigns: () => ok({ items: [] }),
  listInteractionTemplates: () => ok({ items: [anInteractionTemplate()] }),
};

describe("SegmentLinesView", () => {
  it("edits a line in the side panel with its etag, and on 412 reloads and marks what changed", async () => {
    let line = aLine({ description: "Old", subject: "Hello", etag: '"5"' });
    const fake = createFakeApi({
      ...lookups,
      getSegment: () => ok(aSegment()),
      listSegmentLines: () => ok({ items: [line] }),
      getSegmentLine: () => ok(line),
      updateSegmentLine: (call) => {
        if (call.headers["if-match"] !== line.etag)
          return problem(412, "Changed by someone else", undefined, "Reload it");
        line = { ...line, ...(call.body as object), etag: '"7"' };
        return ok(line);
      },
    });
    renderLines(fake.fetch);
    fireEvent.click(await screen.findByRole("button", { name: "Actions for Jens Hansen" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "Edit" }));
    const drawer = await findDialog("KT0001 Jens Hansen");

    // Someone else saves a new subject meanwhile. The user works in the drawer: focus goes there
    // as a click or Tab puts it (fireEvent alone moves no focus, and Fluent's focus manager
    // decides from focus which modal is active).
    line = { ...line, subject: "Dear Jens", etag: '"6"' };
    const note = drawer.getByLabelText("Personal note");
    act(() => note.focus());
    fireEvent.change(note, { target: { value: "Thanks for the visit" } });
    const save = drawer.getByRole("button", { name: "Save" });
    act(() => save.focus());
    fireEvent.click(save);
    expect(await drawer.findByText("Someone else changed the segment")).toBeTruthy();
    expect(fake.callsTo("updateSegmentLine")[0]?.headers["if-match"]).toBe('"5"');

    fireEvent.click(drawer.getAllByRole("button", { name: "Reload" })[0] as HTMLElement);
    await waitFor(() =>
      expect((drawer.getByLabelText("Subject") as HTMLInputElement).value).toBe("Dear Jens"),
    );
    expect(drawer.getByText("Changed by someone else.")).toBeTruthy();
    expect((drawer.getByLabelText("Personal note") as HTMLTextAreaElement).value).toBe(
      "Thanks for the visit",
    );
    fireEvent.click(drawer.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(fake.callsTo("updateSegmentLine")).toHaveLength(2));
    expect(fake.callsTo("updateSegmentLine")[1]?.headers["if-match"]).toBe('"6"');
    expect(fake.callsTo("updateSegmentLine")[1]?.body).toEqual({ note: "Thanks for the visit" });
    expect(await seriousViolations()).toEqual([]);
  });

  it("says in Danish who holds the segment when a removal finds it busy, and Try again removes it", async () => {
    let deletes = 0;
    const since = new Date();
    since.setHours(10, 15, 0, 0);
    const fake = createFakeApi({
      ...lookups,
      getSegment: () => ok(aSegment()),
      listSegmentLines: () => ok({ items: [aLine()] }),
      deleteSegmentLine: () =>
        ++deletes === 1
          ? segmentBusy({
              holder: "Bo Madsen",
              byYou: false,
              operation: "applyTemplate",
              since: since.toISOString(),
              leaseUntil: new Date(since.getTime() + 120_000).toISOString(),
            })
          : { status: 204 },
    });
    renderLines(fake.fetch, "da-DK");
    fireEvent.click(await screen.findByRole("button", { name: "Handlinger for Jens Hansen" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "Fjern fra målgruppen" }));
    const dialog = await findDialog("Fjern fra målgruppen");
    fireEvent.click(dialog.getByRole("button", { name: "Fjern fra målgruppen" }));
    expect(
      await screen.findByText(
        "Bo Madsen er ved at anvende en interaktionsskabelon på målgruppens linjer (siden 10.15). Prøv igen efter 10.17.",
      ),
    ).toBeTruthy();
    expect(englishCatalogIn(document.body.textContent ?? "")).toEqual([]);
    fireEvent.click(await screen.findByRole("button", { name: "Prøv igen" }));
    await waitFor(() => expect(fake.callsTo("deleteSegmentLine")).toHaveLength(2));
    expect(fake.callsTo("deleteSegmentLine")[1]?.params).toMatchObject({ lineNo: "1" });
  });

  it("explains why a contact is on the segment", async () => {
    const fake = createFakeApi({
      ...lookups,
      getSegment: () => ok(aSegment()),
      listSegmentLines: () => ok({ items: [aLine()] }),
      listCriteriaFields: () => ok(fieldCatalog()),
      explainLine: () =>
        ok({
          lineNo: 1,
          contactNo: "KT0001",
          via: "criteria",
          action: {
            segmentNo: "MG0001",
            no: 1,
            kind: "addContacts",
            options: {
              allowExistingContacts: false,
              expandCompanies: false,
              allowRelatedCompanies: false,
              ignoreExclusion: false,
              entireCompanies: false,
            },
            description: "City is Aarhus C",
            evaluatedOn: "2026-03-01",
            linesAdded: 1,
            linesRemoved: 0,
            status: "applied",
            createdAt: "2026-03-01T10:00:00Z",
            createdBy: "demo",
          },
          reasons: {
            kind: "condition",
            matched: true,
            condition: { kind: "field", field: "city", op: "eq", value: "Aarhus C" },
          },
          stillMatches: true,
          evaluatedOn: "2026-03-01",
        }),
    });
    renderLines(fake.fetch, "da-DK");
    fireEvent.click(await screen.findByRole("button", { name: "Handlinger for Jens Hansen" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "Forklar" }));
    const dialog = await findDialog("Hvorfor er Jens Hansen med?");
    expect(await dialog.findByText("Handling 1: Tilføj kontakter City is Aarhus C")).toBeTruthy();
    expect(dialog.getByText("Opfylder stadig kriterierne i dag")).toBeTruthy();
    expect(await dialog.findByText('By er "Aarhus C"')).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it(
    "asks whether the lines follow a new interaction template, and saves the header with If-Match",
    async () => {
      const fake = createFakeApi({
        ...lookups,
        getSegment: () => ok(aSegment({ etag: '"3"' })),
        listSegmentLines: () => ok({ items: [] }),
        applyTemplate: (call) =>
          ok(
            aSegment({
              etag: '"4"',
              interactionTemplateCode: (call.body as { interactionTemplateCode: string })
                .interactionTemplateCode,
            }),
          ),
        getApplyTemplateJob: (call) =>
          ok({
            id: (call.params as { id: string }).id,
            segmentNo: "S1",
            interactionTemplateCode: "LETTER",
            updateLines: true,
            status: "done",
            progress: { done: 3229, total: 3229 },
            changed: 3000,
            createdAt: "2026-12-07T10:00:00Z",
          }),
        updateSegment: (call) => ok(aSegment({ etag: '"5"', ...(call.body as object) })),
      });
      renderLines(fake.fetch);
      fireEvent.click(await screen.findByRole("button", { name: "Details" }));
      fireEvent.click(await screen.findByRole("combobox", { name: "Interaction template" }));
      fireEvent.click(await screen.findByRole("option", { name: "LETTER – Letter" }));
      const dialog = await findDialog("Also update the lines?");
      fireEvent.click(dialog.getByRole("button", { name: "Update lines too" }));
      await waitFor(() => expect(fake.callsTo("applyTemplate")).toHaveLength(1));
      const apply = fake.callsTo("applyTemplate")[0];
      // The pane names the job, to follow it at /apply-template-jobs/{id} and cancel it there.
      const jobId = (apply?.body as { jobId: string }).jobId;
      expect(apply?.body).toEqual({ interactionTemplateCode: "LETTER", updateLines: true, jobId });
      expect(jobId).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(apply?.headers["if-match"]).toBe('"3"');
      // What the job did, in the user's numbers.
      expect(
        await screen.findByText(
          "Interaction template LETTER is on all 3,229 lines (3,000 changed, the others had its values already).",
        ),
      ).toBeTruthy();
      expect(fake.callsTo("getApplyTemplateJob")[0]?.params).toEqual({ id: jobId });

      fireEvent.change(screen.getByLabelText("Subject (default)"), {
        target: { value: "Spring news" },
      });
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
      await waitFor(() => expect(fake.callsTo("updateSegment")).toHaveLength(1));
      expect(fake.callsTo("updateSegment")[0]?.headers["if-match"]).toBe('"4"');
      expect(fake.callsTo("updateSegment")[0]?.body).toEqual({ subject: "Spring news" });
      expect(await screen.findByText("Saved.")).toBeTruthy();
    },
    PICKER_TEST_TIMEOUT,
  );

  it(
    "sets a line's own interaction template and language in the side panel",
    async () => {
      const line = aLine({ interactionTemplateCode: "LETTER", languageCode: "da-DK", etag: '"5"' });
      const fake = createFakeApi({
        ...lookups,
        getSegment: () => ok(aSegment()),
        listSegmentLines: () => ok({ items: [line] }),
        updateSegmentLine: (call) => ok({ ...line, ...(call.body as object), etag: '"6"' }),
      });
      renderLines(fake.fetch, "da-DK");
      fireEvent.click(await screen.findByRole("button", { name: "Handlinger for Jens Hansen" }));
      fireEvent.click(await screen.findByRole("menuitem", { name: "Rediger" }));
      const drawer = await findDialog("KT0001 Jens Hansen");
      fireEvent.click(drawer.getByRole("combobox", { name: "Interaktionsskabelon" }));
      fireEvent.click(await screen.findByRole("option", { name: "(ingen)" }));
      // The line's language is named beside its code; another is picked from the languages.
      const language = drawer.getByRole("combobox", { name: "Sprog" });
      await waitFor(() =>
        expect((language as HTMLInputElement).value).toBe("da-DK – dansk (Danmark)"),
      );
      fireEvent.change(language, { target: { value: "engelsk" } });
      fireEvent.click(
        await screen.findByRole("option", { name: "en-GB – engelsk (Storbritannien)" }),
      );
      fireEvent.click(drawer.getByRole("button", { name: "Gem" }));
      await waitFor(() => expect(fake.callsTo("updateSegmentLine")).toHaveLength(1));
      expect(fake.callsTo("updateSegmentLine")[0]?.body).toEqual({
        interactionTemplateCode: null,
        languageCode: "en-GB",
      });
      expect(fake.callsTo("updateSegmentLine")[0]?.headers["if-match"]).toBe('"5"');
    },
    PICKER_TEST_TIMEOUT,
  );

  it(
    "edits the segment's subject per language with each row's etag, and shows a refused one at its field",
    async () => {
      const stampOf = (etag: string) => ({
        etag,
        createdAt: "2026-01-01T00:00:00Z",
        createdBy: "demo",
        modifiedAt: "2026-01-01T00:00:00Z",
        modifiedBy: "demo",
      });
      let rows = [
        {
          segmentNo: "MG0001",
          languageCode: "da-DK",
          description: "",
          subject: "Nyheder",
          letterFileName: "brev.docx",
          ...stampOf('"9"'),
        },
      ];
      const fake = createFakeApi({
        ...lookups,
        getSegment: () => ok(aSegment()),
        listSegmentLines: () => ok({ items: [] }),
        listSegmentInteractionLanguages: () => ok({ items: rows }),
        updateSegmentInteractionLanguage: (call) => {
          rows = rows.map((r) => ({ ...r, ...(call.body as object), ...stampOf('"10"') }));
          return ok(rows[0]);
        },
        createSegmentInteractionLanguage: () =>
          problem(409, "Already there", [
            {
              in: "body",
              field: "languageCode",
              message: "the segment has a subject in da-DK already",
            },
          ]),
      });
      renderLines(fake.fetch);
      fireEvent.click(await screen.findByRole("button", { name: "Subject per language" }));
      const subject = await screen.findByLabelText("Subject (da-DK)");
      expect(screen.getByText("Letter: brev.docx")).toBeTruthy();
      fireEvent.change(subject, { target: { value: "Nyt fra Nord" } });
      fireEvent.click(screen.getByRole("button", { name: "Save" }));
      await waitFor(() => expect(fake.callsTo("updateSegmentInteractionLanguage")).toHaveLength(1));
      const patch = fake.callsTo("updateSegmentInteractionLanguage")[0];
      expect(patch?.body).toEqual({ subject: "Nyt fra Nord" });
      expect(patch?.headers["if-match"]).toBe('"9"');
      // The lines took the new subject on the server: the segment is read again.
      await waitFor(() => expect(fake.callsTo("getSegment").length).toBeGreaterThan(1));

      const form = screen.getByRole("form", { name: "Add language" });
      fireEvent.change(within(form).getByRole("combobox", { name: "Language" }), {
        target: { value: "da" },
      });
      fireEvent.click(await screen.findByRole("option", { name: "da-DK – Danish (Denmark)" }));
      fireEvent.change(within(form).getByLabelText("Subject"), { target: { value: "Hej" } });
      fireEvent.click(within(form).getByRole("button", { name: "Add language" }));
      await waitFor(() => expect(fake.callsTo("createSegmentInteractionLanguage")).toHaveLength(1));
      expect(
        await within(form).findByText("the segment has a subject in da-DK already"),
      ).toBeTruthy();
      expect(fake.callsTo("createSegmentInteractionLanguage")[0]?.body).toEqual({
        languageCode: "da-DK",
        subject: "Hej",
      });
      expect(await seriousViolations()).toEqual([]);
    },
    PICKER_TEST_TIMEOUT,
  );
});
