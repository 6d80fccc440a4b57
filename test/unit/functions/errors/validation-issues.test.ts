import { z } from "zod";
import { issuesToErrors } from "../../../../functions/errors/validation-issues";

const errorsOf = (schema: z.ZodType, input: unknown, location: "query" | "body" = "query") => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error("parsed");
  return issuesToErrors(parsed.error.issues, location, input);
};

describe("issuesToErrors: bounds are worded for people, naming the field and the limit", () => {
  const query = z.object({ top: z.coerce.number().int().min(1).max(500) });

  it("top above its limit names the query parameter and the limit", () => {
    expect(errorsOf(query, { top: "5000" })).toEqual([
      {
        in: "query",
        field: "top",
        rule: "too_big",
        message: "the query parameter top must be at most 500",
      },
    ]);
  });

  it("top below its limit, or not a whole number", () => {
    expect(errorsOf(query, { top: "0" })[0]?.message).toBe(
      "the query parameter top must be at least 1",
    );
    expect(errorsOf(query, { top: "2.5" })[0]).toMatchObject({
      rule: "invalid_type",
      message: "the query parameter top must be a whole number",
    });
    expect(errorsOf(query, { top: "many" })[0]).toMatchObject({
      rule: "invalid_type",
      message: "the query parameter top must be a number",
    });
  });

  it("texts and lists in a body say characters and items", () => {
    const body = z.object({ name: z.string().min(1).max(3), tags: z.array(z.string()).max(1) });
    expect(errorsOf(body, { name: "abcd", tags: ["a", "b"] }, "body")).toEqual([
      { in: "body", field: "name", rule: "too_big", message: "name must be at most 3 characters" },
      { in: "body", field: "tags", rule: "too_big", message: "tags must have at most 1 item" },
    ]);
    expect(errorsOf(body, { name: "", tags: [] }, "body")[0]?.message).toBe(
      "name must be at least 1 character",
    );
  });

  it("keeps a schema's own message", () => {
    const body = z.object({ csv: z.string().min(1, { message: "must not be empty" }) });
    expect(errorsOf(body, { csv: "" }, "body")[0]?.message).toBe("must not be empty");
  });
});
