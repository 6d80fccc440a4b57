import { isDanish } from "../../../i18n/is-danish";

/**
 * The few words the plain first list shows (render-first-list.ts), in both languages. The page's
 * first script cannot carry the pane's catalogs (the Danish one is a chunk of its own), so these
 * are copies of the catalogs' entries under the same keys; a unit test holds them equal.
 */
export const firstListKeys = [
  "shell.title",
  "shell.nav",
  "shell.segments",
  "shell.logged",
  "segments.list.heading",
  "segments.list.col.no",
  "segments.list.col.description",
  "segments.list.col.lines",
  "segments.list.col.status",
  "segments.list.open",
  "segments.list.campaign",
  "segments.list.dynamic",
  "segments.status.open",
  "segments.status.logging",
  "segments.status.logged",
] as const;

export type FirstListKey = (typeof firstListKeys)[number];
export type FirstListTexts = Readonly<Record<FirstListKey, string>>;

const english: FirstListTexts = {
  "shell.title": "Mergeline",
  "shell.nav": "Main",
  "shell.segments": "Segments",
  "shell.logged": "Logged segments",
  "segments.list.heading": "Segments",
  "segments.list.col.no": "No.",
  "segments.list.col.description": "Description",
  "segments.list.col.lines": "Lines",
  "segments.list.col.status": "Status",
  "segments.list.open": "Open segment {no} {description}",
  "segments.list.campaign": "Campaign {no}",
  "segments.list.dynamic": "Dynamic",
  "segments.status.open": "Open",
  "segments.status.logging": "Logging",
  "segments.status.logged": "Logged",
};

const danish: FirstListTexts = {
  "shell.title": "Mergeline",
  "shell.nav": "Hovedmenu",
  "shell.segments": "Målgrupper",
  "shell.logged": "Logførte målgrupper",
  "segments.list.heading": "Målgrupper",
  "segments.list.col.no": "Nr.",
  "segments.list.col.description": "Beskrivelse",
  "segments.list.col.lines": "Linjer",
  "segments.list.col.status": "Status",
  "segments.list.open": "Åbn målgruppe {no} {description}",
  "segments.list.campaign": "Kampagne {no}",
  "segments.list.dynamic": "Dynamisk",
  "segments.status.open": "Åben",
  "segments.status.logging": "Logføres",
  "segments.status.logged": "Logført",
};

/** The words for a display language, chosen as translate.ts chooses its catalog. */
export const firstListTexts = (language: string): FirstListTexts =>
  isDanish(language) ? danish : english;

/** "{no}" and the like filled in; the templates here have no plurals. */
export const fillIn = (template: string, values: Readonly<Record<string, string>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
