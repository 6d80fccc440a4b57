/**
 * What passes between the pool and its threads. Everything is structured-cloned, so only plain
 * data crosses: an error travels as its name, message and own plain fields (a TemplateError's
 * `code` and `part`), and the receiving side builds the typed error again.
 */
export interface TaskMessage<In> {
  readonly id: number;
  readonly input: In;
}

export type SerializedError = {
  readonly name: string;
  readonly message: string;
  readonly fields: Readonly<Record<string, string | number | boolean>>;
};

export type AnswerMessage<Out> =
  | { readonly id: number; readonly ok: true; readonly output: Out }
  | { readonly id: number; readonly ok: false; readonly error: SerializedError };

export const serializeError = (error: unknown): SerializedError => {
  if (!(error instanceof Error)) return { name: "Error", message: String(error), fields: {} };
  const fields: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(error)) {
    if (["string", "number", "boolean"].includes(typeof value))
      fields[key] = value as string | number | boolean;
  }
  return { name: error.name, message: error.message, fields };
};

/**
 * The ArrayBuffers of `views` that may be handed over instead of copied: each only once, and
 * only one that a view covers whole (a Node Buffer from the shared pool covers a slice of an
 * 8 KB slab that other Buffers use; handing that over would empty them).
 */
export const transferablesOf = (views: readonly Uint8Array[]): ArrayBuffer[] => {
  const buffers = new Set<ArrayBuffer>();
  for (const view of views) {
    const buffer = view.buffer;
    if (
      buffer instanceof ArrayBuffer &&
      view.byteOffset === 0 &&
      view.byteLength === buffer.byteLength
    )
      buffers.add(buffer);
  }
  return [...buffers];
};
