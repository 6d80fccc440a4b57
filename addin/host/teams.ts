import { app } from "@microsoft/teams-js";
import type { HostTheme, PaneHost } from "./host";
import { createUploadedLetter } from "./uploaded-letter";

/** The part of teams-js the Teams host uses; tests hand in a stand-in. */
export interface TeamsSdk {
  initialize(): Promise<void>;
  getContext(): Promise<{ app: { locale: string; theme: string } }>;
  registerOnThemeChangeHandler(handler: (theme: string) => void): void;
}

/** Teams names its themes default, dark and contrast. */
export const teamsTheme = (theme: string | undefined): HostTheme =>
  theme === "dark" ? "dark" : theme === "contrast" ? "contrast" : "light";

const TEAMS: TeamsSdk = {
  initialize: () => app.initialize(),
  getContext: () => app.getContext(),
  registerOnThemeChangeHandler: (handler) => app.registerOnThemeChangeHandler(handler),
};

/** Thrown when teams-js does not answer in time: the page is not inside Teams. */
export class TeamsTimeoutError extends Error {
  override readonly name = "TeamsTimeoutError";
  constructor(ms: number) {
    super(`Teams did not answer within ${ms} ms`);
  }
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new TeamsTimeoutError(ms)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });

/**
 * The pane as a Teams tab: the same bundle, no Office.js. Language and theme follow Teams; the
 * letter is an uploaded .docx and merged letters come from the server as downloads. Throws
 * (TeamsTimeoutError) when the page is not in Teams, so detection falls back to the browser.
 */
export const createTeamsHost = async ({
  sdk = TEAMS,
  timeoutMs = 3000,
}: { sdk?: TeamsSdk; timeoutMs?: number } = {}): Promise<PaneHost> => {
  await within(sdk.initialize(), timeoutMs);
  const context = await within(sdk.getContext(), timeoutMs);
  let theme = teamsTheme(context.app.theme);
  const listeners = new Set<(theme: HostTheme) => void>();
  // Teams keeps one handler; the host fans the change out to whoever listens.
  sdk.registerOnThemeChangeHandler((name) => {
    theme = teamsTheme(name);
    for (const listener of listeners) listener(theme);
  });
  const language = context.app.locale || "en-US";
  return {
    kind: "teams",
    displayLanguage: language,
    documentTitle: async () => "",
    // Teams brokers tokens for tabs with nested app authentication.
    signIn: { nestedAppAuth: true },
    theme: () => theme,
    onThemeChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    ...createUploadedLetter(language),
  };
};
