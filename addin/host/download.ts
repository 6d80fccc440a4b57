/**
 * Saves a file the way a page can: a link to a Blob URL with a download name, clicked. The URL
 * is revoked a minute later, long after the browser has started the download.
 */
export const downloadFile = async (file: Blob, fileName: string): Promise<void> => {
  const url = URL.createObjectURL(file);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
};
