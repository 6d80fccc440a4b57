import { screen, within } from "@testing-library/react";
import { IssueList } from "../../../../../addin/features/merge/issue-list";
import { renderPane } from "../../render-pane";

const noApi = (() => Promise.reject(new Error("no API here"))) as typeof fetch;
const empty = (record: string, fields: string[]) => ({
  code: "empty_values",
  severity: "warning" as const,
  message: "en",
  params: { record, fields },
});

describe("Check for errors' groups in the pane", () => {
  it("counts each empty field once over all contacts, not one row per contact", () => {
    renderPane(
      <IssueList
        records={3}
        issues={[
          empty("KT1", ["Personal Note"]),
          empty("KT2", ["Personal Note", "City"]),
          empty("KT3", ["Personal Note", "City"]),
        ]}
      />,
      { fetch: noApi },
    );
    const groups = screen.getByRole("list", { name: "Problems by kind" });
    const rows = within(groups)
      .getAllByRole("listitem")
      .map((li) => li.textContent ?? "");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^3 × Personal Note:/);
    expect(rows[1]).toMatch(/^2 × City:/);
  });
});
