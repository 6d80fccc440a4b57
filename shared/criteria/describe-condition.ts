import type { FieldValue } from "./literals";
import type { NormalizedOperand } from "./normalize-operand";
import type { NormalizedNode } from "./normalized-tree";

type Leaf = Exclude<NormalizedNode, { kind: "and" | "or" | "not" }>;

const LIST_NAMES = {
  mailingGroups: "mailing group",
  jobResponsibilities: "job responsibility",
  industryGroups: "industry group",
  businessRelations: "business relation",
} as const;

const SYMBOLS = { eq: "=", ne: "<>", lt: "<", le: "<=", gt: ">", ge: ">=" } as const;

/** Text is quoted so spaces and case show; codes, numbers, dates and booleans read as they are. */
const show = (v: FieldValue, quoted: boolean): string =>
  typeof v === "string" && quoted ? JSON.stringify(v) : String(v);

/**
 * One condition as a line of the Explain feature: `city = "aarhus c"`, `postCode between 8000
 * and 8999`, `mailing group any of NYHEDSBREV`. With `negated`, the statement that the condition
 * is false; reworded where the complement has a name of its own (= and <>, in and not in, any
 * and none, empty and not empty), else "not (...)": `not (postCode < 8000)` is true of a contact
 * without a post code, `postCode >= 8000` would not be.
 */
export const describeCondition = (node: Leaf, negated = false): string => {
  switch (node.kind) {
    case "field": {
      const quoted = node.type === "text" || node.type === "any";
      return operand(node.field, node, quoted, negated);
    }
    case "profile": {
      // Some answer satisfying the operand: its negation is "no such answer", not a negated operand.
      const text = operand(
        `profile ${node.questionnaire} ${JSON.stringify(node.question)}`,
        node,
        true,
        false,
      );
      return negated ? `not (${text})` : text;
    }
    case "list": {
      const match = negated
        ? ({ any: "none", none: "any", all: "not all" } as const)[node.match]
        : node.match;
      return `${LIST_NAMES[node.list]} ${match} of ${node.codes.join(", ")}`;
    }
    case "interactions": {
      const parts = [
        node.interactionTemplateCode && `template ${node.interactionTemplateCode}`,
        node.campaignNo && `campaign ${node.campaignNo}`,
        node.segmentNo && `segment ${node.segmentNo}`,
        node.evaluation && `evaluation ${node.evaluation}`,
        node.salespersonCode && `salesperson ${node.salespersonCode}`,
        node.from && `from ${node.from}`,
        node.to && `to ${node.to}`,
      ].filter(Boolean);
      const has = node.has !== negated;
      return `has ${has ? "" : "no "}interactions${parts.length ? ` (${parts.join(", ")})` : ""}`;
    }
    case "segment": {
      const on = node.in !== negated;
      return node.segmentNo !== undefined
        ? `${on ? "" : "not "}on segment ${node.segmentNo}`
        : `${on ? "" : "not "}among the contacts of logged segment entry ${node.loggedSegmentEntryNo}`;
    }
  }
};

const operand = (
  subject: string,
  o: NormalizedOperand,
  quoted: boolean,
  negated: boolean,
): string => {
  const v = (value: FieldValue) => show(value, quoted);
  switch (o.op) {
    case "empty":
    case "notEmpty":
      return `${subject} is ${(o.op === "empty") === negated ? "not " : ""}empty`;
    case "eq":
    case "ne": {
      const op = (o.op === "eq") !== negated ? "eq" : "ne";
      return `${subject} ${SYMBOLS[op]} ${v(o.value)}`;
    }
    case "in":
    case "notIn":
      return `${subject} ${(o.op === "in") !== negated ? "in" : "not in"} (${o.values.map(v).join(", ")})`;
    case "like":
      return `${subject} ${negated ? "does not match" : "matches"} ${v(o.value)}`;
    case "startsWith":
    case "endsWith":
    case "contains": {
      const verb = { startsWith: "starts with", endsWith: "ends with", contains: "contains" }[o.op];
      const negatedVerb = {
        startsWith: "does not start with",
        endsWith: "does not end with",
        contains: "does not contain",
      }[o.op];
      return `${subject} ${negated ? negatedVerb : verb} ${v(o.value)}`;
    }
    case "lt":
    case "le":
    case "gt":
    case "ge": {
      const text = `${subject} ${SYMBOLS[o.op]} ${v(o.value)}`;
      return negated ? `not (${text})` : text;
    }
    case "between": {
      const text = `${subject} between ${v(o.values[0])} and ${v(o.values[1])}`;
      return negated ? `not (${text})` : text;
    }
  }
};
