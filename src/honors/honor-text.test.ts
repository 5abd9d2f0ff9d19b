import { AppError } from '../../types/errors';
import type { HonorListSummary } from '../../types/honors-model';
import { formErrors } from '../components/form-errors';
import { HONOR_ERROR_FIELDS, entryIdFromParams, entryPath, groupListsByYear, initialOf, thanksHeading } from './honor-text';

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

describe('where the honors forms show a refusal that names no field', () => {
  it('an unknown staff member stands under the staff choice, an unknown category under the categories', () => {
    const fields = { targetUserId: '工作人员', category: '类别', text: '感谢的话' };
    expect(formErrors(new AppError('THANKS_TARGET_UNKNOWN'), fields, { fieldOfKind: HONOR_ERROR_FIELDS }).fields).toEqual({ targetUserId: '找不到要感谢的工作人员' });
    expect(Object.keys(formErrors(new AppError('HONOR_CATEGORY_UNKNOWN'), fields, { fieldOfKind: HONOR_ERROR_FIELDS }).fields)).toEqual(['category']);
  });
});
