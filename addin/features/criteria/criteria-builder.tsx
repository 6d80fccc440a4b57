import type { ActionOutcome } from "@shared/model/segment-criteria";
import {
  Accordion,
  Button,
  Field,
  Input,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useMemo, useState } from "react";
import { useApi } from "../../api/api-context";
import { fieldMessage, problemErrors } from "../../api/problem-fields";
import { useApiQuery } from "../../api/use-api-query";
import { useT } from "../../i18n/use-t";
import { ApiProblemBar } from "../../ui/api-problem-bar";
import { ActionOptions } from "./action-options";
import { ACTION_KIND_LABEL } from "./action-labels";
import { AdvancedSection } from "./advanced-section";
import {
  buildRequest,
  emptyBuilder,
  listNames,
  routeErrors,
  type BuilderKind,
  type BuilderState,
  type Owner,
} from "./builder-model";
import type { EditPart } from "./builder-section";
import { CodeListSection } from "./code-list-section";
import { FieldConditionsSection } from "./field-conditions-section";
import { InteractionsSection } from "./interactions-section";
import { LiveCountStatus } from "./live-count-status";
import { MembershipSection } from "./membership-section";
import { ProfileSection } from "./profile-section";
import { useLiveCount } from "./use-live-count";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    maxWidth: "48rem",
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
  // The count and Apply stay in sight at the bottom of the pane while the sections scroll:
  // at 350 px they would otherwise sit some 900 px down, below every section and option.
  footer: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

type Editors = { readonly [K in keyof BuilderState]: EditPart<BuilderState[K]> };

export interface CriteriaBuilderProps {
  readonly kind: BuilderKind;
  readonly segmentNo: string;
  readonly onApplied: (outcome: ActionOutcome) => void;
  readonly onCancel: () => void;
}

/**
 * Add, Reduce or Refine Contacts, with the sections and options of Business Central's dialog,
 * the advanced tree, and the live count: a dry run of exactly what Apply would send.
 */
export const CriteriaBuilder = ({ kind, segmentNo, onApplied, onCancel }: CriteriaBuilderProps) => {
  const t = useT();
  const styles = useStyles();
  const { client } = useApi();
  const catalog = useApiQuery((signal) => client("listCriteriaFields", { signal }), [client]);
  const fields = useMemo(() => catalog.state.data?.items ?? [], [catalog.state.data]);
  const lookup = useMemo(() => {
    const byName = new Map(fields.map((f) => [f.name, f]));
    return (name: string) => byName.get(name);
  }, [fields]);

  const [state, setState] = useState<BuilderState>(emptyBuilder);
  const [applyError, setApplyError] = useState<{ error: unknown; owners: readonly Owner[] }>();
  const [busy, setBusy] = useState(false);
  const update = useCallback((change: (s: BuilderState) => BuilderState) => {
    setApplyError(undefined);
    setState(change);
  }, []);
  // One stable setter per part: a section renders again only when its own part changes.
  const edit = useMemo(() => {
    const part =
      <K extends keyof BuilderState>(key: K): EditPart<BuilderState[K]> =>
      (change) =>
        update((s) => ({ ...s, [key]: change(s[key]) }));
    const editors: Editors = {
      fields: part("fields"),
      profile: part("profile"),
      lists: part("lists"),
      interactions: part("interactions"),
      membership: part("membership"),
      advanced: part("advanced"),
      options: part("options"),
      description: part("description"),
    };
    return editors;
  }, [update]);

  const countRequest = useMemo(
    () => buildRequest(state, kind, lookup, { complete: true }),
    [state, kind, lookup],
  );
  const count = useLiveCount(segmentNo, kind, countRequest, catalog.state.status === "ok");

  const shownError = applyError?.error ?? (count.status === "error" ? count.error : undefined);
  const routed = useMemo(
    () =>
      shownError === undefined
        ? undefined
        : routeErrors(problemErrors(shownError), applyError?.owners ?? countRequest.owners),
    [shownError, applyError, countRequest.owners],
  );

  const apply = async () => {
    const request = buildRequest(state, kind, lookup, { complete: false });
    setBusy(true);
    setApplyError(undefined);
    try {
      const outcome = await client(kind, {
        params: { no: segmentNo },
        body: {
          filter: request.filter,
          options: request.options,
          ...(request.description ? { description: request.description } : {}),
        },
      });
      onApplied(outcome);
    } catch (error) {
      setApplyError({ error, owners: request.owners });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby="builder-heading">
      <Subtitle2 as="h3" id="builder-heading">
        {t(ACTION_KIND_LABEL[kind])}
      </Subtitle2>
      {catalog.state.status === "error" && (
        <ApiProblemBar error={catalog.state.error} onRetry={catalog.reload} />
      )}
      {catalog.state.status === "loading" && (
        <Spinner size="tiny" label={t("criteria.loadingFields")} />
      )}
      <Accordion multiple collapsible defaultOpenItems={["fields"]}>
        <FieldConditionsSection
          rows={state.fields}
          fields={fields}
          errors={routed}
          onChange={edit.fields}
        />
        <ProfileSection rows={state.profile} errors={routed} onChange={edit.profile} />
        {listNames.map((list) => (
          <CodeListSection
            key={list}
            list={list}
            section={state.lists[list]}
            errors={routed}
            onChange={edit.lists}
          />
        ))}
        <InteractionsSection
          section={state.interactions}
          errors={routed}
          onChange={edit.interactions}
        />
        <MembershipSection rows={state.membership} errors={routed} onChange={edit.membership} />
        <AdvancedSection
          group={state.advanced}
          fields={fields}
          errors={routed}
          onChange={edit.advanced}
        />
      </Accordion>

      <ActionOptions
        kind={kind}
        options={state.options}
        error={shownError}
        onChange={edit.options}
      />
      <Field
        size="small"
        label={t("criteria.description")}
        validationMessage={fieldMessage(shownError, "description")}
      >
        <Input value={state.description} onChange={(_, d) => edit.description(() => d.value)} />
      </Field>

      {shownError !== undefined && (
        <ApiProblemBar
          error={shownError}
          {...(applyError ? { onRepeat: () => void apply() } : {})}
          placed={[
            ...(applyError?.owners ?? countRequest.owners).map((o) => o.path),
            "options",
            "description",
          ]}
        />
      )}
      <div className={styles.footer} data-testid="builder-footer">
        <LiveCountStatus kind={kind} count={count} everyone={countRequest.everyone} />
        <div className={styles.actions}>
          <Button
            appearance="primary"
            disabled={busy || catalog.state.status !== "ok"}
            onClick={apply}
          >
            {busy ? t("criteria.applying") : t("criteria.apply")}
          </Button>
          <Button onClick={onCancel}>{t("common.cancel")}</Button>
        </div>
      </div>
    </section>
  );
};
