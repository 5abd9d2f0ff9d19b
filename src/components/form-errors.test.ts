import { AppError } from '../../types/errors';
import { firstErrorField, formErrors } from './form-errors';

const FIELDS = { category: '类别', title: '一句话说明', description: '详细情况', photoIds: '照片', contactPhone: '联系电话' };

describe('a form’s messages, all at once', () => {
  it('puts every field’s message under it, photos by their list, and names them all in page order', () => {
    const error = new AppError('INVALID_INPUT', '填写的内容有误', [
      { path: 'contactPhone', message: '请填写11位手机号' },
      { path: 'title', message: '标题至少4个字' },
      { path: 'category', message: '请选择类别' },
      { path: 'photoIds.9', message: '最多上传9张照片' },
      { path: 'title', message: '第二条不显示' },
    ]);
    const r = formErrors(error, FIELDS);
    expect(r.fields).toEqual({ category: '请选择类别', title: '标题至少4个字', photoIds: '最多上传9张照片', contactPhone: '请填写11位手机号' });
    expect(r.summary).toBe('有4处需要修改：类别、一句话说明、照片、联系电话');
    expect(firstErrorField(r, FIELDS)).toBe('category');
  });

  it('adds what the form knows itself to what the host said, without doubling a field', () => {
    const error = new AppError('INVALID_INPUT', '填写的内容有误', [{ path: 'description', message: '请把情况写清楚，至少10个字' }]);
    const r = formErrors(error, FIELDS, { known: { title: '请写一句话说明', description: '本地的话', photoIds: null } });
    expect(r.fields).toEqual({ title: '请写一句话说明', description: '本地的话' });
    expect(r.summary).toBe('有2处需要修改：一句话说明、详细情况');
  });

  it('places a domain error, which names no field, by its kind', () => {
    const r = formErrors(new AppError('PETITION_PHONE_INVALID'), FIELDS, { fieldOfKind: { PETITION_PHONE_INVALID: 'contactPhone' } });
    expect(r).toEqual({ fields: { contactPhone: '手机号不正确，请填写11位手机号' }, summary: '有1处需要修改：联系电话' });
  });

  it('says in full what has no field on the form, rather than lose it', () => {
    expect(formErrors(new AppError('RATE_LIMITED'), FIELDS)).toEqual({ fields: {}, summary: '操作太频繁了，请稍等一会儿再试' });
    const hidden = new AppError('INVALID_INPUT', '填写的内容有误', [
      { path: 'location.latitude', message: '位置不正确' },
      { path: 'title', message: '标题至少4个字' },
    ]);
    expect(formErrors(hidden, FIELDS)).toEqual({ fields: { title: '标题至少4个字' }, summary: '位置不正确；有1处需要修改：一句话说明' });
  });
});
