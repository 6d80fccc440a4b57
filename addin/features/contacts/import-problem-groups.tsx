import { contactFieldCatalog, type ContactFieldKey } from "@shared/fields/contact-field-catalog";
import type { ContactImportJob, ImportProblemGroup } from "@shared/model/contact-import-job";
import type { ProblemError } from "@shared/model/problem";
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useHost } from "../../host/host-context";
import { useFormat } from "../../i18n/use-format";
import { useT } from "../../i18n/use-t";
import type { Translate } from "../../i18n/translate";
import { problemEntryText } from "../../ui/problem-texts";
import { isDanish } from "../../i18n/is-danish";

const useStyles = makeStyles({
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  item: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  text: { overflowWrap: "anywhere" },
});

/** A contact field as the pane names it ("E-mail", "Postnr."); a custom or unknown key as it is. */
const useFieldName = () => {
  const { displayLanguage } = useHost();
  const danish = isDanish(displayLanguage);
  return (field: string): string => {
    const entry = Object.hasOwn(contactFieldCatalog, field)
      ? contactFieldCatalog[field as ContactFieldKey]
      : undefined;
    return entry ? entry.label[danish ? "da-DK" : "en-US"] : field;
  };
};

/** What the rule means for a row of the file, in the pane's language. */
const ruleText = (
  t: Translate,
  english: boolean,
  problem: Pick<ImportProblemGroup, "rule" | "status" | "message">,
): string => {
  if (problem.rule === "imported_before") return t("contactImport.rule.imported_before");
  if (problem.status === "duplicate") return t("contactImport.rule.duplicate");
  if (problem.rule === "too_many_cells") return t("contactImport.rule.too_many_cells");
  if (problem.rule === "store_failed") return t("contactImport.rule.store_failed");
  const entry: ProblemError = {
    in: "body",
    field: "",
    rule: problem.rule,
    message: problem.message,
  };
  return problemEntryText(t, entry, english);
};

/**
 * The rows the import left out, by kind: 2,000 rows with the same unknown code read as one
 * line with its count and the first rows; each row's own words are one click away.
 */
export const ImportProblemGroups = ({ job }: { job: ContactImportJob }) => {
  const t = useT();
  const format = useFormat();
  const styles = useStyles();
  const fieldName = useFieldName();
  const { displayLanguage } = useHost();
  const english = !isDanish(displayLanguage);
  if (job.problemGroups.length === 0) return null;
  const label = (field: string) => (field ? fieldName(field) : t("contactImport.field.row"));
  return (
    <>
      <ul className={styles.list} aria-label={t("contactImport.groups.label")}>
        {job.problemGroups.map((group) => (
          <li key={`${group.status}|${group.rule}|${group.field}`} className={styles.item}>
            <span className={styles.text}>
              <Text weight="semibold">
                {t("contactImport.groups.count", { count: format.number(group.count) })}
              </Text>{" "}
              {t("contactImport.groups.what", {
                field: label(group.field),
                rule: ruleText(t, english, group),
              })}
            </span>
            <Caption1>
              {t("contactImport.groups.rows", {
                rows: group.rows.map((r) => String(r)).join(", "),
              })}
              {group.count > group.rows.length &&
                ` ${t("contactImport.groups.more", { count: format.number(group.count - group.rows.length) })}`}
            </Caption1>
          </li>
        ))}
      </ul>
      <details>
        <summary>
          {t(
            job.problemsOmitted > 0
              ? "contactImport.details.showFirst"
              : "contactImport.details.show",
            {
              count: format.number(job.problems.length),
            },
          )}
        </summary>
        <ul className={styles.list}>
          {job.problems.map((problem) => (
            <li key={problem.row} className={styles.text}>
              {t("contactImport.details.row", { row: String(problem.row) })}{" "}
              {problem.errors
                .map((e) =>
                  t("contactImport.groups.what", {
                    field: label(e.field.split(".")[0] ?? ""),
                    rule:
                      problem.status === "duplicate"
                        ? t("contactImport.rule.duplicate")
                        : english
                          ? e.message
                          : problemEntryText(t, e, false),
                  }),
                )
                .join(" ")}
            </li>
          ))}
        </ul>
        {job.problemsOmitted > 0 && (
          <Caption1>
            {t("contactImport.details.omitted", { count: format.number(job.problemsOmitted) })}
          </Caption1>
        )}
      </details>
    </>
  );
};
