import Taro from '@tarojs/taro';
import { AppError } from '../../types/errors';
import { getAV } from './av';
import { toAppError } from './errors';
import { canReLogin, reLogin } from './session';
import { cloudSettings } from './settings';

// The SDK signs with this same package (a dependency of leancloud-storage), so it costs
// nothing extra in the bundle; it ships no types of its own.
const md5 = require('md5') as (message: string) => string;

/** What the host keeps of an uploaded photo; `id` goes into `photoIds`. */
export interface UploadedPhoto {
  id: string;
  mime: string;
  size: number;
}

/**
 * A photo to send: a temp file path from chooseMedia (weapp), or the File the resident
 * picked in the H5 preview's file input.
 */
export type PhotoFile = { path: string } | { blob: Blob };

export const UPLOAD_PATH = '/api/uploads';

/**
 * The headers the SDK signs every request with: the app id, md5(timestamp + appKey) with
 * the timestamp, and the signed-in user's session. The upload is not an SDK call, so it
 * has to sign itself the same way.
 */
export function signedHeaders(sessionToken: string | null, now: number = Date.now()): Record<string, string> {
  const { appId, appKey } = cloudSettings();
  const headers: Record<string, string> = {
    'X-LC-Id': appId,
    'X-LC-Sign': `${md5(`${now}${appKey}`)},${now}`,
  };
  if (sessionToken) headers['X-LC-Session'] = sessionToken;
  return headers;
}

/**
 * Sends one photo to the host (`POST /api/uploads`) and resolves to its id, or rejects
 * with an `AppError` whose message can be shown next to the photo (wrong type, too
 * large, no network). Like `call`, a 211 signs in again silently and retries once.
 *
 * @example const { id } = await uploadPhoto({ path: res.tempFiles[0].tempFilePath });
 */
export async function uploadPhoto(file: PhotoFile): Promise<UploadedPhoto> {
  try {
    return await send(file);
  } catch (error) {
    const appError = toAppError(error);
    if (appError.kind !== 'SESSION_INVALID' || !canReLogin()) throw appError;
    try {
      await reLogin();
      return await send(file);
    } catch (retryError) {
      throw toAppError(retryError);
    }
  }
}

async function send(file: PhotoFile): Promise<UploadedPhoto> {
  const token = (await getAV()).User.current()?.getSessionToken() ?? null;
  if (!token) throw new AppError('SESSION_INVALID', '请先登录，再上传照片');
  const url = `${cloudSettings().serverURL}${UPLOAD_PATH}`;
  const headers = signedHeaders(token);

  if ('path' in file) {
    // Taro.uploadFile sends multipart with the photo in field `file`, the only way a
    // mini-program can send a file from its temp path.
    const response = await Taro.uploadFile({ url, filePath: file.path, name: 'file', header: headers });
    return readReply(response.statusCode, response.data);
  }
  // The host takes the raw bytes with an image/* type and reads the real format from the
  // bytes, so a File without a type still goes through as an image.
  const type = file.blob.type.startsWith('image/') ? file.blob.type : 'image/jpeg';
  const response = await fetch(url, { method: 'POST', headers: { ...headers, 'Content-Type': type }, body: file.blob });
  return readReply(response.status, await response.text());
}

interface Reply {
  result?: UploadedPhoto;
  code?: unknown;
  error?: unknown;
  fields?: unknown;
}

/** The host's reply: `{result}` on success, `{code, error, fields?}` with a 4xx/5xx otherwise. */
export function readReply(status: number, text: string): UploadedPhoto {
  let body: Reply | null;
  try {
    body = JSON.parse(text) as Reply | null;
  } catch {
    body = null;
  }
  if (status < 400 && body?.result && typeof body.result.id === 'string') return body.result;
  if (body && typeof body.code === 'number') {
    const message = typeof body.error === 'string' ? body.error : undefined;
    throw toAppError({ code: body.code, message, rawMessage: message, fields: body.fields });
  }
  // A proxy in front of the host may refuse a large body with a page of its own.
  if (status === 413) throw new AppError('FILE_TOO_LARGE');
  throw new AppError('INTERNAL', '照片没有上传成功，请再试一次');
}
