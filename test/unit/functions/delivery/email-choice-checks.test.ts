import { ValidationError } from "../../../../functions/errors/app-errors";
import { assertEmailChoice } from "../../../../functions/delivery/compose/email-choice-checks";

const refusal = (run: () => void): ValidationError => {
  try {
    run();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
};

describe("the e-mail a request chooses", () => {
  it("takes Mergeline's fields in the short body and the subject", () => {
    expect(() =>
      assertEmailChoice({
        email: { kind: "attachment", format: "pdf", text: "Kære «FirstName», «Custom tier»" },
        subject: "«Subject» for «Name»",
      }),
    ).not.toThrow();
    expect(() => assertEmailChoice({ email: { kind: "letter" } })).not.toThrow();
  });

  it("refuses an unknown field with a 422 naming where it is and the field", () => {
    const error = refusal(() =>
      assertEmailChoice(
        {
          email: { kind: "attachment", format: "docx", text: "Hi «Nickname»" },
          subject: "For «Shoe Size»",
        },
        "sendAttachments.",
      ),
    );
    expect(error.status).toBe(422);
    expect(error.errors.map((e) => [e.field, e.rule])).toEqual([
      ["sendAttachments.email.text", "unknown_merge_field"],
      ["sendAttachments.subject", "unknown_merge_field"],
    ]);
    expect(error.errors[0]?.message).toContain("«Nickname»");
    expect(error.message).toContain("«Shoe Size»");
  });
});
