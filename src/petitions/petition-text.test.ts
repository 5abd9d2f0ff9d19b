import { AppError } from '../../types/errors';
import { deadlineText, formErrors, isDiallable, mainPath } from './petition-text';

const at = (iso: string) => new Date(iso);
const base = { acceptDueAt: at('2026-10-10T02:00:00Z'), resolveDueAt: null };

describe('deadlineText', () => {
  it('says 超期 in words when acceptance is overdue', () => {
    expect(deadlineText({ ...base, status: 'submitted', overdue: 'accept' })).toEqual({ text: '超期未受理：应在10月10日 10:00前受理', overdue: true });
  });

  it('says 超期 in words when resolution is overdue', () => {
    const p = { ...base, status: 'in_progress' as const, overdue: 'resolve' as const, resolveDueAt: at('2026-10-24T01:30:00Z') };
    expect(deadlineText(p)).toEqual({ text: '超期未办结：应在10月24日 09:30前办结', overdue: true });
  });

  it('gives the coming deadline while in time, and none once resolved', () => {
    expect(deadlineText({ ...base, status: 'submitted', overdue: null })?.text).toBe('应在10月10日 10:00前受理');
    expect(deadlineText({ ...base, status: 'accepted', overdue: null, resolveDueAt: at('2026-10-24T01:30:00Z') })?.text).toBe('应在10月24日 09:30前办结');
    expect(deadlineText({ ...base, status: 'resolved', overdue: null })).toBeNull();
  });
});

describe('formErrors', () => {
  const shown = ['title', 'description', 'photoIds', 'contactPhone', 'idNumber'];

  it('puts each of the host’s field messages under its field, photos by their list', () => {
    const error = new AppError('INVALID_INPUT', '填写的内容有误：标题至少4个字', [
      { path: 'title', message: '标题至少4个字' },
      { path: 'description', message: '请把情况写清楚，至少10个字' },
      { path: 'photoIds.9', message: '最多上传9张照片' },
    ]);
    expect(formErrors(error, shown)).toEqual({
      fields: { title: '标题至少4个字', description: '请把情况写清楚，至少10个字', photoIds: '最多上传9张照片' },
      summary: '有3处需要修改，请看上面标红的地方',
    });
  });

  it('places the domain’s own refusals, which name no field, by their kind', () => {
    expect(formErrors(new AppError('PETITION_ID_INVALID'), shown).fields).toEqual({ idNumber: '身份证号不正确，请核对后重新填写' });
    expect(formErrors(new AppError('FILE_UNUSABLE'), shown).fields).toEqual({ photoIds: '照片已被使用或不属于您，请重新上传' });
  });

  it('says in full what has no field on screen', () => {
    const error = new AppError('INVALID_INPUT', '填写的内容有误', [{ path: 'location.latitude', message: '位置不正确' }]);
    expect(formErrors(error, shown)).toEqual({ fields: {}, summary: '位置不正确' });
    expect(formErrors(new AppError('RATE_LIMITED'), shown)).toEqual({ fields: {}, summary: '操作太频繁了，请稍等一会儿再试' });
  });
});

describe('mainPath', () => {
  it('walks the host’s transition table from 已提交 to 已结案', () => {
    expect(mainPath().map((s) => s.text)).toEqual(['已提交', '已受理', '办理中', '已办结', '已结案']);
  });
});

describe('isDiallable', () => {
  it('only a whole number can be dialled, not a masked one', () => {
    expect(isDiallable('13700000001')).toBe(true);
    expect(isDiallable('139****5678')).toBe(false);
    expect(isDiallable(null)).toBe(false);
  });
});
