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
