/**
 * Focus goes back to the element that opened a dialog or drawer when it closes.
 *
 * Fluent's dialogs restore focus only to an element that still exists; most of the pane's
 * dialogs are opened from a menu item (a row's "…" menu), which is gone by the time the dialog
 * closes, so focus fell to the page body and a keyboard user started again at the top. Here the
 * page remembers the last focused element of each layer (the page, each open dialog); when focus
 * is lost to the body because the focused element was removed or its dialog closed, the
 * topmost remaining layer gets focus back.
 */
const LAYER = '[role="dialog"], [role="alertdialog"]';
// Menus and listboxes are passing through: their items are never what a user returns to.
const TRANSIENT = '[role="menu"], [role="listbox"], [data-tabster-dummy]';

const focusable = (element: Element | null | undefined): element is HTMLElement =>
  element instanceof HTMLElement && element.isConnected && !element.closest("[inert]");

export const installFocusReturn = (doc: Document = document): (() => void) => {
  const lastIn = new Map<Element | null, HTMLElement>();
  const layerOf = (element: Element): Element | null => element.closest(LAYER);

  const onFocusIn = (event: FocusEvent) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.closest(TRANSIENT)) return;
    lastIn.set(layerOf(target), target);
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
      // The page's own last element is gone too (a row re-rendered): nothing better to offer.
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
