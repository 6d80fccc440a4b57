import type { CriteriaNode } from "@shared/criteria/criteria-tree";
import { explainAsTyped } from "@shared/criteria/explain-as-typed";
import type { ContactDocLike } from "@shared/criteria/contact-doc-like";
import type { CriteriaAction, CriteriaOptions } from "@shared/model/criteria-action";
import type { SavedCriteria, SavedCriteriaStep } from "@shared/model/saved-criteria";
import type {
  ActionOutcome,
  ApplyCriteriaRequest,
  Explanation,
  GoBackOutcome,
  RefreshOutcome,
} from "@shared/model/segment-criteria";
import type { z } from "zod";
import type {
  ReuseCriteriaRequest,
  ReuseOutcome,
  ReuseSegmentRequest,
} from "@shared/model/segment-criteria";
import type { AppDeps } from "../../app-deps";
import { stampNew } from "../../audit/stamp";
import { ConflictError, NotFoundError, ValidationError } from "../../errors/app-errors";
import type { Identity } from "../../auth/identity";
import type { SegmentHeader } from "../../store/segment-repository";
import type { TenantId } from "../../store/tenant";
import { withSegmentLock, type SegmentHold } from "../segment-lock";
import { assertOpen, today } from "../segment-service";
import { planAdd, type AddEntry } from "./add-plan";
import { goBackOnce, runAction, type ActionSpec, type Changes } from "./action-runner";
import { contactRowFields, type ContactRow } from "./contact-row";
import { checkCriteriaCodes } from "./criteria-codes";
import { checkCriteriaProfiles } from "./criteria-profiles";
import { normalizeOrReject, prepareCriteria } from "./criteria-prep";
import { resolveSets } from "./criteria-sets";
import { describeAction, describeTree } from "./describe-action";
import { planRemove } from "./remove-plan";
import { replaySteps, type ReplayStep } from "./replay";
import { assertNotLogged } from "../segment-history";

type ApplyKind = "addContacts" | "reduceContacts" | "refineContacts" | "reuseSegment";

const openHeader = async (
  deps: AppDeps,
  tenant: TenantId,
  segmentNo: string,
): Promise<SegmentHeader> => {
  const header = await deps.store.segments.headers.get(tenant, segmentNo);
  assertOpen(header);
  return header;
};

const noOfLines = async (deps: AppDeps, tenant: TenantId, segmentNo: string) =>
  (await deps.store.segments.stats.find(tenant, segmentNo))?.noOfLines ?? 0;

const onSegment = async (deps: AppDeps, tenant: TenantId, segmentNo: string) =>
  new Set((await deps.store.segments.lineRefs(tenant, segmentNo)).map((l) => l.contactNo));

type ApplyRequest = Pick<ApplyCriteriaRequest, "filter" | "options" | "dryRun"> & {
  description?: string | undefined;
};

/** What an action would do: its changes, or (a dry run of a plain Add) only their count. */
type Plan =
  | { readonly counted: ActionOutcome }
  | {
      readonly header: SegmentHeader;
      readonly spec: ActionSpec;
      readonly changes: Changes;
      readonly before: number;
    };

