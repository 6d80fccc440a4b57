import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from "@fluentui/react-components";
import { normalizeFieldName } from "@shared/merge/fields/field-name";
import { formatMergeValue } from "@shared/merge/format/format-value";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import type { MergeData } from "../merge/merge-data";

const useStyles = makeStyles({
  scroller: { overflowX: "auto" },
  value: { wordBreak: "break-word" },
});

/**
 * A contact's values as the letter would show them (the letter's fields, or all of them): the
 * preview where there is no document to show them in.
 */
export const RecordValues = ({
  record,
  fields,
}: {
  record: MergeData;
  fields?: readonly string[];
}) => {
  const t = useT();
  const styles = useStyles();
  const { displayLanguage } = useHost();
  const names = fields && fields.length > 0 ? fields : Object.keys(record.values);
  const language = record.language ?? displayLanguage;
  const values = new Map(
    Object.entries(record.values).map(([name, value]) => [normalizeFieldName(name), value]),
  );
  return (
    <div className={styles.scroller}>
      <Table size="extra-small" aria-label={t("preview.values.label", { name: record.name })}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t("preview.values.field")}</TableHeaderCell>
            <TableHeaderCell>{t("preview.values.value")}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {names.map((name) => (
            <TableRow key={name}>
              <TableCell>{name}</TableCell>
              <TableCell className={styles.value}>
                {formatMergeValue(values.get(normalizeFieldName(name)), { language })}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
};
