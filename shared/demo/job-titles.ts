import type { DemoCountry, JobResponsibility } from "./codes";

/**
 * Job titles in the language of the company, keyed by the job responsibility they imply, so
 * that a person's title and responsibilities tell the same story ("Indkøbschef" buys).
 * Every title fits the 30 characters of the Job Title field.
 */
type TitlesByResponsibility = Readonly<Record<JobResponsibility, readonly string[]>>;

const DANISH: TitlesByResponsibility = {
  MGMT: ["Administrerende direktør", "Adm. direktør", "Direktør", "Partner", "Ejer", "Driftschef"],
  PURCHASE: ["Indkøbschef", "Indkøber", "Indkøbsassistent", "Supply Chain Manager"],
  IT: ["IT-chef", "IT-ansvarlig", "Systemadministrator", "Udvikler", "IT-supporter"],
  SALES: ["Salgschef", "Sælger", "Key Account Manager", "Salgskonsulent", "Eksportchef"],
  MARKETING: ["Marketingchef", "Marketingkoordinator", "Kommunikationsansvarlig"],
  FINANCE: ["Økonomichef", "Bogholder", "Controller", "Økonomiassistent", "CFO"],
};

const ENGLISH: TitlesByResponsibility = {
  MGMT: ["Managing Director", "CEO", "Chief Operating Officer", "Owner", "General Manager"],
  PURCHASE: ["Purchasing Manager", "Buyer", "Procurement Specialist", "Head of Procurement"],
  IT: ["IT Manager", "Head of IT", "Systems Administrator", "Software Engineer"],
  SALES: ["Sales Manager", "Account Manager", "Sales Representative", "Head of Sales"],
  MARKETING: ["Marketing Manager", "Marketing Coordinator", "Communications Manager"],
  FINANCE: ["CFO", "Finance Manager", "Accountant", "Financial Controller"],
};

const SWEDISH: TitlesByResponsibility = {
  MGMT: ["VD", "Vice VD", "Ägare"],
  PURCHASE: ["Inköpschef", "Inköpare"],
  IT: ["IT-chef", "Systemadministratör", "Utvecklare"],
  SALES: ["Försäljningschef", "Säljare", "Key Account Manager"],
  MARKETING: ["Marknadschef", "Marknadskoordinator"],
  FINANCE: ["Ekonomichef", "Redovisningsekonom", "Controller"],
};

const NORWEGIAN: TitlesByResponsibility = {
  MGMT: ["Daglig leder", "Administrerende direktør", "Eier"],
  PURCHASE: ["Innkjøpssjef", "Innkjøper"],
  IT: ["IT-sjef", "Systemadministrator", "Utvikler"],
  SALES: ["Salgssjef", "Selger", "Key Account Manager"],
  MARKETING: ["Markedssjef", "Markedskoordinator"],
  FINANCE: ["Økonomisjef", "Regnskapsfører", "Controller"],
};

// Gender-neutral forms ("Leitung Einkauf"), as German companies now write them, so that a
// title never contradicts the salutation.
const GERMAN: TitlesByResponsibility = {
  MGMT: ["Geschäftsführung", "Vorstand", "Inhaber/in", "Prokurist/in"],
  PURCHASE: ["Leitung Einkauf", "Einkauf", "Strategischer Einkauf"],
  IT: ["Leitung IT", "Systemadministration", "Softwareentwicklung"],
  SALES: ["Leitung Vertrieb", "Vertriebsinnendienst", "Key Account Management"],
  MARKETING: ["Leitung Marketing", "Marketing", "Unternehmenskommunikation"],
  FINANCE: ["Leitung Finanzen", "Buchhaltung", "Controlling"],
};

const DUTCH: TitlesByResponsibility = {
  MGMT: ["Directeur", "Algemeen directeur", "Eigenaar"],
  PURCHASE: ["Inkoopmanager", "Inkoper"],
  IT: ["IT-manager", "Systeembeheerder", "Softwareontwikkelaar"],
  SALES: ["Salesmanager", "Accountmanager", "Verkoper"],
  MARKETING: ["Marketingmanager", "Marketingcoördinator"],
  FINANCE: ["Financieel directeur", "Boekhouder", "Controller"],
};

export const JOB_TITLES: Readonly<Record<DemoCountry, TitlesByResponsibility>> = {
  DK: DANISH,
  SE: SWEDISH,
  NO: NORWEGIAN,
  DE: GERMAN,
  GB: ENGLISH,
  NL: DUTCH,
  US: ENGLISH,
};
