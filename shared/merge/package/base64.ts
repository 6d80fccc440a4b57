/** Base64 through atob/btoa, which the browser and Node 16+ both have (Buffer is Node-only). */

export const bytesToBase64 = (bytes: Uint8Array): string => {
  const pieces: string[] = [];
  for (let at = 0; at < bytes.length; at += 0x8000) {
    pieces.push(String.fromCharCode(...bytes.subarray(at, at + 0x8000)));
  }
  return btoa(pieces.join(""));
};

/** Throws on characters outside the alphabet; whitespace (Word breaks lines at 76) is ignored. */
export const base64ToBytes = (text: string): Uint8Array => {
  const binary = atob(text.replace(/\s+/g, ""));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};
