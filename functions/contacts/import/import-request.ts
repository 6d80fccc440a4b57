import { ContactImportOptions, type ContactImportRequest } from "@shared/model/contact-import";
import type { ProblemError } from "@shared/model/problem";
import { ValidationError } from "../../errors/app-errors";
import { parseInput, queryToObject } from "../../http/parse-input";
import type { ImportJob } from "./import-service";

/** Query strings carry text; these are the spellings of a yes/no the API accepts elsewhere too. */
const queryBooleans: Readonly<Record<string, boolean>> = {
  true: true,
  "1": true,
  false: false,
  "0": false,
};

/**
 * The options of a text/csv import, from the query string: ?mapping=<URL-encoded JSON object>
 * &delimiter=;&defaultType=person&dryRun=true. They are read here rather than declared as the
 * endpoint's query in the contract because the JSON form carries the same options in its body,
 * and one request must not be able to say them twice.
 */
export const optionsFromQuery = (query: URLSearchParams): ContactImportOptions => {
  const raw: Record<string, unknown> = queryToObject(query);
  const mapping = raw["mapping"];
  if (typeof mapping === "string") {
    try {
      raw["mapping"] = JSON.parse(mapping) as unknown;
    } catch (error) {
      throw new ValidationError([
        {
          in: "query",
          field: "mapping",
          rule: "invalid_json",
          message: `is not a URL-encoded JSON object: ${(error as Error).message}`,
        },
      ]);
    }
  }
  const dryRun = raw["dryRun"];
  if (typeof dryRun === "string" && Object.hasOwn(queryBooleans, dryRun))
    raw["dryRun"] = queryBooleans[dryRun];
  return parseInput(ContactImportOptions, raw, "query");
};

/** The JSON form takes its options in the body; the same options in the query would be ignored, so they are refused. */
const refuseQuery = (query: URLSearchParams): void => {
  const errors: ProblemError[] = [...new Set(query.keys())].map((key) => ({
    in: "query",
    field: key,
    rule: "unknown_field",
    message: "is not read when the body is JSON: put the import options in the JSON body",
  }));
  if (errors.length) throw new ValidationError(errors);
};

/** Either request form -> the CSV text and its options. */
export const importJobOf = (
  body: ContactImportRequest | undefined,
  rawBody: { readonly text: string } | undefined,
  query: URLSearchParams,
): ImportJob => {
  if (rawBody) return { csv: rawBody.text, options: optionsFromQuery(query), optionsIn: "query" };
  if (!body)
    throw new ValidationError([
      { in: "body", field: "csv", rule: "required", message: "is required" },
    ]);
  refuseQuery(query);
  const { csv, ...options } = body;
  return { csv, options, optionsIn: "body" };
};
