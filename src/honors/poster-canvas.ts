import Taro from '@tarojs/taro';
import { POSTER_HEIGHT, POSTER_SCALE, POSTER_WIDTH, drawPoster, type PosterContent, type PosterContext } from './poster';

/**
 * Where a poster is drawn and how it leaves the app, per platform:
 * - weapp: the page's `<Canvas type="2d">`, images from `canvas.createImage()`, out as a
 *   temp file for `saveImageToPhotosAlbum`.
 * - H5: a canvas in memory (Taro's H5 canvas element resets its bitmap on every render,
 *   which would wipe a drawn poster), out as a PNG data URL shown as an image the
 *   resident long-presses or downloads.
 */
export const onWeapp = process.env.TARO_ENV === 'weapp';

export const POSTER_CANVAS_ID = 'lt-honor-poster-canvas';

interface DrawableImage {
  src: string;
  onload: ((...args: unknown[]) => unknown) | null;
  onerror: ((...args: unknown[]) => unknown) | null;
  crossOrigin?: string | null;
}

interface PosterCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): unknown;
  createImage?: () => DrawableImage;
  toDataURL?: (type: string) => string;
}

/** The finished poster: a temp file path (weapp) or a PNG data URL (H5). */
export interface DrawnPoster {
  src: string;
}

/** Why a poster could not be made, in words for the resident. */
export class PosterError extends Error {
  override readonly name = 'PosterError';
}

function loadImage(canvas: PosterCanvas, src: string): Promise<DrawableImage> {
  return new Promise((resolve, reject) => {
    const image: DrawableImage = canvas.createImage ? canvas.createImage() : (new Image() as unknown as DrawableImage);
    // The photo comes from the host: asking with CORS keeps the H5 canvas exportable.
    if (!canvas.createImage && !src.startsWith('data:')) image.crossOrigin = 'anonymous';
    image.onload = () => resolve(image);
    image.onerror = () => reject(new PosterError('图片没有加载出来'));
    image.src = src;
  });
}

/**
 * WeChat's canvas image takes a file path more reliably than a long data URL, so the code
 * goes through a file in the mini-program's own storage first.
 */
async function codeSource(dataUrl: string, entryId: string): Promise<string> {
  if (!onWeapp) return dataUrl;
  const base64 = dataUrl.replace(/^data:image\/\w+;base64,/, '');
  const filePath = `${Taro.env.USER_DATA_PATH}/honor-code-${entryId.replace(/[^\w-]/g, '_')}.png`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({ filePath, data: base64, encoding: 'base64', success: () => resolve(), fail: reject });
  });
  return filePath;
}

function queryCanvas(): Promise<PosterCanvas | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${POSTER_CANVAS_ID}`)
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: PosterCanvas } | null>) => resolve(res[0]?.node ?? null));
  });
}

/** The page's canvas. Right after React renders it the view layer may not have it yet. */
async function canvasOnPage(): Promise<PosterCanvas> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const node = await queryCanvas();
    if (node) return node;
    await new Promise((resolve) => setTimeout(resolve, 120));
  }
  throw new PosterError('画布还没有准备好，请再试一次');
}

function canvasInMemory(): PosterCanvas {
  return document.createElement('canvas') as unknown as PosterCanvas;
}

/**
 * Draws the poster and hands back the image to save. On weapp the page must already show
 * the `<Canvas type="2d" id={POSTER_CANVAS_ID}>`.
 */
export async function makePoster(input: { entryId: string; content: PosterContent; codeDataUrl: string; photoUrl: string | null }): Promise<DrawnPoster> {
  const canvas = onWeapp ? await canvasOnPage() : canvasInMemory();
  canvas.width = POSTER_WIDTH * POSTER_SCALE;
  canvas.height = POSTER_HEIGHT * POSTER_SCALE;
  const ctx = canvas.getContext('2d') as PosterContext | null;
  if (!ctx) throw new PosterError('这台手机画不了海报');

  const code = await loadImage(canvas, await codeSource(input.codeDataUrl, input.entryId)).catch(() => {
    throw new PosterError('小程序码没有加载出来');
  });
  // Without its photo the poster shows the name's first character instead: still a poster.
  const photo = input.photoUrl ? await loadImage(canvas, input.photoUrl).catch(() => null) : null;
  drawPoster(ctx, input.content, { code, photo });

  if (!onWeapp) {
    try {
      return { src: canvas.toDataURL!('image/png') };
    } catch {
      // A photo from another origin without CORS taints the canvas: draw without it.
      if (!photo) throw new PosterError('海报没有生成出来');
      drawPoster(ctx, input.content, { code, photo: null });
      return { src: canvas.toDataURL!('image/png') };
    }
  }
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas: canvas as unknown as Taro.Canvas,
    fileType: 'png',
    destWidth: canvas.width,
    destHeight: canvas.height,
  });
  return { src: tempFilePath };
}

export type SaveOutcome = 'saved' | 'cancelled' | 'privacy' | 'denied' | 'failed';

/**
 * Saves a drawn poster to the phone's album (weapp). WeChat asks the resident for album
 * access the first time; after a refusal it fails at once until access is given again in
 * the settings page, which the caller offers for 'denied'. 'privacy' means the consent
 * to the privacy guide was not given (the caller shows it again).
 */
export async function saveToAlbum(poster: DrawnPoster): Promise<SaveOutcome> {
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: poster.src });
    return 'saved';
  } catch (error) {
    const errMsg = (error as { errMsg?: string }).errMsg ?? '';
    if (/cancel/i.test(errMsg)) return 'cancelled';
    // Consent to the privacy guide is WeChat's gate; album access is a separate one.
    if (/privacy/i.test(errMsg)) return 'privacy';
    if (/auth|deny|denied/i.test(errMsg)) return 'denied';
    return 'failed';
  }
}

/** H5: the browser's own download of the poster image. */
export function downloadInBrowser(poster: DrawnPoster, fileName: string): void {
  const link = document.createElement('a');
  link.href = poster.src;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
}
