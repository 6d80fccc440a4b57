import type { Segment } from "@shared/model/segment";
import type { HostTheme } from "../../../host/host";
import { usableLocale } from "../../../i18n/usable-locale";
import {
  FIRST_LIST_ROW_ATTRIBUTE,
  requestFirstListOpen,
  showFirstList,
} from "./first-list-handover";
import { fillIn, firstListTexts, type FirstListTexts } from "./first-list-texts";

/**
 * A segment as the first page's answer carries it: only what the plain list shows. The status is
 * any text: one this list does not know is shown as open, as the pane's badge does.
 */
type FirstListSegment = Pick<
  Segment,
  "no" | "description" | "noOfLines" | "campaignNo" | "dynamic"
> & {
  readonly status: string;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const readSegment = (value: unknown): FirstListSegment | undefined => {
  if (!isRecord(value)) return undefined;
  const { no, description, noOfLines, status, campaignNo, dynamic } = value;
  if (typeof no !== "string" || no === "" || typeof description !== "string") return undefined;
  if (typeof noOfLines !== "number" || !Number.isFinite(noOfLines)) return undefined;
  if (typeof status !== "string") return undefined;
  if (campaignNo !== undefined && campaignNo !== null && typeof campaignNo !== "string")
    return undefined;
  return {
    no,
    description,
    noOfLines,
    status,
    ...(typeof campaignNo === "string" && campaignNo ? { campaignNo } : {}),
    dynamic: dynamic === true,
  };
};

/**
 * The segments of the first page's answer, or undefined when it is not one this list can show
 * faithfully (then the pane's own list is waited for): the answer is read without the pane's
 * contract, so anything unexpected leaves it to the pane.
 */
export const readFirstPage = (body: unknown): FirstListSegment[] | undefined => {
  if (!isRecord(body) || !Array.isArray(body.items) || body.items.length === 0) return undefined;
  const segments = body.items.map(readSegment);
  return segments.every((segment) => segment !== undefined)
    ? (segments as FirstListSegment[])
    : undefined;
};

const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] => {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
};

/** A grey placeholder where a control of the pane will be. */
const bar = (className: string) => element("span", `bar ${className}`);

const statusBadge = (texts: FirstListTexts, status: string) => {
  const known = status === "logged" || status === "logging" ? status : "open";
  return element("span", `ml-first-badge ml-first-${known}`, texts[`segments.status.${known}`]);
};

const row = (texts: FirstListTexts, format: Intl.NumberFormat, segment: FirstListSegment) => {
  const tr = element("tr");
  tr.setAttribute(FIRST_LIST_ROW_ATTRIBUTE, segment.no);

  const open = element("button", "ml-first-link", segment.no);
  open.type = "button";
  open.setAttribute(FIRST_LIST_ROW_ATTRIBUTE, segment.no);
  open.setAttribute(
    "aria-label",
    fillIn(texts["segments.list.open"], { no: segment.no, description: segment.description }),
  );
  const noCell = element("td", "ml-first-no");
  noCell.append(open);

  const description = element("div", "ml-first-description");
  description.append(element("span", undefined, segment.description));
  if (segment.campaignNo)
    description.append(
      element(
        "span",
        "ml-first-caption",
        fillIn(texts["segments.list.campaign"], { no: segment.campaignNo }),
      ),
    );
  const descriptionCell = element("td");
  descriptionCell.append(description);

  const badges = element("div", "ml-first-badges");
  badges.append(statusBadge(texts, segment.status));
  if (segment.dynamic)
    badges.append(
      element("span", "ml-first-badge ml-first-dynamic", texts["segments.list.dynamic"]),
    );
  const statusCell = element("td", "ml-first-status");
  statusCell.append(badges);

  tr.append(
    noCell,
    descriptionCell,
    element("td", "ml-first-lines", format.format(segment.noOfLines)),
    statusCell,
  );
  return tr;
};

/**
 * Draws the segment list from the first page's answer in plain DOM, before React and Fluent UI
 * have run, laid out as the pane's own list (taskpane.html holds its styles): the marketer reads
 * it and opens a segment at once; the pane opens what was chosen as soon as it runs and then
 * takes the list's place (first-list-handover.ts). The search, New and the navigation are
 * placeholders until then. Shown only over the start-up skeleton: once the pane has drawn
 * anything itself, or the answer is not a page of segments, nothing is drawn. Every value is
 * set as text, never as markup. Returns whether the list is shown.
 */
export const renderFirstList = (
  container: HTMLElement,
  body: unknown,
  language: string,
  theme: HostTheme,
): boolean => {
  if (!container.querySelector("#startup-skeleton")) return false;
  const segments = readFirstPage(body);
  if (!segments) return false;
  const texts = firstListTexts(language);
  const format = new Intl.NumberFormat(usableLocale(language), { maximumFractionDigits: 2 });

  const main = element("main", `ml-first ml-first-${theme}`);
  main.lang = language;

  const header = element("header");
  const nav = element("div", "ml-first-nav");
  nav.setAttribute("aria-hidden", "true");
  nav.append(
    element("span", "ml-first-current", texts["shell.segments"]),
    element("span", undefined, texts["shell.logged"]),
  );
  header.append(element("h1", undefined, texts["shell.title"]), nav);

  const section = element("section");
  section.setAttribute("aria-labelledby", "ml-first-heading");
  const heading = element("h2", undefined, texts["segments.list.heading"]);
  heading.id = "ml-first-heading";
  const tools = element("div", "ml-first-tools");
  tools.setAttribute("aria-hidden", "true");
  tools.append(bar("ml-first-search"), bar("ml-first-new"), bar("ml-first-import"));

  const table = element("table");
  table.setAttribute("aria-labelledby", "ml-first-heading");
  const headRow = element("tr");
  headRow.append(
    element("th", "ml-first-no", texts["segments.list.col.no"]),
    element("th", undefined, texts["segments.list.col.description"]),
    element("th", "ml-first-lines", texts["segments.list.col.lines"]),
    element("th", "ml-first-status", texts["segments.list.col.status"]),
  );
  const head = element("thead");
  head.append(headRow);
  const rows = element("tbody");
  rows.append(...segments.map((segment) => row(texts, format, segment)));
  // A row (its button, or anywhere on it, as in the pane's own list) opens its segment.
  rows.addEventListener("click", (event) => {
    const chosen =
      event.target instanceof Element
        ? event.target.closest(`tr[${FIRST_LIST_ROW_ATTRIBUTE}]`)
        : null;
    const no = chosen?.getAttribute(FIRST_LIST_ROW_ATTRIBUTE);
    if (!chosen || !no) return;
    for (const other of rows.querySelectorAll(".ml-first-opening"))
      other.classList.remove("ml-first-opening");
    chosen.classList.add("ml-first-opening");
    requestFirstListOpen(no);
  });
  table.append(head, rows);
  section.append(heading, tools, table);
  main.append(header, section);

  container.before(main);
  showFirstList(main);
  return true;
};
