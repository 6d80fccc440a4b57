import { ApplyTemplateJobRepository } from "./apply-template-job-repository";
import type { Campaign } from "@shared/model/campaign";
import type { ContactCode, ContactCodeTable } from "@shared/model/contact-code";
import type { InteractionTemplate } from "@shared/model/interaction-template";
import type { ProfileQuestionnaire } from "@shared/model/profile-questionnaire";
import type { Salesperson } from "@shared/model/salesperson";
import type { SavedCriteria } from "@shared/model/saved-criteria";
import { CampaignEntryRepository } from "./campaign-entry-repository";
import { ContactImportJobRepository } from "./contact-import-job-repository";
import { ContactRepository } from "./contact-repository";
import type { ContainerClient } from "@azure/storage-blob";
import type { Containers } from "./cosmos-client";
import { DocumentBlobs } from "./documents";
import { ImportedRowRepository } from "./imported-row-repository";
import { InteractionRepository } from "./interaction-repository";
import { MergeJobRepository } from "./merge-job-repository";
import { NumberSeries } from "./number-series";
import { SegmentLetterRepository } from "./segment-letter-repository";
import { SegmentRepository } from "./segment-repository";
import { SendJobRepository } from "./send-job-repository";
import { SendSessionRepository } from "./send-session-repository";
import { SetupRepository, setupKinds } from "./setup-repository";

/** Every repository of the app over one set of containers. */
export interface Store {
  /**
   * The containers themselves, for tests and benchmarks that check or plant stored documents
   * around the repositories; the app reaches its documents only through the repositories.
   */
  readonly containers: Containers;
  /** Resolves when the database answers; for the health check. */
  readonly ping: () => Promise<void>;
  readonly contacts: ContactRepository;
  readonly segments: SegmentRepository;
  /** A segment's working letter outside Word (versions, ETags), beside its blobs. */
  readonly segmentLetters: SegmentLetterRepository;
  readonly interactions: InteractionRepository;
  readonly campaignEntries: CampaignEntryRepository;
  readonly salespeople: SetupRepository<Salesperson>;
  readonly campaigns: SetupRepository<Campaign>;
  readonly interactionTemplates: SetupRepository<InteractionTemplate>;
  readonly savedCriteria: SetupRepository<SavedCriteria>;
  readonly mergeJobs: MergeJobRepository;
  readonly applyTemplateJobs: ApplyTemplateJobRepository;
  /** Contact imports followed as jobs: progress, counts, row problems, cancel. */
  readonly contactImportJobs: ContactImportJobRepository;
  /** Imported rows without No. or e-mail and the contact each became, so a re-import skips them. */
  readonly importedRows: ImportedRowRepository;
  /** The code tables contacts carry codes of, by the contact field that holds the codes. */
  readonly contactCodes: Readonly<Record<ContactCodeTable, SetupRepository<ContactCode>>>;
  readonly profileQuestionnaires: SetupRepository<ProfileQuestionnaire>;
  readonly numberSeries: NumberSeries;
  readonly documents: DocumentBlobs;
  readonly sendJobs: SendJobRepository;
  /** The token sessions of send jobs that send as the signed-in marketer. */
  readonly sendSessions: SendSessionRepository;
}

export const createStore = (containers: Containers, blobs?: ContainerClient): Store => ({
  containers,
  ping: async () => {
    await containers.setup.read();
  },
  contacts: new ContactRepository(containers.contacts),
  segments: new SegmentRepository(containers.segments),
  segmentLetters: new SegmentLetterRepository(containers.segments),
  interactions: new InteractionRepository(containers.interactions),
  campaignEntries: new CampaignEntryRepository(containers.interactions),
  salespeople: new SetupRepository<Salesperson>(containers.setup, setupKinds.salesperson),
  campaigns: new SetupRepository<Campaign>(containers.setup, setupKinds.campaign),
  interactionTemplates: new SetupRepository<InteractionTemplate>(
    containers.setup,
    setupKinds.interactionTemplate,
  ),
  savedCriteria: new SetupRepository<SavedCriteria>(containers.setup, setupKinds.savedCriteria),
  mergeJobs: new MergeJobRepository(containers.setup, setupKinds.mergeJob),
  applyTemplateJobs: new ApplyTemplateJobRepository(containers.setup),
  contactImportJobs: new ContactImportJobRepository(containers.setup),
  importedRows: new ImportedRowRepository(containers.contacts),
  contactCodes: {
    jobResponsibilities: new SetupRepository<ContactCode>(
      containers.setup,
      setupKinds.jobResponsibility,
    ),
    businessRelations: new SetupRepository<ContactCode>(
      containers.setup,
      setupKinds.businessRelation,
    ),
    industryGroups: new SetupRepository<ContactCode>(containers.setup, setupKinds.industryGroup),
    mailingGroups: new SetupRepository<ContactCode>(containers.setup, setupKinds.mailingGroup),
  },
  profileQuestionnaires: new SetupRepository<ProfileQuestionnaire>(
    containers.setup,
    setupKinds.profileQuestionnaire,
  ),
  numberSeries: new NumberSeries(containers.setup),
  documents: new DocumentBlobs(blobs),
  sendJobs: new SendJobRepository(containers.setup),
  sendSessions: new SendSessionRepository(containers.setup),
});
