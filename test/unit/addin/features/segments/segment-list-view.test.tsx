import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { createApiClient } from "../../../../../addin/api/client";
import { requestFirstSegmentPage } from "../../../../../addin/features/segments/first-segment-page";
import { SegmentListView } from "../../../../../addin/features/segments/segment-list-view";
import { aSegment, createFakeApi, ok, problem } from "../../fake-api";
import { BASE_URL, renderPane, seriousViolations, findDialog } from "../../render-pane";
import { drawEarlyList, earlyRow, removeEarlyList } from "./first-list/early-list-page";

const segments = [
  aSegment({ no: "MG0001", description: "Spring letter", campaignNo: "KAMP01", noOfLines: 12 }),
  aSegment({ no: "MG0002", description: "Christmas cards", status: "logged", noOfLines: 300 }),
];

describe("SegmentListView", () => {
  it("lists No., description, campaign, number of lines and whether each is logged", async () => {
    const fake = createFakeApi({ listSegments: () => ok({ items: segments }) });
    renderPane(<SegmentListView onOpen={() => undefined} />, { fetch: fake.fetch });

    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(within(rows[1] as HTMLElement).getByText("MG0001")).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText("Campaign KAMP01")).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText("12")).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText("Open")).toBeTruthy();
    expect(within(rows[2] as HTMLElement).getByText("Logged")).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it("shows the first page the pane asked for while it started, without asking again", async () => {
    const fake = createFakeApi({ listSegments: () => ok({ items: segments }) });
    requestFirstSegmentPage(createApiClient({ baseUrl: BASE_URL, fetch: fake.fetch }));
    renderPane(<SegmentListView onOpen={() => undefined} />, { fetch: fake.fetch });

    await screen.findByText("Christmas cards");
    expect(fake.callsTo("listSegments")).toHaveLength(1);
    expect(fake.callsTo("listSegments")[0]?.query.top).toBe("50");

    // Taken once: the next list (a reload, another visit) asks the server.
    renderPane(<SegmentListView onOpen={() => undefined} />, { fetch: fake.fetch });
    await waitFor(() => expect(fake.callsTo("listSegments")).toHaveLength(2));
  });

  it("searches as the user types, once the typing pauses", async () => {
    const fake = createFakeApi({
      listSegments: (call) =>
        ok({
          items: segments.filter(
            (s) => !call.query.search || s.description.includes(call.query.search),
          ),
        }),
    });
    renderPane(<SegmentListView onOpen={() => undefined} />, { fetch: fake.fetch });
    await screen.findByText("Christmas cards");

    fireEvent.change(screen.getByRole("searchbox", { name: "Search segments" }), {
      target: { value: "Spring" },
    });
    await waitFor(() => expect(screen.queryByText("Christmas cards")).toBeNull());
    expect(fake.callsTo("listSegments").at(-1)?.query.search).toBe("Spring");
  });

  it("opens a segment by its No. link, from the keyboard too", async () => {
    const fake = createFakeApi({ listSegments: () => ok({ items: segments }) });
    const onOpen = jest.fn();
    renderPane(<SegmentListView onOpen={onOpen} />, { fetch: fake.fetch });

    fireEvent.click(
      await screen.findByRole("button", { name: "Open segment MG0002 Christmas cards" }),
    );
    expect(onOpen).toHaveBeenCalledWith("MG0002");
  });

  it("creates a segment and shows the API's problems next to the field they name", async () => {
    let attempts = 0;
    const fake = createFakeApi({
      listSegments: () => ok({ items: [] }),
      createSegment: (call) => {
        attempts += 1;
        if (attempts === 1)
          return problem(400, "Invalid request", [
            { in: "body", field: "description", message: "is already used by MG0001" },
          ]);
        return { status: 201, body: aSegment({ no: "MG0003", ...(call.body as object) }) };
      },
    });
    const onOpen = jest.fn();
    renderPane(<SegmentListView onOpen={onOpen} />, { fetch: fake.fetch });
    expect(await screen.findByText("No segments yet. Create one with New.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "New" }));
    const dialog = await findDialog();
    fireEvent.change(dialog.getByLabelText("Description"), {
      target: { value: "Spring — duplicate" },
    });
    fireEvent.click(dialog.getByRole("button", { name: "Create" }));

    const description = dialog.getByLabelText("Description");
    await waitFor(() => expect(description.getAttribute("aria-invalid")).toBe("true"));
    const describedBy = description.getAttribute("aria-describedby") ?? "";
    expect(document.getElementById(describedBy.split(" ")[0] ?? "")?.textContent).toContain(
      "is already used by MG0001",
    );
    expect(await seriousViolations()).toEqual([]);

    fireEvent.change(description, { target: { value: "Autumn" } });
    fireEvent.click(dialog.getByRole("button", { name: "Create" }));
    await waitFor(() => expect(onOpen).toHaveBeenCalledWith("MG0003"));
    expect(fake.callsTo("createSegment").at(-1)?.body).toEqual({
      description: "Autumn",
      dynamic: false,
    });
  });

  it("says when the API cannot be reached, with its URL and a Retry that asks again", async () => {
    let up = false;
    const listing = createFakeApi({ listSegments: () => ok({ items: segments }) });
    const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (!up) throw new TypeError("Failed to fetch");
      return listing.fetch(input, init);
    }) as typeof globalThis.fetch;
    renderPane(<SegmentListView onOpen={() => undefined} />, { fetch, language: "da-DK" });

    expect(await screen.findByText("API'et kan ikke nås")).toBeTruthy();
    expect(screen.getByText(/http:\/\/localhost:7071\/api\/segments/)).toBeTruthy();
    up = true;
    fireEvent.click(screen.getByRole("button", { name: "Prøv igen" }));
    expect(await screen.findByText("Spring letter")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Målgrupper" })).toBeTruthy();
  });

  describe("after the list drawn before React ran (first-list/)", () => {
    afterEach(removeEarlyList);

    it("takes its place once its own rows are in, the focus on the same segment's row", async () => {
      drawEarlyList(segments);
      const early = earlyRow("MG0002");
      early?.focus();
      expect(document.activeElement).toBe(early);
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      const fake = createFakeApi({ listSegments: () => ok({ items: segments }) });
      const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
        await held;
        return fake.fetch(input, init);
      }) as typeof globalThis.fetch;
      renderPane(<SegmentListView onOpen={() => undefined} />, { fetch });

      // Its own list still loading: the early one stays, the pane's root hidden under it.
      expect(await screen.findByText("Loading segments…")).toBeTruthy();
      expect(document.querySelector("main.ml-first")).not.toBeNull();
      expect(document.body.classList.contains("ml-first-list")).toBe(true);
      expect(document.activeElement).toBe(early);

      release();
      // The pane's own row (the early list's has the same name).
      const own = await waitFor(() => {
        const link = document.querySelector<HTMLElement>('[data-segment-no="MG0002"]');
        expect(link).not.toBeNull();
        return link as HTMLElement;
      });
      expect(own.getAttribute("aria-label")).toBe("Open segment MG0002 Christmas cards");
      expect(document.querySelector("main.ml-first")).toBeNull();
      expect(document.body.classList.contains("ml-first-list")).toBe(false);
      expect(document.activeElement).toBe(own);
    });

    it("takes its place with a problem too, and leaves the focus alone when no row had it", async () => {
      drawEarlyList(segments);
      const fetch = (async () => {
        throw new TypeError("Failed to fetch");
      }) as typeof globalThis.fetch;
      renderPane(<SegmentListView onOpen={() => undefined} />, { fetch });

      expect(await screen.findByText("API unreachable")).toBeTruthy();
      expect(document.querySelector("main.ml-first")).toBeNull();
      expect(document.body.classList.contains("ml-first-list")).toBe(false);
    });
  });
});
