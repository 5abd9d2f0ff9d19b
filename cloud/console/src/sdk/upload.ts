import md5 from 'md5';
import { AppError } from '../../../../types/errors';
import { sessionToken } from './client';
import { toAppError } from './errors';
import { consoleSettings } from './settings';

export interface UploadedPhoto {
  id: string;
  mime: string;
  size: number;
}

/**
 * Sends a photo to `POST /api/uploads` as its raw bytes. It is not an SDK call, so it signs
 * itself the way the SDK signs every request: X-LC-Id, md5(timestamp + appKey) with the
 * timestamp, and the session. Resolves to the id a function takes as `photoId`.
 */
export async function uploadPhoto(file: Blob): Promise<UploadedPhoto> {
  const token = sessionToken();
  if (!token) throw new AppError('SESSION_INVALID');
  const { appId, appKey, serverURL } = consoleSettings();
  const now = Date.now();
  let response: Response;
  try {
    response = await fetch(`${serverURL}/api/uploads`, {
      method: 'POST',
      headers: {
        'X-LC-Id': appId,
        'X-LC-Sign': `${md5(`${now}${appKey}`)},${now}`,
        'X-LC-Session': token,
        // The host reads the real format from the bytes; the type only routes the body.
        'Content-Type': file.type.startsWith('image/') ? file.type : 'image/jpeg',
      },
      body: file,
    });
  } catch (error) {
    throw toAppError(error);
  }
  const body = (await response.json().catch(() => ({}))) as { result?: UploadedPhoto; code?: number; error?: string };
  if (!response.ok || !body.result) throw toAppError({ code: body.code ?? -1, rawMessage: body.error });
  return body.result;
}
