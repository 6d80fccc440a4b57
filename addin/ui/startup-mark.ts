/**
 * A performance mark on the pane's way to a usable list ("mergeline:host", ...), read by
 * bench/pane.bench.ts to say where the time went. Costs nothing a user would notice.
 */
export const startupMark = (step: string): void => {
  if (typeof performance !== "undefined" && typeof performance.mark === "function")
    performance.mark(`mergeline:${step}`);
};
