import type { CriteriaNode, Operator, Scalar } from "@shared/criteria/criteria-tree";
import type { CriteriaAction } from "@shared/model/criteria-action";
import type { CriteriaFieldInfo } from "@shared/model/criteria-fields";
import { enUS, type MessageKey } from "../../i18n/en-US";
import type { Translate } from "../../i18n/translate";
import { ACTION_KIND_LABEL } from "./action-labels";

/**
 * A criteria action in one line, in the pane's language, from the tree as the marketer built it:
 * `City is "Aarhus C"`, the field's label and the value as typed. The server keeps an English line
 * of its own (with values as it compares them, `city = "aarhus c"`); the pane shows that only
 * where the marketer wrote the description themselves.
 */

/**
 * How a field reads: its label in the pane's language (its name where the catalog has none), and
 * whether its values are text, quoted so spaces and case show; codes, numbers and dates are not.
 */
export type FieldLabel = (name: string) => { readonly label: string; readonly text: boolean };

/** A field's label and kind from the catalog the builder reads (listCriteriaFields). */
export const catalogLabel =
  (fields: readonly CriteriaFieldInfo[] | undefined, danish: boolean): FieldLabel =>
  (name) => {
    const info = fields?.find((f) => f.name === name);
    return info
      ? {
          label: info.label[danish ? "da-DK" : "en-US"],
          text: info.type === "text" || info.type === "any",
        }
      : { label: name, text: true };
  };

const OPERATOR: Record<Operator, MessageKey> = {
  eq: "criteria.op.eq",
  ne: "criteria.op.ne",
  in: "criteria.op.in",
  notIn: "criteria.op.notIn",
  startsWith: "criteria.op.startsWith",
  endsWith: "criteria.op.endsWith",
  contains: "criteria.op.contains",
  like: "criteria.summary.like",
  empty: "criteria.op.empty",
  notEmpty: "criteria.op.notEmpty",
  lt: "criteria.op.lt",
  le: "criteria.op.le",
  gt: "criteria.op.gt",
  ge: "criteria.op.ge",
  between: "criteria.op.between",
};

/** How values read in the pane's locale (useFormat): numbers and calendar dates. */
export interface ValueFormat {
  readonly number: (value: number) => string;
  readonly date: (iso: string) => string;
}

/** Values exactly as stored, where no locale is at hand. */
const asStored: ValueFormat = { number: String, date: (iso) => iso };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Text in quotes, so its spaces and case show as typed; numbers and calendar dates in the
 * locale; codes and relative dates ("-30D", "last month") bare, as typed.
 */
const value = (t: Translate, v: Scalar | undefined, quoted: boolean, shown: ValueFormat): string =>
  v === undefined
    ? ""
    : typeof v === "boolean"
      ? t(v ? "common.yes" : "common.no")
      : typeof v === "number"
        ? shown.number(v)
        : quoted
          ? `"${v}"`
          : ISO_DATE.test(v)
            ? shown.date(v)
            : v;

interface Operand {
  readonly op?: Operator | undefined;
  readonly value?: Scalar | undefined;
  readonly values?: readonly Scalar[] | undefined;
}

const operand = (
  t: Translate,
  subject: string,
  o: Operand,
  quoted: boolean,
  shown: ValueFormat,
): string => {
  const op = o.op ?? "eq";
  if (op === "empty" || op === "notEmpty") return `${subject} ${t(OPERATOR[op])}`;
  if (op === "between")
    return t("criteria.summary.between", {
      field: subject,
      from: value(t, o.values?.[0], quoted, shown),
      to: value(t, o.values?.[1], quoted, shown),
    });
  const values =
    op === "in" || op === "notIn"
      ? (o.values ?? []).map((v) => value(t, v, quoted, shown)).join(", ")
      : value(t, o.value, quoted, shown);
  return `${subject} ${t(OPERATOR[op])} ${values}`;
};

/** Every contact: what Add Contacts without conditions sends (No. is not empty). */
const isEveryone = (node: CriteriaNode): boolean =>
  node.kind === "field" && node.field === "no" && node.op === "notEmpty";

/**
 * One node of the tree; `top` leaves the outermost group without brackets. The Explain dialog
 * words each condition of its reasons with this too, so both read alike.
 */
