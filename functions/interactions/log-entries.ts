import type { FieldMatches } from "@shared/model/field-match";
import type { InteractionLogEntry } from "@shared/model/interaction-log-entry";
import type { DocumentId } from "../store/document-names";
import type { SegmentHeader, StoredLine, LogRun } from "../store/segment-repository";
import type { LogInputs } from "./log-checks";
import type { PinnedCopy } from "./logged-letters";
import { lineOrHeader } from "./log-checks";
import { campaignEntryNoOf } from "./log-campaign-entries";

/** An entry as stored: what the API shows, and the kept letter's document id, which it does not. */
type EntryFields = Omit<InteractionLogEntry, "etag"> & {
  documentId?: DocumentId;
  letterFieldMatches?: FieldMatches;
};

const defined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/**
 * The interaction log entry for one line, as Business Central's Log writes it. Everything comes
 * from the run (numbers, time) and the locked segment, so a resumed Log writes the same entry.
 */
export const entryFor = (
  run: LogRun,
  header: SegmentHeader,
  inputs: LogInputs,
  line: StoredLine,
  index: number,
  templateLetter?: (line: StoredLine) => PinnedCopy | undefined,
): EntryFields => {
  const contact = inputs.contacts.get(line.contactNo);
  const templateCode = lineOrHeader(line, header, "interactionTemplateCode");
  const template = templateCode ? inputs.templates.get(templateCode) : undefined;
  const kept = inputs.keptLetters.get(line.lineNo);
  const campaignNo = lineOrHeader(line, header, "campaignNo");
  // Without a letter of its own the line went out with its template's, as the Log copied it.
  const pinned = kept ? undefined : templateLetter?.(line);
  return defined({
    entryNo: run.firstEntryNo + index,
    contactNo: line.contactNo,
    contactName: contact?.name ?? line.contactName,
    contactCompanyNo: contact?.companyNo ?? line.contactCompanyNo,
    contactCompanyName: contact?.companyName ?? line.contactCompanyName,
    // Business Central dates each line with the segment's date, so a mailing can be back-dated.
    date: header.date,
    timeOfInteraction: run.startedAt,
    interactionTemplateCode: templateCode,
    interactionGroupCode: template?.interactionGroupCode,
    description: (line.description ?? header.description ?? "").slice(0, 100),
    subject: lineOrHeader(line, header, "subject"),
    informationFlow: lineOrHeader(line, header, "informationFlow"),
    initiatedBy: lineOrHeader(line, header, "initiatedBy"),
    cost: line.unitCost ?? header.unitCost,
    duration: line.unitDuration ?? header.unitDuration,
    correspondenceType: lineOrHeader(line, header, "correspondenceType"),
    languageCode: lineOrHeader(line, header, "languageCode"),
    campaignNo,
    campaignEntryNo: campaignEntryNoOf(run, campaignNo),
    campaignTarget: line.campaignTarget ?? header.campaignTarget,
    campaignResponse: line.campaignResponse ?? header.campaignResponse,
    segmentNo: header.no,
    segmentLineNo: line.lineNo,
    loggedSegmentEntryNo: run.loggedSegmentEntryNo,
    salespersonCode: lineOrHeader(line, header, "salespersonCode"),
    userId: run.userId,
    deliveryStatus: "none" as const,
    documentId: kept?.id ?? pinned?.id,
    letterFieldMatches: pinned?.fieldMatches,
    keptLetter: kept?.kind ?? (pinned ? ("template" as const) : undefined),
    evaluation: line.evaluation,
    canceled: false,
  });
};
