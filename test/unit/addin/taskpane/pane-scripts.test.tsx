import { paneScriptsOf, startPaneScripts } from "../../../../addin/taskpane/pane-scripts";

beforeEach(() => {
  document.head.querySelectorAll("script").forEach((script) => script.remove());
});

const scripts = () =>
  [...document.head.querySelectorAll("script")].map((s) => ({
    src: new URL(s.src).pathname,
    async: s.async,
  }));

describe("the pane's main scripts", () => {
  it("are read from the start-up script's tag, in order", () => {
    const tag = document.createElement("script");
    tag.setAttribute("data-pane-scripts", " /vendor.1.js  /taskpane.2.js ");
    expect(paneScriptsOf(tag)).toEqual(["/vendor.1.js", "/taskpane.2.js"]);
    expect(paneScriptsOf(document.createElement("script"))).toEqual([]);
    expect(paneScriptsOf(null)).toEqual([]);
  });

  it("are loaded in their order, not async, so they run in it", () => {
    startPaneScripts(["/vendor.1.js", "/taskpane.2.js"]);
    expect(scripts()).toEqual([
      { src: "/vendor.1.js", async: false },
      { src: "/taskpane.2.js", async: false },
    ]);
  });
});
