import type { Edit } from "../assemble-nodes";
import type { RunScan } from "../scan/scan-types";
import { regionAt, type Region } from "./complex-fields";
import { tokenAt, type ScannedPart } from "./scanned-part";

/**
 * Cuts the merged complex fields out of the runs, run by run, never by text range, so the XML
 * stays balanced whatever wraps a field's runs. A run made only of field parts goes whole (the
 * run holding a region's begin becomes the region's slot); a run holding field parts and other
 * content is closed around the slot and reopened with its own properties.
 */
export const runEdits = (part: ScannedPart, regions: readonly Region[]): Edit[] => {
  const edits: Edit[] = [];
  const editRun = (run: RunScan): void => {
    if (run.close < 0) return;
    const states = run.children.map(([a, b]) => ({ a, b, region: regionAt(regions, a) }));
    if (!states.some((s) => s.region)) return;
    const open = tokenAt(part, run.open);
    const close = tokenAt(part, run.close);
    if (states.every((s) => s.region)) {
      const nodes = states
        .filter((s) => s.region?.begin === s.a)
        .map((s) => (s.region as Region).node);
      edits.push({ start: open.start, end: close.end, nodes });
      return;
    }
    const startTag = part.xml.slice(open.start, open.end) + (part.rPrOf.get(run.open) ?? "");
    for (const s of states) {
      if (!s.region) continue;
      const nodes = s.region.begin === s.a ? ["</w:r>", s.region.node, startTag] : [];
      edits.push({ start: tokenAt(part, s.a).start, end: tokenAt(part, s.b).end, nodes });
    }
  };
  for (const run of part.scan.runs) editRun(run);
  return edits;
};
