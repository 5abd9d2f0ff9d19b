import { act, renderHook, waitFor } from '@testing-library/react';
import { AppError } from '../../types/errors';
import type { PhotoFile, UploadedPhoto } from '../cloud/upload';
import { MAX_PHOTOS, usePhotoUploads } from './photo-uploads';

/** An upload the test answers by hand, to see the form while a photo is on its way. */
function manualSend() {
  const pending: Array<{ file: PhotoFile; resolve: (p: UploadedPhoto) => void; reject: (e: unknown) => void }> = [];
  const send = jest.fn(
    (file: PhotoFile) => new Promise<UploadedPhoto>((resolve, reject) => pending.push({ file, resolve, reject })),
  );
  return { send, pending };
}

const photo = (n: number) => ({ file: { path: `tmp_${n}.jpg` }, preview: `tmp_${n}.jpg` });
const uploaded = (id: string): UploadedPhoto => ({ id, mime: 'image/jpeg', size: 100 });

describe('usePhotoUploads', () => {
  it('sends chosen photos one after another and gives their ids in the order chosen', async () => {
    const { send, pending } = manualSend();
    const { result } = renderHook(() => usePhotoUploads(send));
    act(() => result.current.add([photo(1), photo(2)]));
    expect(result.current.uploading).toBe(true);
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await act(async () => pending[0]!.resolve(uploaded('a')));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(result.current.ids).toEqual(['a']);
    await act(async () => pending[1]!.resolve(uploaded('b')));
    await waitFor(() => expect(result.current.ids).toEqual(['a', 'b']));
    expect(result.current.uploading).toBe(false);
  });

  it('keeps a failed photo with the host’s reason, and sends it again on retry', async () => {
    const { send, pending } = manualSend();
    const { result } = renderHook(() => usePhotoUploads(send));
    act(() => result.current.add([photo(1)]));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await act(async () => pending[0]!.reject(new AppError('FILE_TOO_LARGE')));
    await waitFor(() => expect(result.current.failed).toBe(true));
    expect(result.current.items[0]!.error?.message).toBe('照片不能超过 10MB');
    expect(result.current.ids).toEqual([]);
    act(() => result.current.retry(result.current.items[0]!.key));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    await act(async () => pending[1]!.resolve(uploaded('c')));
    await waitFor(() => expect(result.current.ids).toEqual(['c']));
    expect(result.current.failed).toBe(false);
  });

  it('takes no more than nine, and a photo removed before its turn is never sent', async () => {
    const { send, pending } = manualSend();
    const { result } = renderHook(() => usePhotoUploads(send));
    act(() => result.current.add(Array.from({ length: 12 }, (_, i) => photo(i))));
    expect(result.current.items).toHaveLength(MAX_PHOTOS);
    expect(result.current.room).toBe(0);
    const second = result.current.items[1]!.key;
    act(() => result.current.remove(second));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await act(async () => pending[0]!.resolve(uploaded('p0')));
    await waitFor(() => expect(send).toHaveBeenCalledTimes(2));
    expect(send.mock.calls.map(([f]) => (f as { path: string }).path)).toEqual(['tmp_0.jpg', 'tmp_2.jpg']);
  });
});
