/**
 * What jsdom lacks and Fluent UI needs: MessageBar (and other reflowing components) measure
 * themselves with ResizeObserver. Layout never changes in jsdom, so observing can do nothing.
 */
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

if (typeof globalThis.ResizeObserver === "undefined") {
  globalThis.ResizeObserver = NoopResizeObserver as unknown as typeof ResizeObserver;
}
