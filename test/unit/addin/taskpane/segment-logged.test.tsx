import { fireEvent, render, screen, within } from "@testing-library/react";
import { createApiClient } from "../../../../addin/api/client";
import { createBrowserHost } from "../../../../addin/host/browser";
import { Root } from "../../../../addin/taskpane/root";
import { aSegment, createFakeApi, ok, problem } from "../fake-api";
import { BASE_URL } from "../render-pane";

const loggedSegment = {
  entryNo: 7,
  segmentNo: "MG0001",
  description: "Spring letter",
  createdAt: "2026-03-02T09:00:00Z",
  userId: "demo",
  noOfInteractions: 2,
  noOfCampaignEntries: 0,
  canceled: false,
  etag: '"1"',
};

describe("a segment after Log, in the open segment's header and the list", () => {
  it("shows it as logged at once and no longer lists it among the open segments", async () => {
    let logged = false;
    const fake = createFakeApi({
      // As the server answers: a logged segment no longer lists and answers 410.
      listSegments: () =>
        ok({
          items: logged
            ? [aSegment({ no: "MG0002", description: "Autumn" })]
            : [aSegment(), aSegment({ no: "MG0002", description: "Autumn" })],
        }),
      getSegment: (call) =>
        logged && call.params.no === "MG0001"
          ? problem(410, "The segment was logged")
          : ok(aSegment({ no: call.params.no })),
      checkLog: () => ok({ lines: 2, problems: [] }),
      logSegment: () => {
        logged = true;
        return ok({ loggedSegment, replayed: false });
      },
    });
    render(
      <Root
        host={createBrowserHost("en-US")}
        connection={{
          baseUrl: BASE_URL,
          client: createApiClient({ baseUrl: BASE_URL, fetch: fake.fetch }),
        }}
        initialRoute={{ view: "segment", no: "MG0001", tab: "log" }}
      />,
    );
    const title = (await screen.findByRole("heading", { name: "MG0001 Spring letter" }))
      .parentElement?.parentElement as HTMLElement;
    expect(within(title).getByText("Open")).toBeTruthy();

    fireEvent.click(await screen.findByRole("button", { name: "Log" }));
    expect(await screen.findByText("Logged segment 7: 2 interactions.")).toBeTruthy();
    // The header says what the Log did, without reopening the segment.
    expect(within(title).getByText("Logged")).toBeTruthy();
    expect(within(title).queryByText("Open")).toBeNull();

    fireEvent.click(screen.getByRole("button", { name: "Back to segments" }));
    expect(await screen.findByRole("button", { name: "Open segment MG0002 Autumn" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Open segment MG0001 Spring letter" })).toBeNull();
  });
});
