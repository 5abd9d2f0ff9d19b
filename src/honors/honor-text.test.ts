import { AppError } from '../../types/errors';
import type { HonorListSummary } from '../../types/honors-model';
import { entryIdFromParams, entryPath, formErrors, groupListsByYear, initialOf, thanksHeading } from './honor-text';

const list = (over: Partial<HonorListSummary>): HonorListSummary => ({
  id: 'l',
  year: 2020,
  title: '榜',
  scopeId: 'shangjie',
  scopeName: '上街区',
  categories: [],
  entryCount: 0,
  published: true,
  ...over,
});

describe('the profile link', () => {
  it('carries the sharer for a share card, and leaves it out otherwise', () => {
    expect(entryPath('demo-honor-husband', 'u 1')).toBe('/packages/honors/entry/index?id=demo-honor-husband&sharer=u%201');
    expect(entryPath('demo-honor-husband', null)).toBe('/packages/honors/entry/index?id=demo-honor-husband');
  });

  it('reads the entry from `id`, or from the poster code’s `scene` as WeChat passes it (encoded)', () => {
    expect(entryIdFromParams({ id: 'demo-honor-husband' })).toBe('demo-honor-husband');
    expect(entryIdFromParams({ scene: encodeURIComponent('demo-honor-husband') })).toBe('demo-honor-husband');
    expect(entryIdFromParams({ scene: '%E0%A4%A' })).toBe('%E0%A4%A');
    expect(entryIdFromParams({})).toBe('');
  });
});

describe('lists by year', () => {
  it('puts the newest year first and the district’s list before the communities’', () => {
    const groups = groupListsByYear(
      [
        list({ id: 'kangle-2020', year: 2020, scopeId: 'kangle', scopeName: '康乐社区' }),
        list({ id: 'district-2020', year: 2020 }),
        list({ id: 'district-2021', year: 2021 }),
      ],
      'shangjie',
    );
    expect(groups.map((g) => [g.year, g.lists.map((l) => l.id)])).toEqual([
      [2021, ['district-2021']],
      [2020, ['district-2020', 'kangle-2020']],
    ]);
  });
});

describe('words on the cards', () => {
  it('shows the family name in a name avatar', () => {
    expect(initialOf(' 李卫东')).toBe('李');
    expect(initialOf('')).toBe('好');
  });

  it('says whom a thank-you is for and what they are', () => {
    expect(thanksHeading({ targetKind: 'staff', targetName: '周丽' })).toBe('致 周丽（社区工作人员）');
    expect(thanksHeading({ targetKind: 'unit', targetName: '民安社区居委会' })).toBe('致 民安社区居委会（单位）');
  });
});

describe('the host’s refusals on a form', () => {
  it('puts each field’s message under it and counts them in the summary', () => {
    const error = new AppError('INVALID_INPUT', undefined, [
      { path: 'reason', message: '请写写推荐理由，至少10个字' },
      { path: 'nomineeName', message: '请填写被推荐人的姓名' },
      { path: 'reason', message: '第二条不显示' },
    ]);
    expect(formErrors(error, ['nomineeName', 'reason'])).toEqual({
      fields: { nomineeName: '请填写被推荐人的姓名', reason: '请写写推荐理由，至少10个字' },
      summary: '有2处需要修改，请看上面标红的地方',
    });
  });

  it('places a domain error by its kind (an unknown staff member under the staff choice)', () => {
    const r = formErrors(new AppError('THANKS_TARGET_UNKNOWN'), ['targetUserId', 'text']);
    expect(r.fields).toEqual({ targetUserId: '找不到要感谢的工作人员' });
  });

  it('says what no field on the form shows, rather than lose it', () => {
    expect(formErrors(new AppError('RATE_LIMITED'), ['text']).summary).toBe('操作太频繁了，请稍等一会儿再试');
    const hidden = new AppError('INVALID_INPUT', undefined, [{ path: 'limit', message: '数量不对' }]);
    expect(formErrors(hidden, ['text'])).toEqual({ fields: {}, summary: '数量不对' });
  });
});
