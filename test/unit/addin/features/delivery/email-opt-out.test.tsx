import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { Contact } from "@shared/model/contact";
import { OpenSegmentProvider } from "../../../../../addin/features/segments/open-segment";
import { SegmentLinesView } from "../../../../../addin/features/segments/segment-lines-view";
import { aLine, aSegment, createFakeApi, ok, problem, stamp } from "../../fake-api";
import { findDialog, renderPane, seriousViolations } from "../../render-pane";

const aContact = (overrides: Partial<Contact> = {}): Contact => ({
  no: "KT0001",
  type: "person",
  name: "Jens Hansen",
  searchName: "JENS HANSEN",
  emailOptOut: false,
  excludeFromSegments: false,
  mailingGroups: [],
  industryGroups: [],
  businessRelations: [],
  jobResponsibilities: [],
  profileAnswers: [],
  customFields: {},
  ...stamp,
  ...overrides,
});

const renderLines = (fetch: typeof globalThis.fetch, language = "en-US") =>
  renderPane(
    <OpenSegmentProvider no="MG0001">
      <SegmentLinesView />
    </OpenSegmentProvider>,
    { fetch, language },
  );

const lookups = {
  listSalespeople: () => ok({ items: [] }),
  listCampaigns: () => ok({ items: [] }),
  listInteractionTemplates: () => ok({ items: [] }),
};

describe("E-mail opt-out on a segment's lines", () => {
  it("marks a contact who opted out, as the line says", async () => {
    const fake = createFakeApi({
      ...lookups,
      getSegment: () => ok(aSegment()),
      listSegmentLines: () =>
        ok({
          items: [
            aLine(),
            aLine({
              lineNo: 2,
              contactNo: "KT0002",
              contactName: "Lise Berg",
              contactEmailOptOut: true,
            }),
          ],
        }),
    });
    renderLines(fake.fetch, "da-DK");
    const rows = await screen.findAllByRole("row");
    const lise = rows.find((r) => within(r).queryByText("Lise Berg"));
    const jens = rows.find((r) => within(r).queryByText("Jens Hansen"));
    expect(lise && within(lise).getByText("Ingen e-mail")).toBeTruthy();
    expect(jens && within(jens).queryByText("Ingen e-mail")).toBeNull();
  });

  it("sets the flag with the contact's ETag, marks the line, and Undo clears it again", async () => {
    let contact = aContact({ etag: '"3"' });
    const fake = createFakeApi({
      ...lookups,
      getSegment: () => ok(aSegment()),
      listSegmentLines: () => ok({ items: [aLine()] }),
      getContact: () => ok(contact),
      updateContact: (call) => {
        if (call.headers["if-match"] !== contact.etag)
          return problem(412, "Changed by someone else");
        const body = call.body as { emailOptOut: boolean };
        contact = {
          ...contact,
          emailOptOut: body.emailOptOut,
          etag: `"${Number(contact.etag.slice(1, -1)) + 1}"`,
        };
        return ok(contact);
      },
    });
    renderLines(fake.fetch);

    fireEvent.click(await screen.findByRole("button", { name: "Actions for Jens Hansen" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "E-mail opt-out…" }));
    const dialog = await findDialog("E-mail opt-out: Jens Hansen");
    const toggle = await dialog.findByRole("switch", { name: "Opted out of e-mail" });
    expect((toggle as HTMLInputElement).checked).toBe(false);
    fireEvent.click(toggle);
    fireEvent.click(dialog.getByRole("button", { name: "Save" }));

    expect(await screen.findByText("Jens Hansen is opted out of e-mail.")).toBeTruthy();
    expect(screen.getByText("No e-mail")).toBeTruthy();
    expect(fake.callsTo("updateContact")[0]).toMatchObject({
      body: { emailOptOut: true },
      headers: { "if-match": '"3"' },
    });

    fireEvent.click(await screen.findByRole("button", { name: "Undo" }));
    await waitFor(() => expect(screen.queryByText("No e-mail")).toBeNull());
    // Undo writes under the ETag the first write answered, not the stale one.
    expect(fake.callsTo("updateContact")[1]).toMatchObject({
      body: { emailOptOut: false },
      headers: { "if-match": '"4"' },
    });
    expect(contact.emailOptOut).toBe(false);
    expect(await seriousViolations()).toEqual([]);
  });

  it("says so when someone changed the contact meanwhile, and writes nothing", async () => {
    const fake = createFakeApi({
      ...lookups,
      getSegment: () => ok(aSegment()),
      listSegmentLines: () => ok({ items: [aLine()] }),
      getContact: () => ok(aContact({ emailOptOut: true })),
      updateContact: () => problem(412, "Changed by someone else"),
    });
    renderLines(fake.fetch);
    fireEvent.click(await screen.findByRole("button", { name: "Actions for Jens Hansen" }));
    fireEvent.click(await screen.findByRole("menuitem", { name: "E-mail opt-out…" }));
    const dialog = await findDialog("E-mail opt-out: Jens Hansen");
    const toggle = await dialog.findByRole("switch", { name: "Opted out of e-mail" });
    expect((toggle as HTMLInputElement).checked).toBe(true);
    fireEvent.click(toggle);
    fireEvent.click(dialog.getByRole("button", { name: "Save" }));
    expect(
      await dialog.findByText(
        "Someone else changed Jens Hansen meanwhile. This is the contact as it is now: choose again.",
      ),
    ).toBeTruthy();
    // Read again: the next Save goes under the new ETag.
    await waitFor(() => expect(fake.callsTo("getContact")).toHaveLength(2));
    expect(screen.queryByText(/gets e-mail again/)).toBeNull();
  });
});
