import { AppError } from '../../types/errors';
import { formErrors } from '../components/form-errors';
import { PETITION_ERROR_FIELDS, deadlineText, isDiallable, mainPath } from './petition-text';

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

describe('where the petition form shows a refusal that names no field', () => {
  const shown = { title: '一句话说明', photoIds: '照片', contactPhone: '联系电话', idNumber: '身份证号', communityId: '社区' };
  it.each([
    ['PETITION_ID_REQUIRED', 'idNumber'],
    ['PETITION_ID_INVALID', 'idNumber'],
    ['PETITION_PHONE_INVALID', 'contactPhone'],
    ['FILE_UNUSABLE', 'photoIds'],
    ['COMMUNITY_NOT_FOUND', 'communityId'],
    ['OUT_OF_SCOPE', 'communityId'],
  ] as const)('%s stands under %s', (kind, field) => {
    const error = new AppError(kind);
    expect(formErrors(error, shown, { fieldOfKind: PETITION_ERROR_FIELDS }).fields).toEqual({ [field]: error.message });
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
