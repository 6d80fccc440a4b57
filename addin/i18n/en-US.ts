/** The pane's English strings; they define the keys every other language must translate. */
export const enUS = {
  "app.title": "Mergeline",
  "app.document": "Document: {title}",
  "app.noDocument": "Not running in Word: open the pane from Word's Home tab to work on a letter.",
  "contacts.heading": "Contacts",
  "contacts.loading": "Loading contacts…",
  "contacts.empty": "No contacts yet.",
  "contacts.column.no": "No.",
  "contacts.column.name": "Name",
  "contacts.column.city": "City",
  "contacts.column.email": "E-mail",
  "contacts.more": "Showing the first {count} contacts.",
  "api.status": "API {status}, version {version}",
  "api.unreachable.title": "API unreachable",
  "api.unreachable.body": "Could not reach {url}. Is the local API running (npm start)?",
  "api.error.title": "The API answered with an error",
  "api.contract.title": "The API's answer does not match this version of the pane",
} as const;

export type MessageKey = keyof typeof enUS;
export type Messages = Record<MessageKey, string>;
