import { Combobox, Field, Option } from "@fluentui/react-components";
import type { SegmentLine } from "@shared/model/segment";
import { useEffect, useState } from "react";
import { useApi } from "../../api/api-context";
import { useDebounced } from "../../api/use-debounced";
import { useT } from "../../i18n/use-t";

const SUGGESTIONS = 20;

export interface ContactPickerProps {
  readonly segmentNo: string;
  readonly label: string;
  readonly disabled?: boolean;
  readonly onPick: (lineNo: number) => void;
}

/** Jump to a contact of the segment: type part of a name or No., pick from the matches. */
export const ContactPicker = ({ segmentNo, label, disabled, onPick }: ContactPickerProps) => {
  const t = useT();
  const { client } = useApi();
  const [query, setQuery] = useState("");
  const search = useDebounced(query.trim(), 250);
  const [lines, setLines] = useState<readonly SegmentLine[]>([]);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    client("listSegmentLines", {
      params: { no: segmentNo },
      query: { top: SUGGESTIONS, search: search || undefined },
      signal: abort.signal,
    }).then(
      (page) => {
        setLines(page.items);
        setFailed(false);
      },
      () => {
        if (!abort.signal.aborted) setFailed(true);
      },
    );
    return () => abort.abort();
  }, [client, segmentNo, search]);

  const text = (line: SegmentLine) => `${line.contactName} (${line.contactNo})`;

  return (
    <Field
      label={label}
      validationState={failed ? "error" : "none"}
      validationMessage={failed ? t("preview.jump.failed") : undefined}
    >
      <Combobox
        size="small"
        freeform
        disabled={disabled}
        value={query}
        placeholder={t("preview.jump.placeholder")}
        onChange={(event) => setQuery(event.target.value)}
        onOptionSelect={(_, data) => {
          if (!data.optionValue) return;
          setQuery(data.optionText ?? "");
          onPick(Number(data.optionValue));
        }}
      >
        {lines.length === 0 ? (
          <Option disabled value="" text="">
            {t("preview.jump.noMatch")}
          </Option>
        ) : (
          lines.map((line) => (
            <Option key={line.lineNo} value={String(line.lineNo)} text={text(line)}>
              {text(line)}
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
};
