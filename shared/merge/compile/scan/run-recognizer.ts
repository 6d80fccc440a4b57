import type { XmlToken } from "../../xml/xml-tokenizer";
import type { RunScan } from "./scan-types";
import type { Enclosing, ScanRecognizer } from "./token-walk";

/** Runs (w:r): their properties and each content child, which the compile step cuts one by one. */
export class RunRecognizer implements ScanRecognizer {
  readonly runs: RunScan[] = [];
  private readonly stack: RunScan[] = [];

  /** The open token of the run the walk is in; -1 outside runs. */
  currentRun(): number {
    return this.stack[this.stack.length - 1]?.open ?? -1;
  }

  open(index: number, token: XmlToken, at: Enclosing): void {
    const run = this.stack[this.stack.length - 1];
    if (run && at.parent === "w:r" && at.parentIndex === run.open) {
      if (token.name === "w:rPr") run.rPr = [index, index];
      else run.children.push([index, index]);
    }
    if (token.name === "w:r" && token.kind === "open") {
      const opened: RunScan = { open: index, close: -1, children: [] };
      this.runs.push(opened);
      this.stack.push(opened);
    }
  }

  close(index: number, token: XmlToken, openIndex: number): void {
    const run = this.stack[this.stack.length - 1];
    if (!run) return;
    const last = run.children[run.children.length - 1];
    if (last && last[0] === openIndex) last[1] = index;
    if (run.rPr && run.rPr[0] === openIndex) run.rPr = [openIndex, index];
    if (token.name === "w:r" && run.open === openIndex) {
      run.close = index;
      this.stack.pop();
    }
  }
}
