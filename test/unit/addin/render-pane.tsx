import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import {
  configure,
  render,
  screen,
  within,
  type ByRoleMatcher,
  type ByRoleOptions,
  type RenderResult,
} from "@testing-library/react";
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

/**
 * An open dialog, with the queries a test makes inside it. jsdom lays nothing out, so tabster
 * (Fluent's focus manager) takes every control for invisible and a Dialog may focus its own
 * surface before tabster has registered the modal; that modal never becomes the active one, and
 * tabster's deferred pass (250 ms on) marks the open dialog aria-hidden, which role queries
 * skip. A loaded machine takes longer than that between two steps of a test. In Chromium focus
 * lands on the first control and the modal is active (the e2e tests run axe there), so role
 * queries here look through that jsdom-only aria-hidden; they still find by role and name.
 * (The same deferred pass unhides the page behind a dialog after it closes: find, not get, a
 * control there right after a dialog.)
 */
export const findDialog = async (name?: string | RegExp, role = "dialog") => {
  const dialog = await screen.findByRole(role, { name, hidden: true });
  const inside = within(dialog);
  return {
    ...inside,
    element: dialog,
    getByRole: (r: ByRoleMatcher, options?: ByRoleOptions) =>
      inside.getByRole(r, { ...options, hidden: true }),
    queryByRole: (r: ByRoleMatcher, options?: ByRoleOptions) =>
      inside.queryByRole(r, { ...options, hidden: true }),
    findByRole: (r: ByRoleMatcher, options?: ByRoleOptions) =>
      inside.findByRole(r, { ...options, hidden: true }),
  };
};
