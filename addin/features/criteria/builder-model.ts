import type { CriteriaNode, Operator, Scalar } from "@shared/criteria/criteria-tree";
import type { CriteriaOptions } from "@shared/model/criteria-action";
import type { CriteriaFieldInfo } from "@shared/model/criteria-fields";

/**
 * The criteria builder's state and how it becomes the API's filter tree. Business Central's
 * dialog is the model: sections (contact fields, profile, groups, interactions, membership)
 * combine with AND, and a field's filter string ORs its values. The advanced tree is one more
 * section. Every control that produced part of the tree is remembered with that part's path,
 * so a problem the API reports at "filter.items.2.value" lands next to the right box.
 */

export type BuilderKind = "addContacts" | "reduceContacts" | "refineContacts";

/** "filter": the value box holds a Business Central filter string (`8000..8999|5000`). */
export type RowOperator = Operator | "filter";

export interface FieldRow {
  readonly id: string;
  readonly field: string;
  readonly op: RowOperator;
  readonly value: string;
  /** The upper bound of `between`. */
  readonly value2: string;
}

export interface ProfileRow {
  readonly id: string;
  readonly questionnaire: string;
  readonly question: string;
  /** The answers ticked: a contact with any of them matches, as in Business Central. */
  readonly answers: readonly string[];
}

export const listNames = [
  "mailingGroups",
  "jobResponsibilities",
  "industryGroups",
  "businessRelations",
] as const;
export type ListName = (typeof listNames)[number];

export interface ListSection {
  readonly match: "any" | "all" | "none";
  /** The codes picked, upper case, each once. */
  readonly codes: readonly string[];
}

export interface InteractionSection {
  readonly has: boolean;
  readonly from: string;
  readonly to: string;
  readonly interactionTemplateCode: string;
  readonly campaignNo: string;
  readonly segmentNo: string;
  readonly evaluation: string;
  readonly salespersonCode: string;
}
export const interactionParts = [
  "from",
  "to",
  "interactionTemplateCode",
  "campaignNo",
  "segmentNo",
  "evaluation",
  "salespersonCode",
] as const;

export interface MembershipRow {
  readonly id: string;
  readonly in: boolean;
  readonly target: "segment" | "logged";
  readonly value: string;
}

export interface TreeCondition {
  readonly kind: "condition";
  readonly row: FieldRow;
}
export interface TreeGroup {
  readonly kind: "group";
  readonly id: string;
  readonly mode: "and" | "or";
  readonly negate: boolean;
  readonly children: readonly TreeItem[];
}
export type TreeItem = TreeCondition | TreeGroup;

export interface BuilderState {
  readonly fields: readonly FieldRow[];
  readonly profile: readonly ProfileRow[];
  readonly lists: Readonly<Record<ListName, ListSection>>;
  readonly interactions: InteractionSection;
  readonly membership: readonly MembershipRow[];
  readonly advanced: TreeGroup;
  readonly options: CriteriaOptions;
  readonly description: string;
}

let counter = 0;
export const newId = (prefix: string): string => `${prefix}${++counter}`;

/** A section's edit that changes one of its rows, by id. */
export const changeRow =
  <R extends { readonly id: string }>(id: string, change: (row: R) => R) =>
  (rows: readonly R[]): readonly R[] =>
    rows.map((r) => (r.id === id ? change(r) : r));

/** A section's edit that removes one of its rows, by id. */
export const dropRow =
  <R extends { readonly id: string }>(id: string) =>
  (rows: readonly R[]): readonly R[] =>
    rows.filter((r) => r.id !== id);

export const emptyFieldRow = (field = ""): FieldRow => ({
  id: newId("f"),
  field,
  op: "eq",
  value: "",
  value2: "",
});

export const emptyGroup = (): TreeGroup => ({
  kind: "group",
  id: newId("g"),
  mode: "and",
  negate: false,
  children: [],
});

export const emptyBuilder = (): BuilderState => ({
  fields: [emptyFieldRow()],
  profile: [],
  lists: {
    mailingGroups: { match: "any", codes: [] },
    jobResponsibilities: { match: "any", codes: [] },
    industryGroups: { match: "any", codes: [] },
    businessRelations: { match: "any", codes: [] },
  },
  interactions: {
    has: true,
    from: "",
    to: "",
    interactionTemplateCode: "",
    campaignNo: "",
    segmentNo: "",
    evaluation: "",
    salespersonCode: "",
  },
  membership: [],
  advanced: emptyGroup(),
  options: {
    allowExistingContacts: false,
    expandCompanies: false,
    allowRelatedCompanies: false,
    ignoreExclusion: false,
    entireCompanies: false,
  },
  description: "",
});

/** The operators a field offers: the catalog's (operatorsFor its type), then a filter string. */
export const rowOperators = (info: CriteriaFieldInfo | undefined): readonly RowOperator[] =>
  info ? [...info.operators, "filter"] : ["eq", "filter"];

