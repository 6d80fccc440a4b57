import { unknownMergeTextFields } from "@shared/letter/merge-text";
import type { EmailBody } from "@shared/model/delivery";
import type { ProblemError } from "@shared/model/problem";
import { ValidationError } from "../../errors/app-errors";

/** How the e-mail lines go out, as a request chooses it: the body and the subject override. */
export interface EmailChoice {
  readonly email: EmailBody;
  readonly subject?: string | undefined;
}

/**
 * Refuses, when the request is made, a short body or subject naming a field Mergeline does not
 * have: at send time it would go out blank to every contact. `at` is where the choice sits in
 * the request body ("" or "sendAttachments.").
 */
export const assertEmailChoice = (choice: EmailChoice, at = ""): void => {
  const errors: ProblemError[] = [];
  const names: string[] = [];
  const check = (text: string | undefined, field: string) => {
    for (const name of text ? unknownMergeTextFields(text) : []) {
      names.push(`«${name}»`);
      errors.push({
        in: "body",
        field: `${at}${field}`,
        rule: "unknown_merge_field",
        message: `«${name}» is not a Mergeline field (see GET /api/merge/fields, or «Custom <key>»)`,
      });
    }
  };
  if (choice.email.kind === "attachment") check(choice.email.text, "email.text");
  check(choice.subject, "subject");
  if (errors.length > 0)
    throw new ValidationError(
      errors,
      `The e-mail names fields Mergeline does not have: ${names.join(", ")}.`,
      422,
    );
};
