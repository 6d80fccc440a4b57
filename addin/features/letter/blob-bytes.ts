import { docxType } from "@shared/model/api/docx-type";

/** A Blob's bytes; FileReader where Blob.arrayBuffer is missing (older WebViews, jsdom). */
export const blobBytes = async (blob: Blob): Promise<Uint8Array> => {
  if (typeof blob.arrayBuffer === "function") return new Uint8Array(await blob.arrayBuffer());
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read"));
    reader.readAsArrayBuffer(blob);
  });
};

/** Bytes as a .docx Blob, for an upload or a download. */
export const docxBlob = (bytes: Uint8Array): Blob =>
  new Blob([bytes as BlobPart], { type: docxType });