export const summarizeNode = (
  t: Translate,
  label: FieldLabel,
  node: CriteriaNode,
  top = true,
  shown: ValueFormat = asStored,
): string => {
  switch (node.kind) {
    case "and":
    case "or": {
      const joined = node.items
        .map((item) => summarizeNode(t, label, item, false, shown))
        .join(` ${t(node.kind === "and" ? "criteria.summary.and" : "criteria.summary.or")} `);
      return top || node.items.length === 1 ? joined : `(${joined})`;
    }
    case "not":
      return t("criteria.summary.not", {
        item: summarizeNode(t, label, node.item, true, shown),
      });
    case "field": {
      if (isEveryone(node)) return t("criteria.summary.everyone");
      const field = label(node.field);
      if (node.filter !== undefined)
        return `${field.label} ${t("criteria.op.filter")} ${node.filter}`;
      return operand(t, field.label, node, field.text, shown);
    }
    case "profile": {
      // The answers ticked, as Business Central words one: "Profile: Customer type is Retail
      // or Wholesale" (answers are set-up lines, shown bare as their text).
      const answers =
        node.op === "in" ? node.values : (node.op ?? "eq") === "eq" ? [node.value] : undefined;
      if (answers && answers.length > 0 && answers.every((a) => a !== undefined))
        return t("criteria.summary.profileIs", {
          question: node.question,
          answers: answers
            .map((a) => value(t, a, false, shown))
            .join(` ${t("criteria.summary.or")} `),
        });
      return operand(
        t,
        t("criteria.summary.profile", { question: node.question }),
        node,
        true,
        shown,
      );
    }
    case "list":
      return t(`criteria.summary.list.${node.match}`, {
        list: t(`criteria.section.${node.list}`),
        codes: node.codes.join(", "),
      });
    case "interactions": {
      const parts = [
        node.interactionTemplateCode &&
          `${t("criteria.interactions.template")} ${node.interactionTemplateCode}`,
        node.campaignNo && `${t("criteria.interactions.campaign")} ${node.campaignNo}`,
        node.segmentNo && `${t("criteria.interactions.segment")} ${node.segmentNo}`,
        node.evaluation &&
          `${t("criteria.interactions.evaluation")} ${t(`common.evaluation.${node.evaluation}`)}`,
        node.salespersonCode && `${t("criteria.interactions.salesperson")} ${node.salespersonCode}`,
        node.from && `${t("criteria.interactions.from")} ${value(t, node.from, false, shown)}`,
        node.to && `${t("criteria.interactions.to")} ${value(t, node.to, false, shown)}`,
      ].filter((part): part is string => Boolean(part));
      const head = t(
        node.has === false
          ? "criteria.summary.withoutInteractions"
          : "criteria.summary.interactions",
      );
      return parts.length ? `${head} (${parts.join(", ")})` : head;
    }
    case "segment":
      return node.segmentNo !== undefined
        ? t(node.in === false ? "criteria.summary.notOnSegment" : "criteria.summary.onSegment", {
            segmentNo: node.segmentNo,
          })
        : t(node.in === false ? "criteria.summary.notInLogged" : "criteria.summary.inLogged", {
            entryNo: node.loggedSegmentEntryNo ?? "",
          });
  }
};

/** The server's own line for an action (`Add Contacts: city = "aarhus c"`), not the marketer's. */
export const isGeneratedDescription = (action: Pick<CriteriaAction, "kind" | "description">) => {
  const name = enUS[ACTION_KIND_LABEL[action.kind]];
  return action.description === name || action.description.startsWith(`${name}: `);
};

/** What the action did, in a line: its conditions, the contacts by hand, the logged segment. */
export const summarizeAction = (
  t: Translate,
  label: FieldLabel,
  action: Pick<CriteriaAction, "kind" | "filter" | "contactNos" | "source">,
  shown: ValueFormat = asStored,
): string => {
  if (action.source?.savedCriteriaCode !== undefined && action.filter)
    return t("criteria.summary.saved", {
      code: action.source.savedCriteriaCode,
      summary: summarizeNode(t, label, action.filter, true, shown),
    });
  if (action.filter) return summarizeNode(t, label, action.filter, true, shown);
  if (action.contactNos?.length) return action.contactNos.join(", ");
  if (action.source?.loggedSegmentEntryNo !== undefined)
    return t("criteria.summary.inLogged", { entryNo: action.source.loggedSegmentEntryNo });
  return "";
};
