import { act, renderHook } from "@testing-library/react";
import { useSubmit } from "../../../../addin/api/use-submit";

describe("useSubmit", () => {
  it("is busy while the action runs and not after", async () => {
    const { result } = renderHook(() => useSubmit());
    let finish: () => void = () => undefined;
    let running: Promise<void> = Promise.resolve();
    act(() => {
      running = result.current.run(() => new Promise<void>((resolve) => (finish = resolve)));
    });
    expect(result.current.busy).toBe(true);

    await act(async () => {
      finish();
      await running;
    });
    expect(result.current.busy).toBe(false);
    expect(result.current.error).toBeUndefined();
  });

  it("keeps what the action threw, and forgets it when the next action starts", async () => {
    const { result } = renderHook(() => useSubmit());
    const failure = new Error("refused");
    await act(() =>
      result.current.run(async () => {
        throw failure;
      }),
    );
    expect(result.current.error).toBe(failure);
    expect(result.current.busy).toBe(false);

    let finish: () => void = () => undefined;
    let running: Promise<void> = Promise.resolve();
    act(() => {
      running = result.current.run(() => new Promise<void>((resolve) => (finish = resolve)));
    });
    expect(result.current.error).toBeUndefined();
    await act(async () => {
      finish();
      await running;
    });
  });
});
