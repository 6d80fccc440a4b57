import type { Segment } from "@shared/model/segment";
import { OpenSegmentProvider } from "../../../../../addin/features/segments/open-segment";
import { SegmentHeaderForm } from "../../../../../addin/features/segments/segment-header-form";
import { aSegment, createFakeApi, ok, type FakeCall } from "../../fake-api";
import { renderPane } from "../../render-pane";

/**
 * The Details form of segment MG0001 (etag "3", with `fields`) in `language`, over a fake API
 * whose updateSegment answers with the patch applied (etag "4") and whose lookups are empty.
 */
export const renderHeaderForm = (language: string, fields: Partial<Segment>) => {
  const fake = createFakeApi({
    listLanguages: () => ok({ items: [] }),
    listSalespeople: () => ok({ items: [] }),
    listCampaigns: () => ok({ items: [] }),
    listInteractionTemplates: () => ok({ items: [] }),
    getSegment: () => ok(aSegment({ etag: '"3"', ...fields })),
    updateSegment: (call: FakeCall) => ok(aSegment({ etag: '"4"', ...(call.body as object) })),
  });
  renderPane(
    <OpenSegmentProvider no="MG0001">
      <SegmentHeaderForm />
    </OpenSegmentProvider>,
    { fetch: fake.fetch, language },
  );
  return fake;
};
