import type { InteractionTemplate } from "@shared/model/interaction-template";
import type { LogProblem } from "@shared/model/logging";
import type { AppDeps } from "../app-deps";
import { mergedLetterIdOf, ownLetterIdOf } from "../segments/line-letter-ids";
import type { ContactDoc } from "../store/contact-repository";
import type { DocumentId } from "../store/document-names";
import type { SegmentHeader, StoredLine } from "../store/segment-repository";
import type { TenantId } from "../store/tenant";

/** The letter kept for the record with a line's entry, by a checked document id. */
export interface KeptLetter {
  readonly kind: "own" | "merged";
  readonly id: DocumentId;
}

/** What Log works from: the lines in line order and what they refer to. */
export interface LogInputs {
  readonly lines: StoredLine[];
  readonly contacts: ReadonlyMap<string, ContactDoc>;
  readonly templates: ReadonlyMap<string, InteractionTemplate>;
  /** By line No.: the own letter of a line that has one, else the merged letter a merge kept. */
  readonly keptLetters: ReadonlyMap<number, KeptLetter>;
  /** The salespeople the lines name that exist. */
  readonly salespeople: ReadonlySet<string>;
}

/** Only ids that name this tenant's letters of that very line count; others are never used. */
const keptLetterOf = (tenant: TenantId, line: StoredLine): KeptLetter | undefined => {
  if (line.attachment.kind === "unique") {
    const own = ownLetterIdOf(tenant, line);
    return own ? { kind: "own", id: own } : undefined;
  }
  const merged = mergedLetterIdOf(tenant, line);
  return merged ? { kind: "merged", id: merged } : undefined;
};

/** The codes named, each once. */
export const distinctCodes = (codes: readonly (string | undefined)[]): string[] => [
  ...new Set(codes.filter((c): c is string => !!c)),
];

export const loadLogInputs = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
): Promise<LogInputs> => {
  const lines = (await deps.store.segments.allLines<StoredLine>(tenant, header.no)).sort(
    (a, b) => a.lineNo - b.lineNo,
  );
  const contacts = await deps.store.contacts.byNos<ContactDoc>(
    tenant,
    lines.map((l) => l.contactNo),
    [
      "no",
      "type",
      "name",
      "companyNo",
      "companyName",
      "email",
      "languageCode",
      "correspondenceType",
      "salespersonCode",
    ],
  );
  const codes = distinctCodes([header, ...lines].map((l) => l.interactionTemplateCode));
  const templates = await Promise.all(
    codes.map((code) => deps.store.interactionTemplates.store.find(tenant, code)),
  );
  const salespersonCodes = distinctCodes([header, ...lines].map((l) => l.salespersonCode));
  const salespeople = await Promise.all(
    salespersonCodes.map((code) => deps.store.salespeople.store.find(tenant, code)),
  );
  const keptLetters = new Map<number, KeptLetter>();
  for (const line of lines) {
    const kept = keptLetterOf(tenant, line);
    if (kept) keptLetters.set(line.lineNo, kept);
  }
  return {
    lines,
    keptLetters,
    salespeople: new Set(salespersonCodes.filter((_, i) => salespeople[i] !== undefined)),
    contacts: new Map(contacts.map((c) => [c.no, c])),
    templates: new Map(
      templates.filter((t): t is InteractionTemplate => !!t).map((t) => [t.code, t]),
    ),
  };
};

/** The line's value, else the header's: per-line overrides win, as in Business Central. */
export const lineOrHeader = <K extends keyof StoredLine & keyof SegmentHeader>(
  line: StoredLine,
  header: SegmentHeader,
  key: K,
) => line[key] ?? header[key];

/** Something is sent: the line's own or merged letter, or the template's attachment. */
const sendsLetter = (inputs: LogInputs, line: StoredLine, templateCode: string | undefined) =>
  inputs.keptLetters.has(line.lineNo) ||
  line.attachment.kind === "unique" ||
  (templateCode ? (inputs.templates.get(templateCode)?.attachments.length ?? 0) > 0 : false);

/**
 * Business Central's checks before Log, on every line at once: the contact exists, a salesperson
 * and a template are set and exist, there is a description, an e-mail line that sends a letter has
 * an address, a claimed own letter exists.
 */
export const checkLines = async (
  deps: AppDeps,
  tenant: TenantId,
  header: SegmentHeader,
  inputs: LogInputs,
): Promise<LogProblem[]> => {
  const problems: LogProblem[] = [];
  const add = (line: StoredLine, field: string, rule: LogProblem["rule"], message: string) =>
    problems.push({ lineNo: line.lineNo, contactNo: line.contactNo, field, rule, message });
  const attachments = await Promise.all(
    inputs.lines.map(async (line) => {
      if (line.attachment.kind !== "unique") return true;
      const kept = inputs.keptLetters.get(line.lineNo);
      return kept?.kind === "own" ? deps.store.documents.exists(kept.id) : false;
    }),
  );
  inputs.lines.forEach((line, i) => {
    const contact = inputs.contacts.get(line.contactNo);
    if (!contact)
      add(line, "contactNo", "contact_exists", `contact ${line.contactNo} no longer exists`);
    // Business Central's CheckSalesperson: every logged interaction is someone's, and that
    // someone must exist, so statistics per salesperson add up.
    const salespersonCode = lineOrHeader(line, header, "salespersonCode");
    if (!salespersonCode)
      add(
        line,
        "salespersonCode",
        "salesperson_set",
        "no salesperson is set on the line or the segment",
      );
    else if (!inputs.salespeople.has(salespersonCode))
      add(
        line,
        "salespersonCode",
        "salesperson_set",
        `salesperson ${salespersonCode} does not exist`,
      );
    const templateCode = lineOrHeader(line, header, "interactionTemplateCode");
    if (!templateCode)
      add(
        line,
        "interactionTemplateCode",
        "template_set",
        "no interaction template is set on the line or the segment",
      );
    else if (!inputs.templates.has(templateCode))
      add(
        line,
        "interactionTemplateCode",
        "template_set",
        `interaction template ${templateCode} does not exist`,
      );
    if (!(line.description ?? header.description))
      add(line, "description", "description_present", "the line has no description");
    // Business Central checks the address only when a letter goes out: a line with no letter
    // records a response (a call, a reply) and sends nothing.
    if (
      lineOrHeader(line, header, "correspondenceType") === "email" &&
      contact &&
      !contact.email &&
      sendsLetter(inputs, line, templateCode)
    ) {
      add(
        line,
        "correspondenceType",
        "email_address",
        `${contact.name} has no e-mail address but the line is to be sent by e-mail`,
      );
    }
    if (!attachments[i])
      add(
        line,
        "attachment",
        "attachment_exists",
        "the contact's own letter is missing from document storage",
      );
  });
  return problems;
};
