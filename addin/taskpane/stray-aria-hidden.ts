import { useEffect, type RefObject } from "react";

const RECHECK_MS = 300;

/**
 * Works around a Fluent UI / tabster bug (microsoft/fluentui#35139, microsoft/tabster#530): a
 * Dialog or Drawer that unmounts while open (the pane navigates away from it) can leave
 * aria-hidden="true" on the app's root, and the whole pane disappears for screen readers.
 * Once no modal is open any more, an aria-hidden left on the app's root is removed.
 */
export const useStrayAriaHiddenGuard = (inside: RefObject<HTMLElement | null>): void => {
  useEffect(() => {
    // tabster hides the top-level element that holds the app: the provider's parent.
    const root = inside.current?.parentElement;
    if (!root || root === document.body) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      timer = undefined;
      if (root.getAttribute("aria-hidden") !== "true") return;
      // A modal is open (or closing): hiding the rest is right; look again when it is gone.
      if (document.querySelector('[aria-modal="true"]')) {
        timer = setTimeout(check, RECHECK_MS);
        return;
      }
      root.removeAttribute("aria-hidden");
    };
    const observer = new MutationObserver(() => {
      timer ??= setTimeout(check, RECHECK_MS);
    });
    observer.observe(root, { attributes: true, attributeFilter: ["aria-hidden"] });
    return () => {
      observer.disconnect();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [inside]);
};
