import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { configure, render, type RenderResult } from "@testing-library/react";
import axe from "axe-core";
import type { ReactNode } from "react";
import { ApiProvider } from "../../../addin/api/api-context";
import { createApiClient } from "../../../addin/api/client";
import { createBrowserHost } from "../../../addin/host/browser";
import type { PaneHost } from "../../../addin/host/host";
import { HostProvider } from "../../../addin/host/host-context";

export const BASE_URL = "http://localhost:7071/api";

// Fluent renders slowly in jsdom when test files run side by side on a shared 2-core machine
// (the live count alone waits 400 ms): a find or waitFor gives up only after 15 s.
configure({ asyncUtilTimeout: 15_000 });

/** A feature as the pane renders it, in the host the test chooses (a fake Word, a browser). */
export const renderWithHost = (
  ui: ReactNode,
  { fetch, host }: { fetch: typeof globalThis.fetch; host: PaneHost },
): RenderResult =>
  render(
    <FluentProvider theme={webLightTheme}>
      <HostProvider host={host}>
        <ApiProvider
          connection={{ baseUrl: BASE_URL, client: createApiClient({ baseUrl: BASE_URL, fetch }) }}
        >
          {ui}
        </ApiProvider>
      </HostProvider>
    </FluentProvider>,
  );

/** A feature as the pane renders it in a browser: theme, host (in a language), and an API over `fetch`. */
export const renderPane = (
  ui: ReactNode,
  { fetch, language = "en-US" }: { fetch: typeof globalThis.fetch; language?: string },
): RenderResult => renderWithHost(ui, { fetch, host: createBrowserHost(language) });

/**
 * axe-core on what is rendered (dialogs and popovers render into body, so the whole document),
 * reduced to serious and critical violations. Colour contrast needs layout jsdom does not do;
 * the end-to-end test in Chromium checks it.
 */
export const seriousViolations = async (): Promise<string[]> => {
  // axe measures icon ligatures on a canvas jsdom lacks; without one it skips that measure.
  HTMLCanvasElement.prototype.getContext = (() =>
    null) as typeof HTMLCanvasElement.prototype.getContext;
  const result = await axe.run(document.body, {
    rules: { "color-contrast": { enabled: false } },
    resultTypes: ["violations"],
  });
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
};
