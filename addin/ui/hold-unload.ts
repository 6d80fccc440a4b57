import { useEffect, useRef } from "react";

/**
 * Asks the browser to hold a reload or close while `busy()` says so: typed Details not saved, a
 * merge the pane follows. Only where the pane is a browser page or a Teams tab; Word closes its
 * task pane without asking the page.
 */
export const useHoldUnload = (enabled: boolean, busy: () => boolean) => {
  const check = useRef(busy);
  check.current = busy;
  useEffect(() => {
    if (!enabled) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!check.current()) return;
      event.preventDefault();
      // Chrome before 119 and Safari ask only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [enabled]);
};
