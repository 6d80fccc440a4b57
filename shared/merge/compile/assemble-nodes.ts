import type { CompiledNode } from "./compiled-nodes";

/** A replacement of the text range [start, end) by slots (or nothing); start = end inserts. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly nodes: readonly CompiledNode[];
}

/**
 * A table row holding fields, which becomes a repeatable RowNode; or a table all of whose rows
 * repeat, which becomes a TableNode (removed when no row is left).
 */
export type RowRange =
  | {
      readonly kind: "row";
      readonly start: number;
      readonly end: number;
      readonly keys: readonly string[];
    }
  | {
      readonly kind: "table";
      readonly start: number;
      readonly end: number;
      readonly whenEmpty: string;
    };

/**
 * Turns a part's text and its edits into compiled nodes, adjacent static text merged. Edits
 * inside a range another edit replaces are moot (a drawing inside a field's deleted result);
 * an insert sorts before a replacement at the same offset. Rows nest as the tables do.
 * Returns a builder to call for consecutive ranges in document order.
 */
export const assembleNodes = (
  xml: string,
  edits: readonly Edit[],
  rows: readonly RowRange[],
): ((from: number, to: number) => CompiledNode[]) => {
  const sorted = [...edits].sort(
    (a, b) =>
      a.start - b.start ||
      (a.end === a.start ? -1 : 0) - (b.end === b.start ? -1 : 0) ||
      b.end - a.end,
  );
  const kept: Edit[] = [];
  let reach = -1;
  for (const edit of sorted) {
    if (edit.start < reach) continue;
    kept.push(edit);
    reach = Math.max(reach, edit.end);
  }
  const containers = [...rows].sort((a, b) => a.start - b.start);
  let editIndex = 0;
  let containerIndex = 0;

  const build = (from: number, to: number): CompiledNode[] => {
    const out: CompiledNode[] = [];
    const push = (node: CompiledNode): void => {
      if (typeof node === "string") {
        if (node === "") return;
        const last = out.length - 1;
        if (last >= 0 && typeof out[last] === "string") out[last] = (out[last] as string) + node;
        else out.push(node);
      } else out.push(node);
    };
    while (editIndex < kept.length && (kept[editIndex] as Edit).start < from) editIndex++;
    while (
      containerIndex < containers.length &&
      (containers[containerIndex] as RowRange).start < from
    ) {
      containerIndex++;
    }
    let at = from;
    for (;;) {
      const edit = kept[editIndex];
      const container = containers[containerIndex];
      const editStart = edit && edit.start < to ? edit.start : Infinity;
      const containerStart = container && container.start < to ? container.start : Infinity;
      if (editStart === Infinity && containerStart === Infinity) break;
      if (container && containerStart <= editStart) {
        push(xml.slice(at, container.start));
        containerIndex++;
        const children = build(container.start, container.end);
        out.push(
          container.kind === "row"
            ? { t: "row", keys: container.keys, children }
            : { t: "table", whenEmpty: container.whenEmpty, children },
        );
        at = container.end;
        continue;
      }
      const e = edit as Edit;
      push(xml.slice(at, e.start));
      for (const node of e.nodes) push(node);
      at = e.end;
      editIndex++;
    }
    push(xml.slice(at, to));
    return out;
  };
  return build;
};
