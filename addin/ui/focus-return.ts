/**
 * Focus goes back to the element that opened a dialog or drawer when it closes.
 *
 * Fluent's dialogs restore focus only to an element that still exists; most of the pane's
 * dialogs are opened from a menu item (a row's "…" menu), which is gone by the time the dialog
 * closes, so focus fell to the page body and a keyboard user started again at the top. Here the
 * page remembers the last focused element of each layer (the page, each open dialog); when focus
 * is lost to the body because the focused element was removed or its dialog closed, the
 * topmost remaining layer gets focus back. When the page's element went with its row (a row
 * deleted from a list), focus goes to the same control of the row that took its place (the
 * next one, or the last), else to the list itself: never to the top of the page.
 */
const LAYER = '[role="dialog"], [role="alertdialog"]';
// Menus and listboxes are passing through: their items are never what a user returns to.
const TRANSIENT = '[role="menu"], [role="listbox"], [data-tabster-dummy]';

const ROW = 'tr, [role="row"], li';
const LIST = 'table, [role="grid"], [role="table"], ul, ol, [role="list"]';

const focusable = (element: Element | null | undefined): element is HTMLElement =>
  element instanceof HTMLElement && element.isConnected && !element.closest("[inert]");

/** Where an element sat in a list: the list, its row's place, the control's place in the row. */
interface RowPlace {
  readonly list: Element;
  readonly row: number;
  readonly control: number;
}

const CONTROLS = "button, a[href], input, select, textarea, [tabindex]";

const rowRows = (list: Element): Element[] =>
  [...list.querySelectorAll(ROW)].filter((row) => row.closest(LIST) === list);

const placeOf = (element: HTMLElement): RowPlace | undefined => {
  const row = element.closest(ROW);
  const list = row?.closest(LIST);
  if (!row || !list) return undefined;
  return {
    list,
    row: rowRows(list).indexOf(row),
    control: [...row.querySelectorAll(CONTROLS)].indexOf(element),
  };
};

/** The row that took a gone row's place (the next, or the last), its control; else the list. */
const instead = ({ list, row, control }: RowPlace): HTMLElement | undefined => {
  if (!list.isConnected) return undefined;
  const rows = rowRows(list);
  const next = rows[Math.min(row, rows.length - 1)];
  const target = next ? [...next.querySelectorAll(CONTROLS)][control] : undefined;
  if (focusable(target)) return target;
  if (!(list instanceof HTMLElement)) return undefined;
  if (!list.hasAttribute("tabindex")) list.setAttribute("tabindex", "-1");
  return list;
};

export const installFocusReturn = (doc: Document = document): (() => void) => {
  const lastIn = new Map<Element | null, HTMLElement>();
  // The page's last element's place in its list, taken when it was focused.
  let pagePlace: RowPlace | undefined;
  const layerOf = (element: Element): Element | null => element.closest(LAYER);

  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.closest(TRANSIENT)) return;
    const layer = layerOf(target);
    lastIn.set(layer, target);
    if (layer === null) pagePlace = placeOf(target);
  };

  const restore = (lost: Element, layer: Element | null, tries: number) => {
    const active = doc.activeElement;
    if (active && active !== doc.body && active !== doc.documentElement) return;
    // A click on plain text also leaves focus on the body: that is the user's choice. A closing
    // dialog stays in the page while it fades out: look again until it is gone.
    if (lost.isConnected && (layer === null || layer.isConnected)) {
      if (layer !== null && tries > 0) setTimeout(() => restore(lost, layer, tries - 1), 50);
      return;
    }
    const layers = [...doc.querySelectorAll(LAYER)];
    const top = layers[layers.length - 1] ?? null;
    const back = lastIn.get(top);
    if (focusable(back)) back.focus();
    else if (top === null) {
      // The page's own last element is gone too: its row was deleted or re-rendered.
      const other = pagePlace && instead(pagePlace);
      if (other) other.focus();
      return;
    }
    for (const [layer] of lastIn) if (layer && !layer.isConnected) lastIn.delete(layer);
  };

  const onFocusOut = (event: FocusEvent) => {
    const lost = event.target;
    if (!(lost instanceof Element)) return;
    // The element is removed (or its dialog unmounted) a moment after it loses focus.
    const layer = layerOf(lost);
    setTimeout(() => restore(lost, layer, 20), 0);
  };

  doc.addEventListener("focusin", onFocusIn, true);
  doc.addEventListener("focusout", onFocusOut, true);
  return () => {
    doc.removeEventListener("focusin", onFocusIn, true);
    doc.removeEventListener("focusout", onFocusOut, true);
  };
};