const planCriteria = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  kind: ApplyKind,
  request: ApplyRequest,
  source: CriteriaAction["source"] | undefined,
): Promise<Plan> => {
  const tenant = identity.tenantId;
  const header = await openHeader(deps, tenant, segmentNo);
  const evaluatedOn = today(deps.now());
  await checkCriteriaCodes(deps.store, tenant, request.filter);
  await checkCriteriaProfiles(deps.store, tenant, request.filter);
  const { normalized, compiled } = await prepareCriteria(
    deps.store,
    tenant,
    segmentNo,
    request.filter,
    evaluatedOn,
  );
  const before = await noOfLines(deps, tenant, segmentNo);
  const description = request.description ?? describeAction(kind, describeTree(normalized));
  const spec: ActionSpec = {
    kind,
    filter: request.filter,
    options: request.options,
    description,
    evaluatedOn,
    ...(source ? { source } : {}),
  };

  if (kind === "addContacts" || kind === "reuseSegment") {
    const existing = await onSegment(deps, tenant, segmentNo);
    const { options } = request;
    if (request.dryRun && !options.expandCompanies && !options.allowRelatedCompanies) {
      // The live count is one COUNT query in the store: nothing is fetched.
      const extra = {
        where: [
          ...(options.ignoreExclusion ? [] : ["NOT (c.excludeFromSegments = true)"]),
          ...(options.allowExistingContacts ? [] : ["NOT ARRAY_CONTAINS(@onSegment, c.no)"]),
        ],
        parameters: options.allowExistingContacts
          ? []
          : [{ name: "@onSegment", value: [...existing] }],
      };
      const count = await deps.store.contacts.countMatching(tenant, compiled, extra);
      return {
        counted: { dryRun: true, linesAdded: count, linesRemoved: 0, noOfLines: before + count },
      };
    }
    const matched = await deps.store.contacts.matching<ContactRow>(
      tenant,
      compiled,
      contactRowFields,
    );
    const add = await planAdd(deps.store, tenant, matched, options, existing);
    return { header, spec, changes: { add, removeLineNos: [] }, before };
  }

  const lines = await deps.store.segments.lineRefs(tenant, segmentNo);
  const among = [...new Set(lines.map((l) => l.contactNo))];
  const [lineContacts, matched] = await Promise.all([
    deps.store.contacts.byNos<Pick<ContactRow, "no" | "type" | "companyNo">>(tenant, among, [
      "no",
      "type",
      "companyNo",
    ]),
    deps.store.contacts.matching<{ no: string }>(tenant, compiled, ["no"], among),
  ]);
  const remove = planRemove(
    kind,
    lines,
    lineContacts,
    new Set(matched.map((m) => m.no)),
    request.options.entireCompanies,
  );
  return { header, spec, changes: { add: [], removeLineNos: remove }, before };
};

/** Plans and applies one action; the caller holds the segment. */
const applyHeld = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  kind: ApplyKind,
  request: ApplyRequest,
  source: CriteriaAction["source"] | undefined,
  hold: SegmentHold,
): Promise<ActionOutcome> => {
  const plan = await planCriteria(deps, identity, segmentNo, kind, request, source);
  if ("counted" in plan) return plan.counted;
  const { action } = await runAction(deps, identity, plan.header, plan.spec, plan.changes, hold);
  return {
    dryRun: false,
    linesAdded: action.linesAdded,
    linesRemoved: action.linesRemoved,
    noOfLines: await noOfLines(deps, identity.tenantId, segmentNo),
    action,
  };
};

/**
 * Add, Reduce or Refine Contacts (and Reuse Segment, an Add from a logged segment). A dry run
 * answers the live count from the store and changes nothing; a real one plans and applies while
 * holding the segment, so two at once never see the same lines and never add a contact twice.
 */
export const applyCriteria = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  kind: ApplyKind,
  request: ApplyRequest,
  source?: CriteriaAction["source"],
): Promise<ActionOutcome> => {
  if (request.dryRun) {
    const plan = await planCriteria(deps, identity, segmentNo, kind, request, source);
    if ("counted" in plan) return plan.counted;
    const added = plan.changes.add.length;
    const removed = plan.changes.removeLineNos.length;
    return {
      dryRun: true,
      linesAdded: added,
      linesRemoved: removed,
      noOfLines: plan.before + added - removed,
    };
  }
  return withSegmentLock(deps, identity, segmentNo, kind, (hold) =>
    applyHeld(deps, identity, segmentNo, kind, request, source, hold),
  );
};

/**
 * Adds one contact by hand, recorded as an action so that Go Back takes it off again; the
 * caller holds the segment.
 */
