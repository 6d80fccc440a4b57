import { Field, Input } from "@fluentui/react-components";
import { fireEvent, waitFor } from "@testing-library/react";
import { useState } from "react";
import { useApi } from "../../../../addin/api/api-context";
import { fieldMessage } from "../../../../addin/api/problem-fields";
import { useSubmit } from "../../../../addin/api/use-submit";
import { FormDialog } from "../../../../addin/ui/form-dialog";
import { aSegment, createFakeApi, problem, type FakeHandler } from "../fake-api";
import { findDialog, renderPane, seriousViolations } from "../render-pane";

/** A dialog as the features write one: a field, a write through the API, the shared skeleton. */
const Harness = ({ onDone }: { onDone: () => void }) => {
  const { client } = useApi();
  const { busy, error, run } = useSubmit();
  const [description, setDescription] = useState("");
  return (
    <FormDialog
      title="New thing"
      submitLabel="Make"
      busy={busy}
      submitDisabled={!description}
      error={error}
      placed={["description"]}
      onClose={() => undefined}
      onSubmit={() =>
        run(async () => {
          await client("createSegment", { body: { description, dynamic: false } });
          onDone();
        })
      }
    >
      <Field label="Description" validationMessage={fieldMessage(error, "description")}>
        <Input value={description} onChange={(_, d) => setDescription(d.value)} />
      </Field>
    </FormDialog>
  );
};

const renderHarness = (createSegment: FakeHandler) => {
  const fake = createFakeApi({ createSegment });
  const onDone = jest.fn();
  renderPane(<Harness onDone={onDone} />, { fetch: fake.fetch });
  return { fake, onDone };
};

const fillAndSubmit = async () => {
  const dialog = await findDialog("New thing");
  fireEvent.change(dialog.getByLabelText("Description"), { target: { value: "Autumn" } });
  fireEvent.click(dialog.getByRole("button", { name: "Make" }));
  return dialog;
};

describe("FormDialog", () => {
  it("keeps submit off until the form allows it and while the call is on its way", async () => {
    let answer: (value: { status: number; body: unknown }) => void = () => undefined;
    const { fake, onDone } = renderHarness(() => new Promise((resolve) => (answer = resolve)));
    const dialog = await findDialog("New thing");
    const submit = dialog.getByRole("button", { name: "Make" }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);

    await fillAndSubmit();
    // On its way: unavailable but still focusable, so a keyboard user's focus stays put, and
    // neither another click nor Enter in a field sends a second request.
    await waitFor(() => expect(submit.getAttribute("aria-disabled")).toBe("true"));
    expect(submit.disabled).toBe(false);
    fireEvent.click(submit);
    fireEvent.submit(submit.closest("form") as HTMLFormElement);
    expect(fake.callsTo("createSegment")).toHaveLength(1);
    answer({ status: 201, body: aSegment({ no: "MG0003", description: "Autumn" }) });
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(submit.getAttribute("aria-disabled")).toBeNull());
    expect(submit.disabled).toBe(false);
    expect(dialog.getByRole("button", { name: "Cancel" })).toBeTruthy();
    expect(await seriousViolations()).toEqual([]);
  });

  it("shows why the call failed in the problem bar, and does not call the caller back", async () => {
    const { onDone } = renderHarness(() => problem(503, "Service unavailable"));
    const dialog = await fillAndSubmit();

    expect(await dialog.findByText("Service unavailable")).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
    expect((dialog.getByRole("button", { name: "Make" }) as HTMLButtonElement).disabled).toBe(
      false,
    );
  });

  it("leaves a problem with a placed field to that field, and lists the rest in the bar", async () => {
    renderHarness(() =>
      problem(400, "Invalid request", [
        { in: "body", field: "description", message: "is already used by MG0001" },
        { in: "body", field: "dynamic", message: "cannot be set here" },
      ]),
    );
    const dialog = await fillAndSubmit();

    expect(await dialog.findByText("See the marked fields.")).toBeTruthy();
    // Once, next to the field; not again in the bar's list.
    expect(dialog.getAllByText(/is already used by MG0001/)).toHaveLength(1);
    // Listed by its words: "dynamic" is the API's name for it, which the pane does not show.
    expect(dialog.getByText("cannot be set here")).toBeTruthy();
    expect(dialog.queryByText(/dynamic:/)).toBeNull();
  });
});
