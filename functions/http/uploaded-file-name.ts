import { ValidationError } from "../errors/app-errors";

const maxLength = 200;

const refuse = (message: string) =>
  new ValidationError([{ in: "header", field: "X-File-Name", rule: "invalid_format", message }]);

/**
 * The name a client gives an uploaded letter (`X-File-Name`, percent-encoded UTF-8). It is shown
 * to users and sent back in Content-Disposition, never used as a path: a malformed encoding or a
 * control character is refused, and only the last segment of a path is kept ("C:\\Breve\\a.docx"
 * is "a.docx"), so a name can neither break a header nor pose as a folder.
 */
export const uploadedFileName = (headers: Headers, fallback: string): string => {
  const given = headers.get("x-file-name");
  if (given === null || given === "") return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(given);
  } catch {
    throw refuse("is not percent-encoded UTF-8");
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(decoded)) throw refuse("holds a control character");
  const name = (decoded.split(/[\\/]/).pop() ?? "").trim();
  if (name === "" || name === "." || name === "..") throw refuse("names no file");
  if (name.length > maxLength) throw refuse(`is longer than ${maxLength} characters`);
  return name;
};
