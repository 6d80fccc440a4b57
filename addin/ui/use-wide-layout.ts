import { useEffect, useState } from "react";

/** From this width on the pane is a Teams tab or a browser window, not Word's task pane. */
export const WIDE_LAYOUT_QUERY = "(min-width: 900px)";

const matches = () => typeof matchMedia === "function" && matchMedia(WIDE_LAYOUT_QUERY).matches;

/** Whether the pane is wide enough for table columns a 350 px pane has no room for. */
export const useWideLayout = (): boolean => {
  const [wide, setWide] = useState(matches);
  useEffect(() => {
    if (typeof matchMedia !== "function") return;
    const query = matchMedia(WIDE_LAYOUT_QUERY);
    const onChange = () => setWide(query.matches);
    onChange();
    query.addEventListener?.("change", onChange);
    return () => query.removeEventListener?.("change", onChange);
  }, []);
  return wide;
};
