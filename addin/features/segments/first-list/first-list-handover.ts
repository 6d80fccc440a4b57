/**
 * The hand-over between the segment list drawn in plain DOM before React runs
 * (render-first-list.ts, in the page's first script) and the pane that takes its place. The two
 * are different bundles and share no modules: the state is one property of the window.
 *
 * - While the plain list is shown, the pane's own root is hidden (`ml-first-list` on <body>), so
 *   React may render its shell underneath without a flash of a loading list.
 * - A segment opened in the plain list is remembered until the pane subscribes, then handed on.
 * - The pane ends the plain list once its own list (or whatever view it went to) is in place,
 *   and learns which segment's row had the focus, to put it on the same row.
 */
interface FirstListState {
  element?: HTMLElement;
  pendingOpen?: string;
  onOpen?: (no: string) => void;
}

declare global {
  interface Window {
    __mergelineFirstList?: FirstListState;
  }
}

/** The class on <body> that hides the pane's root while the plain list stands in for it. */
export const FIRST_LIST_CLASS = "ml-first-list";

/** The attribute on each plain row's button that names its segment. */
export const FIRST_LIST_ROW_ATTRIBUTE = "data-first-list-no";

const state = (): FirstListState | undefined =>
  typeof window === "undefined" ? undefined : window.__mergelineFirstList;

/** The plain list is on screen (render-first-list.ts); the pane's root is hidden under it. */
export const showFirstList = (element: HTMLElement): void => {
  window.__mergelineFirstList = { ...state(), element };
  document.body.classList.add(FIRST_LIST_CLASS);
};

/** Whether the plain list is on screen now. */
export const firstListShown = (): boolean => state()?.element?.isConnected === true;

/** A row of the plain list was chosen: the pane opens it now, or as soon as it is listening. */
export const requestFirstListOpen = (no: string): void => {
  const current = state();
  if (!current) return;
  if (current.onOpen) current.onOpen(no);
  else current.pendingOpen = no;
};

/**
 * The pane listens for segments opened in the plain list: one chosen before it listened comes at
 * once. Returns the way to stop listening.
 */
export const onFirstListOpen = (open: (no: string) => void): (() => void) => {
  const current = state();
  if (!current) return () => undefined;
  current.onOpen = open;
  const pending = current.pendingOpen;
  current.pendingOpen = undefined;
  if (pending !== undefined) open(pending);
  return () => {
    if (current.onOpen === open) current.onOpen = undefined;
  };
};

/**
 * Takes the plain list off the screen and shows the pane's root. Returns the segment whose row
 * had the keyboard focus, if any, so the pane can put it on the same row; undefined when nothing
 * was shown or the focus was elsewhere. Safe to call more than once.
 */
export const endFirstList = (): string | undefined => {
  const current = state();
  const element = current?.element;
  if (!current || !element) return undefined;
  const focused = document.activeElement;
  const no =
    focused instanceof HTMLElement && element.contains(focused)
      ? (focused.getAttribute(FIRST_LIST_ROW_ATTRIBUTE) ?? undefined)
      : undefined;
  element.remove();
  current.element = undefined;
  document.body.classList.remove(FIRST_LIST_CLASS);
  return no;
};
