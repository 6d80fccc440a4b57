import { installFocusReturn } from "../../../../addin/ui/focus-return";

/**
 * Focus after a dialog opened from a row's "…" menu: back on that row's menu button, or, when
 * the row is gone (deleted meanwhile), on the same button of the row that took its place.
 */

/** The element, which the test itself put there. */
const the = <E extends Element>(element: E | null | undefined): E => {
  if (!element) throw new Error("the test's own element is missing");
  return element;
};

const rows = (names: string[]) => {
  document.body.innerHTML = `<table><tbody>${names
    .map(
      (name) =>
        `<tr id="row-${name}"><td>${name}</td><td><button aria-label="Actions for ${name}">…</button></td></tr>`,
    )
    .join("")}</tbody></table>`;
  return (name: string) =>
    the(document.querySelector<HTMLButtonElement>(`[aria-label="Actions for ${name}"]`));
};

/** A dialog opened from the page and focused, as Fluent's dialogs are. */
const openDialog = () => {
  const dialog = document.createElement("div");
  dialog.setAttribute("role", "dialog");
  dialog.innerHTML = "<button>Close</button>";
  document.body.append(dialog);
  the(dialog.querySelector("button")).focus();
  return dialog;
};

/** The dialog goes, and with it the focused element: the browser puts focus on the body. */
const closeDialog = (dialog: HTMLElement) => {
  const focused = the(dialog.querySelector("button"));
  focused.blur();
  focused.dispatchEvent(new FocusEvent("focusout", { bubbles: true }));
  dialog.remove();
};

const settle = () => new Promise((resolve) => setTimeout(resolve, 120));

describe("focus after a dialog opened from a row", () => {
  let uninstall: () => void;
  beforeEach(() => {
    uninstall = installFocusReturn(document);
  });
  afterEach(() => uninstall());

  it("returns to the row's menu button", async () => {
    const button = rows(["A", "B", "C"]);
    button("B").focus();
    closeDialog(openDialog());
    await settle();
    expect(document.activeElement).toBe(button("B"));
  });

  it("goes to the next row's menu button when the row was deleted meanwhile", async () => {
    const button = rows(["A", "B", "C"]);
    button("B").focus();
    const dialog = openDialog();
    the(document.getElementById("row-B")).remove();
    closeDialog(dialog);
    await settle();
    expect(document.activeElement).toBe(button("C"));
  });

  it("goes to the last row when the deleted row was the last, and to the list when none is left", async () => {
    let button = rows(["A", "B"]);
    button("B").focus();
    let dialog = openDialog();
    the(document.getElementById("row-B")).remove();
    closeDialog(dialog);
    await settle();
    expect(document.activeElement).toBe(button("A"));

    button = rows(["A"]);
    button("A").focus();
    dialog = openDialog();
    the(document.getElementById("row-A")).remove();
    closeDialog(dialog);
    await settle();
    expect(document.activeElement).toBe(document.querySelector("table"));
  });
});
