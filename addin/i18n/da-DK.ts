import type { Messages } from "./en-US";

/** Danish strings; typed against en-US, so a missing key is a compile error. */
export const daDK: Messages = {
  "app.title": "Mergeline",
  "app.document": "Dokument: {title}",
  "app.noDocument":
    "Kører ikke i Word: åbn ruden fra fanen Hjem i Word for at arbejde med et brev.",
  "contacts.heading": "Kontakter",
  "contacts.loading": "Henter kontakter…",
  "contacts.empty": "Ingen kontakter endnu.",
  "contacts.column.no": "Nr.",
  "contacts.column.name": "Navn",
  "contacts.column.city": "By",
  "contacts.column.email": "E-mail",
  "contacts.more": "Viser de første {count} kontakter.",
  "api.status": "API {status}, version {version}",
  "api.unreachable.title": "API'et kan ikke nås",
  "api.unreachable.body": "Kunne ikke nå {url}. Kører det lokale API (npm start)?",
  "api.error.title": "API'et svarede med en fejl",
  "api.contract.title": "API'ets svar passer ikke til denne version af ruden",
};
