import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen } from "@testing-library/react";
import { ApiProvider } from "../../../../../addin/api/api-context";
import { createApiClient } from "../../../../../addin/api/client";
import { ContactsView } from "../../../../../addin/features/contacts/contacts-view";
import { createBrowserHost } from "../../../../../addin/host/browser";
import { HostProvider } from "../../../../../addin/host/host-context";

const BASE_URL = "http://localhost:7071/api";

/** jsdom has no Response; the client needs only this much of one. */
const answer = (status: number, body: unknown): Response =>
  ({
    ok: status >= 200 && status < 300,
    status,
    headers: {
      get: (name: string) => (name.toLowerCase() === "content-type" ? "application/json" : null),
    },
    json: async () => body,
  }) as unknown as Response;

const stamp = {
  etag: '"1"',
  createdAt: "2026-01-01T00:00:00Z",
  createdBy: "demo",
  modifiedAt: "2026-01-01T00:00:00Z",
  modifiedBy: "demo",
};

/** A fake API: answers by path, or fails like an unreachable server. */
const fakeApi = (routes: Record<string, unknown> | "down") =>
  (async (input: RequestInfo | URL) => {
    if (routes === "down") throw new TypeError("Failed to fetch");
    const url = new URL(String(input));
    const path = url.pathname.replace(/^\/api/, "");
    return path in routes ? answer(200, routes[path]) : answer(404, {});
  }) as typeof fetch;

const renderView = (fetch: typeof globalThis.fetch, language = "en-US") =>
  render(
    <FluentProvider theme={webLightTheme}>
      <HostProvider host={createBrowserHost(language)}>
        <ApiProvider
          connection={{ baseUrl: BASE_URL, client: createApiClient({ baseUrl: BASE_URL, fetch }) }}
        >
          <ContactsView />
        </ApiProvider>
      </HostProvider>
    </FluentProvider>,
  );

describe("ContactsView", () => {
  it("shows a spinner, then the API's health and the contacts in a table", async () => {
    renderView(
      fakeApi({
        "/health": { status: "ok", version: "0.1.0", checks: [] },
        "/contacts": {
          items: [
            {
              no: "KT0001",
              type: "company",
              name: "Cronus Danmark A/S",
              searchName: "CRONUS",
              city: "Aarhus",
              ...stamp,
            },
            {
              no: "KT0002",
              type: "person",
              name: "Jens Hansen",
              searchName: "JENS",
              email: "jens@cronus.dk",
              ...stamp,
            },
          ],
        },
      }),
    );

    expect(screen.getByText("Loading contacts…")).toBeTruthy();
    expect(await screen.findByRole("table")).toBeTruthy();
    expect(screen.getByText("API ok, version 0.1.0")).toBeTruthy();
    expect(screen.getByText("Cronus Danmark A/S")).toBeTruthy();
    expect(screen.getByText("jens@cronus.dk")).toBeTruthy();
    expect(screen.getAllByRole("row")).toHaveLength(3);
  });

  it("says the API is unreachable, with its URL, in Danish for a Danish Office", async () => {
    renderView(fakeApi("down"), "da-DK");

    expect(await screen.findByText("API'et kan ikke nås")).toBeTruthy();
    expect(screen.getByText(/Kunne ikke nå http:\/\/localhost:7071\/api\/health/)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("shows the API's problem title when it answers with an error", async () => {
    const problem = { type: "about:blank", title: "Sign in first", status: 401 };
    renderView((async () => ({ ...answer(401, problem), ok: false })) as unknown as typeof fetch);

    expect(await screen.findByText("The API answered with an error")).toBeTruthy();
    expect(screen.getByText(/401 Sign in first/)).toBeTruthy();
  });
});