/** A row after its field changed: an operator the new field's type has no use for is reset. */
export const withField = (
  row: FieldRow,
  field: string,
  info: CriteriaFieldInfo | undefined,
): FieldRow => {
  const ops = rowOperators(info);
  const op = ops.includes(row.op) ? row.op : (ops[0] ?? "eq");
  const sameType = row.field !== "" && field === row.field;
  return {
    ...row,
    field,
    op,
    value: sameType ? row.value : "",
    value2: sameType ? row.value2 : "",
  };
};

const noValue = (op: RowOperator) => op === "empty" || op === "notEmpty";

/** Whether a row says enough to take part; an unfinished row waits instead of failing the count. */
export const rowComplete = (row: FieldRow): boolean => {
  if (!row.field.trim()) return false;
  if (noValue(row.op)) return true;
  if (row.op === "between") return row.value.trim() !== "" && row.value2.trim() !== "";
  return row.value.trim() !== "";
};

const scalarFor = (text: string, type: CriteriaFieldInfo["type"] | undefined): Scalar => {
  const trimmed = text.trim();
  if (type === "boolean") return trimmed === "true" ? true : trimmed === "false" ? false : trimmed;
  if (type === "number" || type === "any") {
    const n = Number(trimmed.replace(",", "."));
    if (trimmed !== "" && /^-?[\d.,]+$/.test(trimmed) && Number.isFinite(n)) return n;
    if (type === "any" && (trimmed === "true" || trimmed === "false")) return trimmed === "true";
  }
  return trimmed;
};

/** Values of in/not in, typed as a Business Central user would: A|B, or one per comma. */
export const splitValues = (text: string): string[] =>
  text
    .split(/[|;\n]/)
    .map((v) => v.trim())
    .filter(Boolean);

export const fieldNode = (row: FieldRow, info: CriteriaFieldInfo | undefined): CriteriaNode => {
  const field = row.field.trim();
  if (row.op === "filter") return { kind: "field", field, filter: row.value.trim() };
  if (noValue(row.op)) return { kind: "field", field, op: row.op };
  if (row.op === "in" || row.op === "notIn")
    return {
      kind: "field",
      field,
      op: row.op,
      values: splitValues(row.value).map((v) => scalarFor(v, info?.type)),
    };
  if (row.op === "between")
    return {
      kind: "field",
      field,
      op: "between",
      values: [scalarFor(row.value, info?.type), scalarFor(row.value2, info?.type)],
    };
  return { kind: "field", field, op: row.op, value: scalarFor(row.value, info?.type) };
};

/** Where in the request a control's part of the tree went: `path` is a body field path. */
export interface Owner {
  readonly path: string;
  readonly key: string;
}

export interface BuiltRequest {
  readonly filter: CriteriaNode;
  readonly options: CriteriaOptions;
  readonly description?: string;
  readonly owners: readonly Owner[];
  /** No section says anything: the action runs on every contact, as in Business Central. */
  readonly everyone: boolean;
}

export type FieldLookup = (name: string) => CriteriaFieldInfo | undefined;

/** Everything on the contact: a condition every contact meets. */
const EVERYONE: CriteriaNode = { kind: "field", field: "no", op: "notEmpty" };

const groupNode = (
  group: TreeGroup,
  path: string,
  lookup: FieldLookup,
  owners: Owner[],
  complete: boolean,
): CriteriaNode | undefined => {
  const inner = group.negate ? `${path}.item` : path;
  const items: CriteriaNode[] = [];
  for (const child of group.children) {
    const at = `${inner}.items.${items.length}`;
    if (child.kind === "condition") {
      if (complete && !rowComplete(child.row)) continue;
      if (!child.row.field.trim()) continue;
      owners.push({ path: at, key: `tree:${child.row.id}` });
      items.push(fieldNode(child.row, lookup(child.row.field.trim())));
    } else {
      const node = groupNode(child, at, lookup, owners, complete);
      if (node) items.push(node);
    }
  }
  if (items.length === 0) return undefined;
  owners.push({ path, key: `group:${group.id}` });
  const node: CriteriaNode = { kind: group.mode, items };
  return group.negate ? { kind: "not", item: node } : node;
};

/**
 * The request body for Add, Reduce or Refine Contacts. With `complete`, unfinished rows are left
 * out (the live count runs while the user types); without it, they go to the API, which names
 * what is missing next to the row.
 */
