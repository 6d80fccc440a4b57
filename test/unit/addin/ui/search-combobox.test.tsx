import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { SetupCodeCombobox } from "../../../../addin/features/criteria/setup-code-combobox";
import { SearchCombobox, type PickOption } from "../../../../addin/ui/search-combobox";
import { createFakeApi, ok, stamp } from "../fake-api";
import { renderPane } from "../render-pane";

const languages: readonly PickOption[] = [
  { code: "da-DK", description: "Danish (Denmark)" },
  { code: "en-GB", description: "English (United Kingdom)" },
];

/**
 * A key typed as the browser types it: the text goes in at the caret, replacing what is
 * selected, and the rest of the box stays (jsdom's change event alone would replace it all).
 */
const typeAtCaret = (input: HTMLInputElement, text: string) => {
  const start = input.selectionStart ?? input.value.length;
  const end = input.selectionEnd ?? start;
  fireEvent.change(input, {
    target: { value: input.value.slice(0, start) + text + input.value.slice(end) },
  });
};

const Language = ({ initial, searches }: { initial: string; searches: string[] }) => {
  const [value, setValue] = useState(initial);
  return (
    <SearchCombobox
      label="Language Code"
      value={value}
      onChange={setValue}
      load={async (search) => {
        searches.push(search);
        const wanted = search.toLowerCase();
        return languages.filter(
          (l) =>
            l.code.toLowerCase().startsWith(wanted) ||
            (l.description ?? "").toLowerCase().includes(wanted),
        );
      }}
      source="en"
      noneLabel="(none)"
      missingText={(code) => `${code} is gone`}
    />
  );
};

const noFetch = createFakeApi({}).fetch;

jest.setTimeout(120_000);

describe("SearchCombobox", () => {
  it("leaves an empty box empty, with (none) as its placeholder, so typing searches for just what is typed", async () => {
    const searches: string[] = [];
    renderPane(<Language initial="" searches={searches} />, { fetch: noFetch });
    const input = screen.getByRole<HTMLInputElement>("combobox", { name: "Language Code" });
    expect(input.value).toBe("");
    expect(input.placeholder).toBe("(none)");

    act(() => input.focus());
    typeAtCaret(input, "danish");
    expect(input.value).toBe("danish");
    await waitFor(() => expect(searches).toContain("danish"));
    await screen.findByRole("option", { name: "da-DK – Danish (Denmark)" });
    expect(searches.some((s) => s.includes("(none)"))).toBe(false);
    // Picking "(none)" is still offered once the box is emptied again.
    fireEvent.change(input, { target: { value: "" } });
    await screen.findByRole("option", { name: "(none)" });
  });

  it("selects the chosen language's text on entering the box, so what is typed replaces it", async () => {
    const searches: string[] = [];
    renderPane(<Language initial="da-DK" searches={searches} />, { fetch: noFetch });
    const input = screen.getByRole<HTMLInputElement>("combobox", { name: "Language Code" });
    await waitFor(() => expect(input.value).toBe("da-DK – Danish (Denmark)"));

    act(() => input.focus());
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, input.value.length]);
    typeAtCaret(input, "eng");
    expect(input.value).toBe("eng");
    await waitFor(() => expect(searches).toContain("eng"));
    fireEvent.click(
      await screen.findByRole("option", { name: "en-GB – English (United Kingdom)" }),
    );
    await waitFor(() => expect(input.value).toBe("en-GB – English (United Kingdom)"));
  });
});

describe("SetupCodeCombobox", () => {
  it("shows Any as the empty box's placeholder and searches for just what is typed", async () => {
    const fake = createFakeApi({
      listSalespeople: (call) =>
        ok({
          items: [{ ...stamp, code: "JR", name: "Jim Olive", blocked: false }].filter(
            (s) => !call.query.search || s.code.startsWith(call.query.search.toUpperCase()),
          ),
        }),
    });
    const Picker = () => {
      const [value, setValue] = useState("");
      return <SetupCodeCombobox table="salespeople" value={value} onChange={setValue} />;
    };
    renderPane(<Picker />, { fetch: fake.fetch });
    const input = screen.getByRole<HTMLInputElement>("combobox");
    expect(input.value).toBe("");
    expect(input.placeholder).toBe("Any");

    act(() => input.focus());
    typeAtCaret(input, "jr");
    expect(input.value).toBe("jr");
    await waitFor(() =>
      expect(fake.callsTo("listSalespeople").map((c) => c.query.search)).toContain("jr"),
    );
    fireEvent.keyDown(input, { key: "ArrowDown" });
    fireEvent.click(await screen.findByRole("option", { name: "JR – Jim Olive" }));
    await waitFor(() => expect(input.value).toBe("JR – Jim Olive"));
    act(() => input.blur());
    act(() => input.focus());
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, input.value.length]);
  });
});