export const addManually = async (
  deps: AppDeps,
  identity: Identity,
  header: SegmentHeader,
  contact: ContactRow,
  lineFields: Readonly<Record<string, unknown>>,
  hold: SegmentHold,
): Promise<number> => {
  const entry: AddEntry = { contact, via: "manual" };
  const { firstLineNo } = await runAction(
    deps,
    identity,
    header,
    {
      kind: "manualAdd",
      options: noOptions,
      contactNos: [contact.no],
      description: describeAction("manualAdd", `${contact.no} ${contact.name}`),
      evaluatedOn: today(deps.now()),
    },
    { add: [entry], removeLineNos: [], lineFields },
    hold,
  );
  return firstLineNo;
};

/**
 * Removes one line by hand, recorded as an action so that Go Back puts it back with its edits;
 * the caller holds the segment.
 */
export const removeManually = async (
  deps: AppDeps,
  identity: Identity,
  header: SegmentHeader,
  line: { lineNo: number; contactNo: string; contactName: string },
  hold: SegmentHold,
): Promise<void> => {
  await runAction(
    deps,
    identity,
    header,
    {
      kind: "manualRemove",
      options: noOptions,
      contactNos: [line.contactNo],
      description: describeAction("manualRemove", `${line.contactNo} ${line.contactName}`),
      evaluatedOn: today(deps.now()),
    },
    { add: [], removeLineNos: [line.lineNo] },
    hold,
  );
};

const noOptions: CriteriaOptions = {
  allowExistingContacts: false,
  expandCompanies: false,
  allowRelatedCompanies: false,
  ignoreExclusion: false,
  entireCompanies: false,
};

export const goBack = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  actionNo: number | undefined,
): Promise<GoBackOutcome> =>
  withSegmentLock(deps, identity, segmentNo, "goBack", async () => {
    await openHeader(deps, identity.tenantId, segmentNo);
    const result = await goBackOnce(deps, identity, segmentNo, actionNo);
    return { ...result, noOfLines: await noOfLines(deps, identity.tenantId, segmentNo) };
  });

const savable = new Set(["addContacts", "reduceContacts", "refineContacts", "reuseSegment"]);

/** Business Central's Save Criteria: the segment's criteria actions (not the manual ones) under a code. */
export const saveCriteria = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  input: { code: string; description: string },
): Promise<SavedCriteria> => {
  const tenant = identity.tenantId;
  assertNotLogged(await deps.store.segments.headers.get(tenant, segmentNo));
  const actions = await deps.store.segments.listActions(tenant, segmentNo);
  const steps: SavedCriteriaStep[] = actions
    .filter((a) => savable.has(a.kind) && a.filter && a.status === "applied")
    .map((a) => ({
      kind: a.kind as SavedCriteriaStep["kind"],
      filter: a.filter as CriteriaNode,
      options: a.options,
      description: a.description,
    }));
  if (steps.length === 0) {
    throw new ConflictError(
      `Segment ${segmentNo} has no Add, Reduce or Refine Contacts actions to save.`,
    );
  }
  return deps.store.savedCriteria.store.create(tenant, input.code, {
    code: input.code,
    description: input.description,
    steps,
    ...stampNew(identity, deps.now()),
  });
};

/**
 * Business Central's Reuse Criteria: the saved steps run again on this segment, each as its own
 * action. A segment that already has criteria needs `confirm`, as Business Central asks first.
 */
