import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { useHost } from "../../host/host-context";
import { useT } from "../../i18n/use-t";
import { DocumentFields } from "./document-fields";
import { FieldList } from "./field-list";
import { TemplateLetter } from "./template-letter";
import { TemplateUpload } from "./template-upload";
import { useDocumentFields } from "./use-document-fields";
import { useMergeFields } from "./use-merge-fields";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  heading: { margin: 0 },
});

/**
 * Write the letter: the fields to insert, the fields the letter uses (with a warning for any no
 * contact provides), and the segment's template letter to start from. Outside Word, the letter
 * is an upload.
 */
export const LetterView = ({ segmentNo }: { segmentNo: string }) => {
  const t = useT();
  const styles = useStyles();
  const host = useHost();
  const headingId = useId();
  const fields = useMergeFields();
  const documentFields = useDocumentFields();

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t("letter.heading")}
      </Subtitle2>
      {host.capabilities.source === "upload" && <TemplateUpload />}
      <TemplateLetter segmentNo={segmentNo} />
      <FieldList fields={fields} onInserted={documentFields.refresh} />
      <DocumentFields
        state={documentFields.state}
        onRefresh={documentFields.refresh}
        known={fields.state.data}
      />
    </section>
  );
};
