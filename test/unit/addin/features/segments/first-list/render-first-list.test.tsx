import {
  FIRST_LIST_CLASS,
  endFirstList,
  firstListShown,
  onFirstListOpen,
} from "../../../../../../addin/features/segments/first-list/first-list-handover";
import {
  readFirstPage,
  renderFirstList,
} from "../../../../../../addin/features/segments/first-list/render-first-list";

const page = {
  items: [
    {
      no: "MG0001",
      description: "Spring letter",
      noOfLines: 3229,
      status: "open",
      campaignNo: "KAMP01",
      dynamic: true,
    },
    { no: "MG0002", description: "Christmas cards", noOfLines: 12, status: "logged" },
    { no: "MG0003", description: "Autumn", noOfLines: 0, status: "logging" },
  ],
  continuationToken: "next",
};

/** The page as taskpane.html leaves it: the skeleton in #container, nothing of the pane yet. */
const freshPage = () => {
  delete window.__mergelineFirstList;
  document.body.className = "";
  document.body.innerHTML =
    '<div id="container"><div class="ml-skeleton" id="startup-skeleton"></div></div>';
  return document.getElementById("container") as HTMLElement;
};

const openButtons = () =>
  [...document.querySelectorAll<HTMLButtonElement>("main.ml-first tbody button")].map((b) =>
    b.getAttribute("aria-label"),
  );

beforeEach(() => freshPage());

describe("renderFirstList", () => {
  it("draws the first page as the pane's list, in English, with the pane's root hidden under it", () => {
    const container = document.getElementById("container") as HTMLElement;
    expect(renderFirstList(container, page, "en-US", "light")).toBe(true);

    expect(openButtons()).toEqual([
      "Open segment MG0001 Spring letter",
      "Open segment MG0002 Christmas cards",
      "Open segment MG0003 Autumn",
    ]);
    const rows = [...document.querySelectorAll("main.ml-first tbody tr")].map((row) =>
      [...row.querySelectorAll("td")].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ["MG0001", "Spring letterCampaign KAMP01", "3,229", "OpenDynamic"],
      ["MG0002", "Christmas cards", "12", "Logged"],
      ["MG0003", "Autumn", "0", "Logging"],
    ]);
    expect(
      [...document.querySelectorAll("main.ml-first th")].map((cell) => cell.textContent),
    ).toEqual(["No.", "Description", "Lines", "Status"]);
    expect(document.querySelector("main.ml-first h2")?.textContent).toBe("Segments");
    // Before the pane's root, which is hidden while the list stands in for it.
    expect(document.body.firstElementChild?.classList.contains("ml-first")).toBe(true);
    expect(document.body.classList.contains(FIRST_LIST_CLASS)).toBe(true);
    expect(firstListShown()).toBe(true);
  });

  it("speaks Danish on a Danish Office, numbers included", () => {
    const container = document.getElementById("container") as HTMLElement;
    renderFirstList(container, page, "da-DK", "dark");

    expect(openButtons()[0]).toBe("Åbn målgruppe MG0001 Spring letter");
    const first = document.querySelector("main.ml-first tbody tr") as HTMLElement;
    expect(first.textContent).toContain("3.229");
    expect(first.textContent).toContain("Kampagne KAMP01");
    expect(first.textContent).toContain("Åben");
    expect(first.textContent).toContain("Dynamisk");
    const main = document.querySelector("main.ml-first") as HTMLElement;
    expect(main.lang).toBe("da-DK");
    expect(main.classList.contains("ml-first-dark")).toBe(true);
  });

  it("sets every value as text: markup in a description stays words", () => {
    const container = document.getElementById("container") as HTMLElement;
    const hostile = '<img src=x onerror="window.__owned=1"><b>bold</b>';
    renderFirstList(
      container,
      { items: [{ no: "<i>X</i>", description: hostile, noOfLines: 1, status: "open" }] },
      "en-US",
      "light",
    );

    const main = document.querySelector("main.ml-first") as HTMLElement;
    expect(main.querySelector("img, b, i")).toBeNull();
    expect(main.textContent).toContain(hostile);
    expect(openButtons()).toEqual([`Open segment <i>X</i> ${hostile}`]);
  });

  it("draws nothing once the pane has drawn itself (no skeleton left)", () => {
    const container = document.getElementById("container") as HTMLElement;
    container.innerHTML = "<main>the pane</main>";
    expect(renderFirstList(container, page, "en-US", "light")).toBe(false);
    expect(document.querySelector("main.ml-first")).toBeNull();
    expect(document.body.classList.contains(FIRST_LIST_CLASS)).toBe(false);
  });

  it.each([
    ["no page", null],
    ["no items", { items: [] }],
    ["items that are not a list", { items: "MG0001" }],
    ["a segment without a No.", { items: [{ description: "x", noOfLines: 1, status: "open" }] }],
    ["lines that are not a number", { items: [{ ...page.items[1], noOfLines: "12" }] }],
    ["a campaign that is not text", { items: [{ ...page.items[1], campaignNo: 7 }] }],
    ["one bad segment among good ones", { items: [page.items[0], { no: 3 }] }],
  ])("leaves the list to the pane when the answer has %s", (_, body) => {
    const container = document.getElementById("container") as HTMLElement;
    expect(readFirstPage(body)).toBeUndefined();
    expect(renderFirstList(container, body, "en-US", "light")).toBe(false);
    expect(document.querySelector("main.ml-first")).toBeNull();
    expect(document.getElementById("startup-skeleton")).not.toBeNull();
  });
});

describe("the hand-over to the pane", () => {
  const show = () =>
    renderFirstList(document.getElementById("container") as HTMLElement, page, "en-US", "light");
  const row = (no: string) =>
    document.querySelector(`main.ml-first tbody button[data-first-list-no="${no}"]`) as HTMLElement;

  it("keeps a segment chosen before the pane listens, and hands it over when it does", () => {
    show();
    row("MG0002").click();
    expect(row("MG0002").closest("tr")?.classList.contains("ml-first-opening")).toBe(true);

    const opened: string[] = [];
    const stop = onFirstListOpen((no) => opened.push(no));
    expect(opened).toEqual(["MG0002"]);

    // Anywhere on a row opens it, as in the pane's own list; straight to the pane now.
    (row("MG0003").closest("tr")?.querySelector("td:nth-child(2)") as HTMLElement).click();
    expect(opened).toEqual(["MG0002", "MG0003"]);
    expect(row("MG0002").closest("tr")?.classList.contains("ml-first-opening")).toBe(false);

    stop();
    row("MG0001").click();
    expect(opened).toEqual(["MG0002", "MG0003"]);
  });

  it("gives the list's place back, with the segment whose row had the focus", () => {
    show();
    row("MG0002").focus();
    expect(endFirstList()).toBe("MG0002");
    expect(document.querySelector("main.ml-first")).toBeNull();
    expect(document.body.classList.contains(FIRST_LIST_CLASS)).toBe(false);
    expect(firstListShown()).toBe(false);
    // Twice is harmless.
    expect(endFirstList()).toBeUndefined();
  });

  it("names no segment when the focus was not on a row", () => {
    show();
    const outside = document.createElement("button");
    document.body.append(outside);
    outside.focus();
    expect(endFirstList()).toBeUndefined();
    expect(document.querySelector("main.ml-first")).toBeNull();
  });

  it("does nothing when no list was drawn", () => {
    expect(endFirstList()).toBeUndefined();
    const opened: string[] = [];
    onFirstListOpen((no) => opened.push(no))();
    expect(opened).toEqual([]);
  });
});
