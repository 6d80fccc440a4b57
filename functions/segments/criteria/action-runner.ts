import type {
  CriteriaAction,
  CriteriaActionKind,
  CriteriaOptions,
} from "@shared/model/criteria-action";
import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import type { AppDeps } from "../../app-deps";
import { stampNew } from "../../audit/stamp";
import { ConflictError } from "../../errors/app-errors";
import type { Identity } from "../../auth/identity";
import { lineNoStep, type NewLine, type SegmentHeader } from "../../store/segment-repository";
import { lineDefaults } from "../line-defaults";
import { lineListOrder } from "../line-order";
import type { SegmentHold } from "../segment-lock";
import type { AddEntry } from "./add-plan";

export interface ActionSpec {
  readonly kind: CriteriaActionKind;
  readonly filter?: CriteriaNode;
  readonly options: CriteriaOptions;
  readonly contactNos?: readonly string[];
  readonly source?: CriteriaAction["source"];
  readonly description: string;
  readonly evaluatedOn: string;
}

export interface Changes {
  readonly add: readonly AddEntry[];
  readonly removeLineNos: readonly number[];
  /** Per-line fields a manual add brings (note, subject...). */
  readonly lineFields?: Readonly<Record<string, unknown>>;
}

export interface ActionResult {
  readonly action: CriteriaAction;
  readonly firstLineNo: number;
}

const strip = <T extends { etag: string }>({ etag: _e, ...rest }: T) => rest;

/**
 * Records a criteria action and makes its changes, in an order that Go Back can always undo,
 * whatever point a crash stops it at: the action is written first (status "applying"), a
 * removed line is copied aside before it is deleted, every inserted line carries the action's
 * No., and only then is the action marked applied. Whoever takes the segment over after a crash
 * undoes an action left "applying" (see undoInterruptedAction).
 */
export const runAction = async (
  deps: AppDeps,
  identity: Identity,
  header: SegmentHeader,
  spec: ActionSpec,
  changes: Changes,
  /** Only the segment's holder runs an action (see withSegmentLock). */
  hold: SegmentHold,
): Promise<ActionResult> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  const segmentNo = header.no;
  const reserved = await segments.updateStats(tenant, segmentNo, (s) => ({
    ...strip(s),
    nextActionNo: s.nextActionNo + 1,
    nextLineNo: s.nextLineNo + changes.add.length * lineNoStep,
    noOfCriteriaActions: s.noOfCriteriaActions + 1,
  }));
  const actionNo = reserved.nextActionNo;
  const firstLineNo = reserved.nextLineNo;
  const now = deps.now();
  const base: Omit<CriteriaAction, "status" | "linesAdded" | "linesRemoved"> = {
    segmentNo,
    no: actionNo,
    kind: spec.kind,
    ...(spec.filter ? { filter: spec.filter } : {}),
    options: spec.options,
    ...(spec.contactNos ? { contactNos: [...spec.contactNos] } : {}),
    ...(spec.source ? { source: spec.source } : {}),
    description: spec.description,
    evaluatedOn: spec.evaluatedOn,
    createdAt: now.toISOString(),
    createdBy: identity.userId,
  };
  const key = segments.lineKey(segmentNo, actionNo);
  const pending = await segments.actions.create(tenant, key, {
    ...base,
    status: "applying",
    linesAdded: 0,
    linesRemoved: 0,
  });

  let removed = 0;
  if (changes.removeLineNos.length) {
    const lines = await segments.linesByNo(tenant, segmentNo, changes.removeLineNos);
    await segments.moveLinesAside(tenant, segmentNo, lines, actionNo);
    removed = lines.length;
  }

  if (changes.add.length) {
    hold.assertHeld();
    const stamp = stampNew(identity, now);
    const [template, languages] = await Promise.all([
      header.interactionTemplateCode
        ? deps.store.interactionTemplates.store.find(tenant, header.interactionTemplateCode)
        : undefined,
      segments.interactionLanguagesOf(tenant, segmentNo),
    ]);
    const lines = changes.add.map((entry, i): NewLine => ({
      ...lineDefaults(header, entry.contact, template, languages),
      attachment: { kind: "inherited" },
      ...changes.lineFields,
      lineNo: firstLineNo + i * lineNoStep,
      actionNo,
      via: entry.via,
      listOrder: lineListOrder(entry.contact),
      ...(entry.viaContactNo ? { viaContactNo: entry.viaContactNo } : {}),
      ...stamp,
    }));
    await segments.insertLines(tenant, segmentNo, lines);
  }

  // A holder whose lease ran out must not mark applied what the taker is undoing.
  hold.assertHeld();
  const action = await segments.actions.replace(
    tenant,
    key,
    { ...base, status: "applied", linesAdded: changes.add.length, linesRemoved: removed },
    pending.etag,
  );
  await segments.updateStats(tenant, segmentNo, (s) => ({
    ...strip(s),
    noOfLines: Math.max(0, s.noOfLines + changes.add.length - removed),
    linesVersion: (s.linesVersion ?? 0) + 1,
  }));
  return { action: strip(action), firstLineNo };
};

export interface GoBackResult {
  readonly undone: CriteriaAction;
  readonly linesDeleted: number;
  readonly linesRestored: number;
}

/**
 * Undoes the newest action exactly: the lines it inserted go, the lines it removed come back
 * as they were (with their per-line edits). An interrupted action is undone the same way.
 */
export const goBackOnce = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  expectedActionNo: number | undefined,
): Promise<GoBackResult> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  const actions = await segments.listActions(tenant, segmentNo);
  const last = actions.at(-1);
  if (!last) throw new ConflictError(`Segment ${segmentNo} has no criteria actions to go back to.`);
  if (expectedActionNo !== undefined && expectedActionNo !== last.no) {
    throw new ConflictError(
      `The last action on segment ${segmentNo} is now No. ${last.no} (${last.kind}), not No. ${expectedActionNo}: someone else changed the segment. Reload it and try again.`,
    );
  }
  const key = segments.lineKey(segmentNo, last.no);
  const { etag, ...action } = last;
  await segments.actions.replace(tenant, key, { ...action, status: "undoing" }, etag);

  const inserted = await segments.lineNosOfAction(tenant, segmentNo, last.no);
  await segments.deleteLines(tenant, segmentNo, inserted, "Deleting the action's lines");
  const removed = await segments.removedBy(tenant, segmentNo, last.no);
  await segments.restoreLines(tenant, segmentNo, removed);
  await segments.actions.delete(tenant, key);
  await segments.updateStats(tenant, segmentNo, (s) => ({
    ...strip(s),
    noOfCriteriaActions: Math.max(0, s.noOfCriteriaActions - 1),
    noOfLines: Math.max(0, s.noOfLines - inserted.length + removed.length),
    linesVersion: (s.linesVersion ?? 0) + 1,
  }));
  return { undone: action, linesDeleted: inserted.length, linesRestored: removed.length };
};
