import { useMemo } from "react";
import { useApi } from "../../api/api-context";
import type { LoadOptions } from "../../ui/search-combobox";

const SUGGESTED = 20;

/**
 * The lists a membership row picks from, as Business Central's Reuse Segment lists them: the
 * tenant's segments by No. and description, and its logged segments by entry No. (newest
 * first), each with the segment it logged.
 */
export const useMembershipOptions = () => {
  const { client } = useApi();
  return useMemo(() => {
    const query = (search: string) => ({ top: SUGGESTED, ...(search ? { search } : {}) });
    const segments: LoadOptions = async (search, signal) =>
      (await client("listSegments", { query: query(search), signal })).items.map((s) => ({
        code: s.no,
        description: s.description,
      }));
    const logged: LoadOptions = async (search, signal) =>
      (await client("listLoggedSegments", { query: query(search), signal })).items.map((l) => ({
        code: String(l.entryNo),
        description: l.description ? `${l.segmentNo} ${l.description}` : l.segmentNo,
      }));
    return { segments, logged };
  }, [client]);
};
