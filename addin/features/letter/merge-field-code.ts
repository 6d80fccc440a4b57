/**
 * The field code Word reads for a merge field by name: quoted, because most names hold spaces
 * ("Company Name"). Pasted between the braces of Ctrl+F9 (or into the Field dialog's field
 * codes) it is a MERGEFIELD without any data source; Word's Insert Merge Field button cannot
 * take a name, it lists only a connected data source's columns.
 */
export const mergeFieldCode = (name: string): string =>
  `MERGEFIELD "${name.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
