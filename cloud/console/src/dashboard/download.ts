/**
 * Saves a file the host built (an Excel report, as base64) through the browser's download:
 * the bytes never leave this page, and the name is the one the host chose.
 */
export function downloadBase64(fileName: string, mime: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked on the next turn: Chromium has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
