/**
 * Content-Disposition for a download (RFC 6266): an ASCII fallback in `filename`, and the name
 * itself in UTF-8 as `filename*`, so "Brev til Søren.docx" survives. A name that percent-encoding
 * leaves as it is reads the same in both forms, and goes as `filename` alone.
 */
export const attachmentDisposition = (fileName: string): string => {
  const ascii = `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, "_")}"`;
  const encoded = encodeURIComponent(fileName);
  return encoded === fileName ? ascii : `${ascii}; filename*=UTF-8''${encoded}`;
};
