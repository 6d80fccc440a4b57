import type { Campaign } from "@shared/model/campaign";
import type { InteractionTemplate } from "@shared/model/interaction-template";
import type { Salesperson } from "@shared/model/salesperson";
import { ContactRepository } from "./contact-repository";
import type { Containers } from "./cosmos-client";
import { NumberSeries } from "./number-series";
import { SegmentRepository } from "./segment-repository";
import { SetupRepository, setupKinds } from "./setup-repository";

/** Every repository of the app over one set of containers. */
export interface Store {
  readonly containers: Containers;
  readonly contacts: ContactRepository;
  readonly segments: SegmentRepository;
  readonly salespeople: SetupRepository<Salesperson>;
  readonly campaigns: SetupRepository<Campaign>;
  readonly interactionTemplates: SetupRepository<InteractionTemplate>;
  readonly numberSeries: NumberSeries;
}

export const createStore = (containers: Containers): Store => ({
  containers,
  contacts: new ContactRepository(containers.contacts),
  segments: new SegmentRepository(containers.segments),
  salespeople: new SetupRepository<Salesperson>(containers.setup, setupKinds.salesperson),
  campaigns: new SetupRepository<Campaign>(containers.setup, setupKinds.campaign),
  interactionTemplates: new SetupRepository<InteractionTemplate>(
    containers.setup,
    setupKinds.interactionTemplate,
  ),
  numberSeries: new NumberSeries(containers.setup),
});
