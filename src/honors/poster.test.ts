import { POSTER_HEIGHT, POSTER_LAYOUT, POSTER_SCALE, POSTER_WIDTH, drawPoster, wrapText, type PosterContext } from './poster';

/** Every character 10 wide: easy to reason about lines. */
const measure = (s: string) => Array.from(s).length * 10;

describe('wrapping a story onto the poster', () => {
  it('breaks Chinese text at any character to fill each line', () => {
    expect(wrapText('今年49岁的李卫东和妻子结婚二十多年', 80, measure, 5)).toEqual(['今年49岁的李卫', '东和妻子结婚二十', '多年']);
  });

  it('never starts a line with closing punctuation: the character before it comes down too', () => {
    expect(wrapText('他话不多却有担当，是好丈夫', 80, measure, 5)).toEqual(['他话不多却有担', '当，是好丈夫']);
  });

  it('ends the last allowed line with an ellipsis that fits', () => {
    const lines = wrapText('一二三四五六七八九十一二三四五六七八九十', 50, measure, 2);
    expect(lines).toEqual(['一二三四五', '六七八九…']);
    lines.forEach((l) => expect(measure(l)).toBeLessThanOrEqual(50));
  });

  it('returns nothing for no text', () => {
    expect(wrapText('  ', 50, measure, 2)).toEqual([]);
  });
});

/** A context that records what was drawn, measuring like the tests above. */
function recordingContext() {
  const texts: Array<{ text: string; x: number; y: number; font: string }> = [];
  const images: Array<{ image: unknown; x: number; y: number; w: number; h: number }> = [];
  const scales: number[][] = [];
  const ctx: PosterContext & { font: string } = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    font: '',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    save: () => undefined,
    restore: () => undefined,
    scale: (x, y) => void scales.push([x, y]),
    fillRect: () => undefined,
    fillText(text, x, y) {
      texts.push({ text, x, y, font: ctx.font });
    },
    measureText: (s) => ({ width: measure(s) * 2.7 }),
    beginPath: () => undefined,
    closePath: () => undefined,
    moveTo: () => undefined,
    lineTo: () => undefined,
    arc: () => undefined,
    arcTo: () => undefined,
    fill: () => undefined,
    stroke: () => undefined,
    clip: () => undefined,
    drawImage: (image: never, x, y, w, h) => void images.push({ image, x, y, w, h }),
  };
  return { ctx, texts, images, scales };
}

const content = {
  name: '李卫东',
  category: '好丈夫',
  communityName: '朝阳社区',
  listTitle: '2020年度乡村光荣榜',
  excerpt: '今年49岁的李卫东和妻子结婚二十多年。妻子是社区工作人员，疫情防控最吃紧的两个月里，两人只见过三次面。',
};

describe('drawing the poster', () => {
  it('draws the name, category, community, list, excerpt and the code, inside the poster', () => {
    const { ctx, texts, images, scales } = recordingContext();
    drawPoster(ctx, content, { code: 'CODE', photo: null });
    const drawn = texts.map((t) => t.text);
    expect(drawn).toEqual(expect.arrayContaining(['李', '李卫东', '好丈夫', '朝阳社区', '2020年度乡村光荣榜', '长按识别小程序码']));
    expect(drawn.join('')).toContain('今年49岁的李卫东');
    expect(scales).toEqual([[POSTER_SCALE, POSTER_SCALE]]);
    expect(images).toEqual([{ image: 'CODE', x: POSTER_LAYOUT.code.x, y: POSTER_LAYOUT.code.y, w: POSTER_LAYOUT.code.size, h: POSTER_LAYOUT.code.size }]);
    for (const t of texts) {
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.x).toBeLessThanOrEqual(POSTER_WIDTH);
      expect(t.y).toBeLessThan(POSTER_HEIGHT);
    }
  });

  it('keeps the excerpt above the code however long the story', () => {
    const { ctx, texts } = recordingContext();
    drawPoster(ctx, { ...content, excerpt: content.excerpt.repeat(5) }, { code: 'CODE', photo: null });
    const excerptLines = texts.filter((t) => t.font.startsWith('27px'));
    expect(excerptLines).toHaveLength(POSTER_LAYOUT.excerpt.maxLines);
    const last = excerptLines[excerptLines.length - 1]!;
    expect(last.text.endsWith('…')).toBe(true);
    expect(last.y + POSTER_LAYOUT.excerpt.lineHeight).toBeLessThan(POSTER_LAYOUT.code.y - 24);
  });

  it('draws the photo in the circle instead of the initial when there is one', () => {
    const { ctx, texts, images } = recordingContext();
    drawPoster(ctx, content, { code: 'CODE', photo: 'PHOTO' });
    expect(images.map((i) => i.image)).toEqual(['PHOTO', 'CODE']);
    expect(texts.map((t) => t.text)).not.toContain('李');
  });
});