export const reuseCriteria = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  input: z.infer<typeof ReuseCriteriaRequest>,
): Promise<z.infer<typeof ReuseOutcome>> => {
  const tenant = identity.tenantId;
  await openHeader(deps, tenant, segmentNo);
  const saved = await deps.store.savedCriteria.store.find(tenant, input.code);
  if (!saved) {
    throw new ValidationError(
      [
        {
          in: "body",
          field: "code",
          rule: "exists",
          message: `saved criteria ${input.code} do not exist`,
        },
      ],
      "The saved criteria do not exist.",
      422,
    );
  }
  const existing = await deps.store.segments.listActions(tenant, segmentNo);
  if (existing.length > 0 && !input.confirm) {
    throw new ConflictError(
      `Segment ${segmentNo} already has ${existing.length} criteria action(s). Send confirm: true to run the saved criteria after them.`,
    );
  }
  if (input.dryRun) {
    const start = await onSegment(deps, tenant, segmentNo);
    const replay = await replaySteps(
      deps.store,
      tenant,
      segmentNo,
      start,
      saved.steps,
      today(deps.now()),
    );
    let lines = start.size;
    const steps = replay.deltas.map((d) => {
      lines += d.added - d.removed;
      return { dryRun: true, linesAdded: d.added, linesRemoved: d.removed, noOfLines: lines };
    });
    return { dryRun: true, steps, noOfLines: lines };
  }
  // The steps run as one hold: nobody else's action lands between two of them.
  return withSegmentLock(deps, identity, segmentNo, "reuseCriteria", async (hold) => {
    const steps: ActionOutcome[] = [];
    for (const step of saved.steps) {
      steps.push(
        await applyHeld(
          deps,
          identity,
          segmentNo,
          step.kind,
          {
            filter: step.filter,
            options: step.options,
            dryRun: false,
            description: step.description || undefined,
          },
          { savedCriteriaCode: saved.code },
          hold,
        ),
      );
    }
    return {
      dryRun: false as const,
      steps,
      noOfLines: await noOfLines(deps, tenant, segmentNo),
    };
  });
};

/** Business Central's Reuse Segment: start from the contacts of a logged segment. */
export const reuseSegment = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  input: z.infer<typeof ReuseSegmentRequest>,
): Promise<ActionOutcome> => {
  await openHeader(deps, identity.tenantId, segmentNo);
  const found = await deps.store.interactions.contactNosMatching(identity.tenantId, {
    loggedSegmentEntryNo: input.loggedSegmentEntryNo,
  });
  if (found.size === 0) {
    throw new ValidationError(
      [
        {
          in: "body",
          field: "loggedSegmentEntryNo",
          rule: "exists",
          message: `logged segment ${input.loggedSegmentEntryNo} does not exist or has no contacts`,
        },
      ],
      "The logged segment does not exist.",
      422,
    );
  }
  return applyCriteria(
    deps,
    identity,
    segmentNo,
    "reuseSegment",
    {
      filter: { kind: "segment", in: true, loggedSegmentEntryNo: input.loggedSegmentEntryNo },
      options: input.options,
      dryRun: input.dryRun,
      description: describeAction("reuseSegment", `logged segment ${input.loggedSegmentEntryNo}`),
    },
    { loggedSegmentEntryNo: input.loggedSegmentEntryNo },
  );
};

/** Why is this contact on the segment: the action, how it came, and what it matched. */
export const explainLine = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  lineNo: number,
): Promise<Explanation> => {
  const tenant = identity.tenantId;
  const segments = deps.store.segments;
  const line = await segments.storedLine(tenant, segmentNo, lineNo);
  if (!line) throw new NotFoundError("Segment line", `${segmentNo} ${lineNo}`);
  const evaluatedOn = today(deps.now());
  const action =
    line.actionNo !== undefined
      ? await segments.actions.find(tenant, segments.lineKey(segmentNo, line.actionNo))
      : undefined;
  const base = {
    lineNo: line.lineNo,
    contactNo: line.contactNo,
    evaluatedOn,
    ...(action ? { action: stripEtag(action) } : {}),
  };
  if (!action) return { ...base, via: "beforeCriteria" };
  const via = (line.via ??
    (action.kind === "manualAdd" ? "manual" : "criteria")) as Explanation["via"];
  const viaContact = line.viaContactNo ? { viaContactNo: line.viaContactNo } : {};
  if (!action.filter || via === "manual") return { ...base, via, ...viaContact };
  // The contact the criteria were matched on: a person brought by its company was not matched itself.
  const subjectNo =
    via === "expandedCompany" || via === "relatedCompany"
      ? (line.viaContactNo ?? line.contactNo)
      : line.contactNo;
  const contact = await deps.store.contacts.findForCriteria(tenant, subjectNo);
  if (!contact) return { ...base, via, ...viaContact, stillMatches: false };
  // A stored tree that no longer fits the catalog is refused as before, naming the condition.
  normalizeOrReject(action.filter, action.evaluatedOn);
  const explainer = explainAsTyped(action.filter, action.evaluatedOn);
  const sets = await resolveSets(deps.store, tenant, explainer.normalized);
  const reasons = explainer.explain(contact as ContactDocLike, sets);
  return { ...base, via, ...viaContact, reasons, stillMatches: reasons.matched };
};

