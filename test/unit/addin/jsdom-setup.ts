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

/**
 * jsdom has no TextEncoder/TextDecoder; browsers and Node do, and the merge engine (shared/merge,
 * run in the pane for previews and uploads) reads and writes UTF-8 with them. Node's encoder
 * returns Node's Uint8Array, which `instanceof Uint8Array` in the test's realm does not
 * recognise: the bytes are copied into this realm's.
 */
if (typeof globalThis.TextDecoder === "undefined") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require("util") as typeof import("util");
  class RealmTextEncoder extends util.TextEncoder {
    override encode(input?: string): Uint8Array<ArrayBuffer> {
      return new Uint8Array(super.encode(input));
    }
  }
  Object.assign(globalThis, { TextDecoder: util.TextDecoder, TextEncoder: RealmTextEncoder });
}
