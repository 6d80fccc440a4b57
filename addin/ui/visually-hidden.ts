import { makeStyles } from "@fluentui/react-components";

/** Read by screen readers, not shown: labels a column of icon buttons, for one. */
export const useVisuallyHidden = makeStyles({
  root: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: "0",
    overflow: "hidden",
    clipPath: "inset(50%)",
    whiteSpace: "nowrap",
  },
});