const stripEtag = <T extends { etag: string }>({ etag: _e, ...rest }: T) => rest;

/**
 * Refresh of a dynamic segment: replay every criteria action against today's contacts and
 * compare with the lines. Without `apply` nothing changes; with it the difference is applied
 * as one action, which Go Back can undo.
 */
export const refreshSegment = (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  apply: boolean,
): Promise<RefreshOutcome> =>
  apply
    ? withSegmentLock(deps, identity, segmentNo, "refresh", (hold) =>
        refreshHeld(deps, identity, segmentNo, hold),
      )
    : refreshHeld(deps, identity, segmentNo, undefined);

/** Compares the replayed criteria with the lines; with a hold, applies the difference. */
const refreshHeld = async (
  deps: AppDeps,
  identity: Identity,
  segmentNo: string,
  hold: SegmentHold | undefined,
): Promise<RefreshOutcome> => {
  const tenant = identity.tenantId;
  const header = await openHeader(deps, tenant, segmentNo);
  if (!header.dynamic) {
    throw new ConflictError(
      `Segment ${segmentNo} is not dynamic. Mark it dynamic to refresh it from its criteria.`,
    );
  }
  const evaluatedOn = today(deps.now());
  const actions = await deps.store.segments.listActions(tenant, segmentNo);
  const steps: ReplayStep[] = actions.map((a) => ({
    kind: a.kind,
    filter: a.filter,
    options: a.options,
    contactNos: a.contactNos,
  }));
  const replay = await replaySteps(deps.store, tenant, segmentNo, [], steps, evaluatedOn);
  const lines = await deps.store.segments.allLines<{
    lineNo: number;
    contactNo: string;
    contactName: string;
  }>(tenant, segmentNo, ["lineNo", "contactNo", "contactName"]);
  const current = new Set(lines.map((l) => l.contactNo));
  const toAdd = [...replay.members].filter((no) => !current.has(no)).sort();
  const toRemove = lines
    .filter((l) => !replay.members.has(l.contactNo))
    .sort((a, b) => a.lineNo - b.lineNo);
  const outcome = {
    toAdd: toAdd.map((no) => ({ contactNo: no, name: replay.rows.get(no)?.name ?? "" })),
    toRemove: toRemove.map((l) => ({
      lineNo: l.lineNo,
      contactNo: l.contactNo,
      name: l.contactName,
    })),
  };
  if (!hold || (toAdd.length === 0 && toRemove.length === 0)) {
    return { applied: false, ...outcome, noOfLines: lines.length };
  }
  const { action } = await runAction(
    deps,
    identity,
    header,
    {
      kind: "refresh",
      options: noOptions,
      description: describeAction("refresh", `${toAdd.length} added, ${toRemove.length} removed`),
      evaluatedOn,
    },
    {
      add: toAdd.map((no) => ({
        contact: replay.rows.get(no) as ContactRow,
        via: "refresh" as const,
      })),
      removeLineNos: toRemove.map((l) => l.lineNo),
    },
    hold,
  );
  return { applied: true, ...outcome, noOfLines: await noOfLines(deps, tenant, segmentNo), action };
};
