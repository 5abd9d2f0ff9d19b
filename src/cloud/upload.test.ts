import crypto from 'node:crypto';
import type { AppError } from '../../types/errors';

/**
 * The photo upload against fakes of its boundaries: the SDK (for the session token), the
 * session module (for re-login), Taro.uploadFile on weapp and fetch in the H5 preview.
 */
function load(options: { token?: string | null; canReLogin?: boolean } = {}) {
  jest.resetModules();
  let token = options.token === undefined ? 'r:token-1' : options.token;
  const av = { User: { current: jest.fn(() => (token ? { getSessionToken: () => token } : null)) } };
  const session = {
    canReLogin: jest.fn(() => options.canReLogin ?? true),
    reLogin: jest.fn(async () => {
      token = 'r:token-2';
    }),
  };
  jest.doMock('./av', () => ({ getAV: () => av }));
  jest.doMock('./session', () => session);
  const Taro = require('@tarojs/taro') as { uploadFile: unknown };
  const uploadFile = jest.fn();
  Taro.uploadFile = uploadFile;
  const upload = require('./upload') as typeof import('./upload');
  return { ...upload, session, uploadFile };
}

const md5 = (s: string) => crypto.createHash('md5').update(s).digest('hex');
const ok = { result: { id: 'f1', mime: 'image/png', size: 68 } };
const reply = (status: number, body: unknown) => ({ status, text: async () => JSON.stringify(body) });

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected the upload to fail');
}

let fetchMock: jest.Mock;
beforeEach(() => {
  fetchMock = jest.fn();
  (globalThis as { fetch?: unknown }).fetch = fetchMock;
});

describe('signing', () => {
  it('signs like the SDK: app id, md5(timestamp + appKey) with the timestamp, and the session', () => {
    const { signedHeaders } = load();
    expect(signedHeaders('r:abc', 1_700_000_000_000)).toEqual({
      'X-LC-Id': 'linli-test-app',
      'X-LC-Sign': `${md5('1700000000000linli-test-key')},1700000000000`,
      'X-LC-Session': 'r:abc',
    });
  });
});

describe('in the H5 preview (a File from the file input)', () => {
  it('posts the bytes with their image type to the host and resolves to the photo id', async () => {
    const { uploadPhoto } = load();
    fetchMock.mockResolvedValue(reply(200, ok));
    const blob = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });
    await expect(uploadPhoto({ blob })).resolves.toEqual(ok.result);
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit & { headers: Record<string, string> }];
    expect(url).toBe('http://127.0.0.1:3999/api/uploads');
    expect(init.method).toBe('POST');
    expect(init.body).toBe(blob);
    expect(init.headers['Content-Type']).toBe('image/png');
    expect(init.headers['X-LC-Session']).toBe('r:token-1');
    expect(init.headers['X-LC-Sign']).toMatch(/^[0-9a-f]{32},\d+$/);
  });

  it('sends a file without a type as an image: the host reads the real format from the bytes', async () => {
    const { uploadPhoto } = load();
    fetchMock.mockResolvedValue(reply(200, ok));
    await uploadPhoto({ blob: new Blob([new Uint8Array([1])]) });
    expect((fetchMock.mock.calls[0] as [string, { headers: Record<string, string> }])[1].headers['Content-Type']).toBe('image/jpeg');
  });

  it('shows the host’s own reason when it refuses the photo', async () => {
    const { uploadPhoto } = load();
    fetchMock.mockResolvedValue(reply(400, { code: 4101, error: '只能上传 JPG、PNG 或 WebP 格式的照片' }));
    const error = await rejection(uploadPhoto({ blob: new Blob(['<svg/>'], { type: 'image/svg+xml' }) }));
    expect(error.kind).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(error.message).toBe('只能上传 JPG、PNG 或 WebP 格式的照片');
  });

  it('says plainly that the network is down when the request gets no answer', async () => {
    const { uploadPhoto } = load();
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'));
    const error = await rejection(uploadPhoto({ blob: new Blob(['x'], { type: 'image/png' }) }));
    expect(error.message).toBe('网络连接不上，请检查网络后再试');
  });

  it('signs in again after a 211 and sends the photo once more with the new session', async () => {
    const { uploadPhoto, session } = load();
    fetchMock.mockResolvedValueOnce(reply(401, { code: 211, error: '登录已失效，请重新登录' })).mockResolvedValueOnce(reply(200, ok));
    await expect(uploadPhoto({ blob: new Blob(['x'], { type: 'image/png' }) })).resolves.toEqual(ok.result);
    expect(session.reLogin).toHaveBeenCalledTimes(1);
    expect((fetchMock.mock.calls[1] as [string, { headers: Record<string, string> }])[1].headers['X-LC-Session']).toBe('r:token-2');
  });

  it('asks to sign in, without sending anything, when nobody is signed in and cannot be', async () => {
    const { uploadPhoto } = load({ token: null, canReLogin: false });
    const error = await rejection(uploadPhoto({ blob: new Blob(['x'], { type: 'image/png' }) }));
    expect(error.kind).toBe('SESSION_INVALID');
    expect(fetchMock).not.toHaveBeenCalled();
  });
});

describe('on weapp (a temp file path from chooseMedia)', () => {
  it('uses Taro.uploadFile with the photo in multipart field `file` and the signed headers', async () => {
    const { uploadPhoto, uploadFile } = load();
    uploadFile.mockResolvedValue({ statusCode: 200, data: JSON.stringify(ok), errMsg: 'uploadFile:ok' });
    await expect(uploadPhoto({ path: 'wxfile://tmp_1.jpg' })).resolves.toEqual(ok.result);
    const option = uploadFile.mock.calls[0][0] as { url: string; filePath: string; name: string; header: Record<string, string> };
    expect(option).toMatchObject({ url: 'http://127.0.0.1:3999/api/uploads', filePath: 'wxfile://tmp_1.jpg', name: 'file' });
    expect(option.header['X-LC-Session']).toBe('r:token-1');
    expect(option.header['X-LC-Id']).toBe('linli-test-app');
  });

  it('turns a too-large photo into the host’s size message', async () => {
    const { uploadPhoto, uploadFile } = load();
    uploadFile.mockResolvedValue({ statusCode: 413, data: JSON.stringify({ code: 4102, error: '照片不能超过 10MB' }), errMsg: 'uploadFile:ok' });
    const error = await rejection(uploadPhoto({ path: 'wxfile://big.jpg' }));
    expect(error.kind).toBe('FILE_TOO_LARGE');
    expect(error.message).toBe('照片不能超过 10MB');
  });
});

describe('a reply that is not the host’s JSON', () => {
  it('413 from a proxy still says the photo is too large', () => {
    const { readReply } = load();
    expect(() => readReply(413, '<html>Request Entity Too Large</html>')).toThrow('照片不能超过 10MB');
  });

  it('anything else asks the resident to try again', () => {
    const { readReply } = load();
    expect(() => readReply(502, 'Bad Gateway')).toThrow('照片没有上传成功，请再试一次');
  });
});
