import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { letterValues, mergeFields } from "@shared/letter/merge-fields";
import { LetterView } from "../../../../../addin/features/letter/letter-view";
import { PreviewView } from "../../../../../addin/features/preview/preview-view";
import { createBrowserHost } from "../../../../../addin/host/browser";
import { flatOpcToDocx } from "../../../../../addin/host/letter-engine";
import { aSegment, createFakeApi, ok } from "../../fake-api";
import { seriousViolations } from "../../render-pane";
import { createFakeHost } from "../../host/fake-host";
import { contentControl, flatOpc, paragraph } from "../../host/letter-ooxml";
import { renderWithHost } from "../../host/render-with-host";

/**
 * The pane's Address Block and Greeting Line: offered in the field list from the server's own
 * catalog, inserted as the pane inserts every field (a content control tagged with its name),
 * and shown in the preview with the contact's laid-out address and greeting.
 */

const segment = aSegment({ no: "S0001", description: "Forår", date: "2026-03-01", noOfLines: 1 });

const company = {
  no: "KT0001",
  name: "Nord A/S",
  type: "company" as const,
  address: "Vestergade 1",
  postCode: "8000",
  city: "Aarhus C",
  countryRegionCode: "DK",
};

const api = () =>
  createFakeApi({
    listMergeFields: () => ok({ items: [...mergeFields] }),
    getSegment: () => ok(segment),
    getMergeData: () =>
      ok({
        items: [
          {
            lineNo: 10000,
            contactNo: "KT0001",
            name: "Nord A/S",
            language: "da-DK",
            values: letterValues({
              contact: company,
              today: "2026-03-01",
              language: "da-DK",
              homeCountry: "DK",
            }),
          },
        ],
      }),
    listSegmentLines: () => ok({ items: [] }),
  });

describe("Address Block and Greeting Line in the pane", () => {
  it("offers Adresseblok and Hilsningslinje among the contact's fields and inserts them", async () => {
    const host = createFakeHost({ language: "da-DK" });
    renderWithHost(<LetterView segmentNo="S0001" />, { fetch: api().fetch, host });

    const contact = await screen.findByRole("group", { name: "Kontakt" });
    const labels = within(contact)
      .getAllByRole("button")
      .map((b) => b.textContent);
    expect(labels).toEqual(
      expect.arrayContaining(["Adresseblok«Address Block»", "Hilsningslinje«Greeting Line»"]),
    );
    fireEvent.click(within(contact).getByRole("button", { name: /Adresseblok/ }));
    await screen.findByText("Indsatte «Address Block».");
    expect(host.insertField).toHaveBeenCalledWith("Address Block");
    await waitFor(() => expect(screen.getByText("«Address Block»")).toBeTruthy());
    fireEvent.click(within(contact).getByRole("button", { name: /Hilsningslinje/ }));
    await screen.findByText("Indsatte «Greeting Line».");
    expect(host.insertField).toHaveBeenCalledWith("Greeting Line");
    await waitFor(() => expect(screen.getByText("«Greeting Line»")).toBeTruthy());
    expect(await seriousViolations()).toEqual([]);
  });

  it("offers Address Block and Greeting Line in English", async () => {
    renderWithHost(<LetterView segmentNo="S0001" />, {
      fetch: api().fetch,
      host: createFakeHost(),
    });
    const contact = await screen.findByRole("group", { name: "Contact" });
    expect(
      within(contact).getByRole("button", { name: /Insert merge field Address Block/ }),
    ).toBeTruthy();
    expect(
      within(contact).getByRole("button", { name: /Insert merge field Greeting Line/ }),
    ).toBeTruthy();
  });

  it("previews a company's address and the fallback greeting, never 'Kære ,'", async () => {
    const host = createBrowserHost("da-DK");
    await host.openDocument({
      fileName: "Brev.docx",
      bytes: flatOpcToDocx(
        flatOpc(
          paragraph(contentControl("Address Block", 1)),
          paragraph(contentControl("Greeting Line", 2)),
        ),
      ),
    });
    renderWithHost(<PreviewView segmentNo="S0001" />, { fetch: api().fetch, host });

    const table = await screen.findByRole("table", { name: "Værdier for Nord A/S" });
    await waitFor(() => expect(table.textContent).toContain("Greeting LineKære kunde,"));
    expect(table.textContent).toContain("Nord A/S");
    expect(table.textContent).toContain("8000 Aarhus C");
    expect(table.textContent).not.toContain("Kære ,");
  });
});
