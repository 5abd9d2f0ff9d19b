import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../types/errors';
import { toAppError } from '../cloud/errors';
import { uploadPhoto, type PhotoFile, type UploadedPhoto } from '../cloud/upload';

/** The most photos one petition takes (the host refuses a tenth). */
export const MAX_PHOTOS = 9;

export interface PhotoItem {
  key: string;
  /** What an <Image> can show before the host has it: a temp path or an object URL. */
  preview: string;
  file: PhotoFile;
  status: 'uploading' | 'done' | 'failed';
  id: string | null;
  error: AppError | null;
}

export interface PhotoUploads {
  items: PhotoItem[];
  /** Photos chosen: each is sent at once, one after another. */
  add: (files: Array<{ file: PhotoFile; preview: string }>) => void;
  remove: (key: string) => void;
  retry: (key: string) => void;
  /** Ids of the photos the host has, in the order chosen. */
  ids: string[];
  uploading: boolean;
  failed: boolean;
  room: number;
}

let nextKey = 0;

/**
 * The photos of a form, sent as soon as they are chosen so that 提交 does not wait on
 * them. One at a time: on a weak mobile signal parallel uploads all crawl, and the
 * resident sees each photo finish in turn.
 *
 * @param send the upload (the real one by default; tests pass their own)
 */
export function usePhotoUploads(send: (file: PhotoFile) => Promise<UploadedPhoto> = uploadPhoto): PhotoUploads {
  const [items, setItems] = useState<PhotoItem[]>([]);
  // The list lives in a ref too, so that adding and retrying read the current list and
  // start their uploads outside React's state updaters (which may run twice).
  const current = useRef<PhotoItem[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const alive = useRef(true);
  const sendRef = useRef(send);
  sendRef.current = send;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const commit = useCallback((next: PhotoItem[]) => {
    current.current = next;
    if (alive.current) setItems(next);
  }, []);

  const enqueue = useCallback(
    (key: string, file: PhotoFile) => {
      const update = (change: Partial<PhotoItem>) => commit(current.current.map((i) => (i.key === key ? { ...i, ...change } : i)));
      queue.current = queue.current.then(async () => {
        // Removed while waiting its turn: nothing to send.
        if (!current.current.some((i) => i.key === key)) return;
        try {
          const uploaded = await sendRef.current(file);
          update({ status: 'done', id: uploaded.id, error: null });
        } catch (error) {
          update({ status: 'failed', error: toAppError(error) });
        }
      });
    },
    [commit],
  );

  const add = useCallback(
    (files: Array<{ file: PhotoFile; preview: string }>) => {
      const room = MAX_PHOTOS - current.current.length;
      const fresh = files.slice(0, Math.max(0, room)).map(
        (f): PhotoItem => ({ key: `photo-${++nextKey}`, preview: f.preview, file: f.file, status: 'uploading', id: null, error: null }),
      );
      commit([...current.current, ...fresh]);
      fresh.forEach((item) => enqueue(item.key, item.file));
    },
    [commit, enqueue],
  );

  const remove = useCallback(
    (key: string) => {
      const gone = current.current.find((i) => i.key === key);
      // An object URL holds the whole photo in memory until revoked.
      if (gone && 'blob' in gone.file && typeof URL !== 'undefined' && URL.revokeObjectURL) URL.revokeObjectURL(gone.preview);
      commit(current.current.filter((i) => i.key !== key));
    },
    [commit],
  );

  const retry = useCallback(
    (key: string) => {
      const item = current.current.find((i) => i.key === key);
      if (!item || item.status !== 'failed') return;
      commit(current.current.map((i) => (i.key === key ? { ...i, status: 'uploading', error: null } : i)));
      enqueue(key, item.file);
    },
    [commit, enqueue],
  );

  return {
    items,
    add,
    remove,
    retry,
    ids: items.filter((i) => i.status === 'done' && i.id).map((i) => i.id as string),
    uploading: items.some((i) => i.status === 'uploading'),
    failed: items.some((i) => i.status === 'failed'),
    room: MAX_PHOTOS - items.length,
  };
}
