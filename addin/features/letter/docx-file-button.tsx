import { Button } from "@fluentui/react-components";
import { ArrowUpload20Regular } from "@fluentui/react-icons";
import { useRef, type ChangeEvent, type ReactNode } from "react";
import { docxType } from "@shared/model/api/docx-type";

/**
 * A button that asks for one .docx file. The file input itself stays hidden (it cannot be
 * styled like the pane's buttons); the button clicks it.
 */
export const DocxFileButton = ({
  className,
  disabled,
  onFile,
  children,
}: {
  readonly className?: string;
  readonly disabled?: boolean;
  readonly onFile: (file: File) => void;
  readonly children: ReactNode;
}) => {
  const input = useRef<HTMLInputElement>(null);
  const change = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Emptied, so choosing the same file again is a change too.
    event.target.value = "";
    if (file) onFile(file);
  };
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={`.docx,${docxType}`}
        hidden
        aria-hidden
        tabIndex={-1}
        onChange={change}
      />
      <Button
        className={className}
        icon={<ArrowUpload20Regular />}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {children}
      </Button>
    </>
  );
};