export const buildRequest = (
  state: BuilderState,
  kind: BuilderKind,
  lookup: FieldLookup,
  { complete }: { complete: boolean },
): BuiltRequest => {
  const items: CriteriaNode[] = [];
  const owners: Owner[] = [];
  const push = (key: string, node: CriteriaNode) => {
    owners.push({ path: `filter.items.${items.length}`, key });
    items.push(node);
  };

  for (const row of state.fields) {
    if (!row.field.trim() || (complete && !rowComplete(row))) continue;
    push(`field:${row.id}`, fieldNode(row, lookup(row.field.trim())));
  }
  for (const row of state.profile) {
    const answers = [...new Set(row.answers.map((a) => a.trim()).filter(Boolean))];
    if (!row.questionnaire.trim() && !row.question.trim() && answers.length === 0) continue;
    // The answers are picked last: until then the row is unfinished, not a request for contacts
    // who answered nothing (which the API refuses as an answer not set up).
    if (complete && (!row.questionnaire.trim() || !row.question.trim() || answers.length === 0))
      continue;
    const questionnaire = row.questionnaire.trim().toUpperCase();
    const question = row.question.trim();
    // One answer stays `eq`, as rows were written before several could be ticked.
    push(
      `profile:${row.id}`,
      answers.length === 1
        ? { kind: "profile", questionnaire, question, op: "eq", value: answers[0] }
        : { kind: "profile", questionnaire, question, op: "in", values: answers },
    );
  }
  for (const list of listNames) {
    const codes = [...state.lists[list].codes];
    if (codes.length === 0) continue;
    push(`list:${list}`, { kind: "list", list, match: state.lists[list].match, codes });
  }
  const i = state.interactions;
  if (!i.has || interactionParts.some((part) => i[part].trim() !== "")) {
    const node: Record<string, unknown> = { kind: "interactions", has: i.has };
    for (const part of interactionParts) {
      const value = i[part].trim();
      if (value)
        node[part] =
          part === "from" || part === "to" || part === "evaluation" ? value : value.toUpperCase();
    }
    push("interactions", node as CriteriaNode);
  }
  for (const row of state.membership) {
    const value = row.value.trim();
    if (!value) continue;
    push(
      `membership:${row.id}`,
      row.target === "segment"
        ? { kind: "segment", in: row.in, segmentNo: value.toUpperCase() }
        : {
            kind: "segment",
            in: row.in,
            loggedSegmentEntryNo: /^\d+$/.test(value)
              ? Number(value)
              : (value as unknown as number),
          },
    );
  }
  const advancedPath = `filter.items.${items.length}`;
  const advanced = groupNode(state.advanced, advancedPath, lookup, owners, complete);
  if (advanced) items.push(advanced);

  const options: CriteriaOptions =
    kind === "addContacts"
      ? { ...state.options, entireCompanies: false }
      : {
          allowExistingContacts: false,
          expandCompanies: false,
          allowRelatedCompanies: false,
          ignoreExclusion: false,
          entireCompanies: state.options.entireCompanies,
        };
  const everyone = items.length === 0;
  return {
    filter: { kind: "and", items: everyone ? [EVERYONE] : items },
    options,
    ...(state.description.trim() ? { description: state.description.trim() } : {}),
    owners: everyone ? [] : owners,
    everyone,
  };
};

/**
 * The problem entries of an answer, sorted to the control that owns their part of the tree:
 * key -> the rest of the path ("value", "values.1", "op", "" for the node itself) -> messages.
 * Entries no control owns stay in `rest`.
 */
export interface RoutedErrors {
  readonly byOwner: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  readonly rest: readonly { field: string; message: string }[];
}

export const routeErrors = (
  entries: readonly { in: string; field: string; message: string }[],
  owners: readonly Owner[],
): RoutedErrors => {
  const byOwner = new Map<string, Map<string, string[]>>();
  const rest: { field: string; message: string }[] = [];
  for (const entry of entries) {
    let best: Owner | undefined;
    for (const owner of owners) {
      if (
        (entry.field === owner.path || entry.field.startsWith(`${owner.path}.`)) &&
        (!best || owner.path.length > best.path.length)
      )
        best = owner;
    }
    if (entry.in !== "body" || !best) {
      rest.push({ field: entry.field, message: entry.message });
      continue;
    }
    const part = entry.field.slice(best.path.length).replace(/^\./, "");
    const parts = byOwner.get(best.key) ?? new Map<string, string[]>();
    parts.set(part, [...(parts.get(part) ?? []), entry.message]);
    byOwner.set(best.key, parts);
  }
  return { byOwner, rest };
};

/** The messages for one control: its own parts (by first path segment), or all of them. */
export const messagesFor = (
  routed: RoutedErrors | undefined,
  key: string,
  parts?: readonly string[],
): string | undefined => {
  const owned = routed?.byOwner.get(key);
  if (!owned) return undefined;
  const messages: string[] = [];
  for (const [part, list] of owned) {
    const head = part.split(".")[0] ?? "";
    if (!parts || parts.includes(head)) messages.push(...list);
  }
  return messages.length ? messages.join(" ") : undefined;
};
