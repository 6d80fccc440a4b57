/**
 * Check for Errors' note on a line with its own letter (a unique attachment: that contact's
 * customized copy). It goes out as that letter, as Business Central sends a line's unique
 * attachment: one document per contact carries it, and Log references it. A merge into one
 * document cannot splice another document in, so the user is told which contacts have one.
 * The server's check and the pane's own (in Word) say it in the same words.
 */
export interface OwnLetterIssue {
  readonly code: "own_letter";
  readonly severity: "info";
  readonly message: string;
  readonly params: { readonly record: string; readonly file: string };
  /** 0-based index of the letter it is about. */
  readonly record: number;
  readonly lineNo: number;
}

export const ownLetterIssue = (
  letter: { readonly contactNo: string; readonly name: string; readonly lineNo: number },
  fileName: string,
  index: number,
): OwnLetterIssue => {
  const record = `${letter.contactNo} ${letter.name}`;
  return {
    code: "own_letter",
    severity: "info",
    message:
      `${record} has their own letter (${fileName}): one document per contact and Log use it ` +
      "instead of the segment's letter.",
    params: { record, file: fileName },
    record: index,
    lineNo: letter.lineNo,
  };
};
