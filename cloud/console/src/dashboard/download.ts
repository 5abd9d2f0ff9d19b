import { consoleSettings } from '../sdk/settings';

/**
 * Downloads a file the host keeps (an Excel report) through a signed link it gave: the
 * host answers with the file's name (Content-Disposition), so the browser saves it as such.
 */
export function downloadUrl(fileName: string, url: string): void {
  const a = document.createElement('a');
  a.href = new URL(url, consoleSettings().serverURL).toString();
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * Saves a file the host sent inline (as base64) through the browser's download, for the
 * exports that do not yet go through object storage (volunteer hours).
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
