import { startPaneScripts } from "../../../../addin/taskpane/pane-scripts";

beforeEach(() => {
  document.head.innerHTML = `
    <link rel="preload" as="script" href="/vendor.1.js" data-pane-script>
    <link rel="preload" as="style" href="/x.css" data-pane-script>
    <link rel="preload" as="script" href="/other.js">
    <link rel="preload" as="script" href="/taskpane.2.js" data-pane-script>`;
  document.body.innerHTML = "";
});

const scripts = () =>
  [...document.body.querySelectorAll("script")].map((s) => ({
    src: new URL(s.src).pathname,
    async: s.async,
  }));

describe("startPaneScripts", () => {
  it("runs the preloaded pane scripts, in their order, not async, once", () => {
    startPaneScripts();
    startPaneScripts();
    expect(scripts()).toEqual([
      { src: "/vendor.1.js", async: false },
      { src: "/taskpane.2.js", async: false },
    ]);
  });
});
