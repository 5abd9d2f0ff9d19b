import dayjs from 'dayjs';
import { formValuesToInput, initialValuesOf, schemaToFields, schemaToSearchColumns, toFormValues, type FieldSpec } from './schema-fields';
import { servedSchema } from './test-catalog';

const byName = (fields: FieldSpec[]) => Object.fromEntries(fields.map((f) => [f.name, f]));

describe('the event form, from events.create', () => {
  const fields = byName(schemaToFields(servedSchema('events.create'), { omit: ['scopeId'], textarea: ['description'] }));

  it('has a field for each input the admin fills in, of the right kind, with Chinese labels', () => {
    expect(Object.keys(fields)).toEqual([
      'title', 'category', 'description', 'organizer', 'partners', 'venue', 'startsAt', 'endsAt',
      'requiresSignup', 'capacity', 'signupOpensAt', 'signupClosesAt', 'cancelCutoffMinutes',
    ]);
    expect(fields.title).toMatchObject({ kind: 'text', label: '标题', required: true, maxLength: 40 });
    expect(fields.description).toMatchObject({ kind: 'textarea', required: false });
    expect(fields.category!.kind).toBe('select');
    expect(fields.category!.options).toEqual(['义诊', '讲座', '文体活动', '志愿服务', '宣传', '党课'].map((v) => ({ value: v, label: v })));
    expect(fields.partners).toMatchObject({ kind: 'tags', label: '协办单位' });
    expect(fields.startsAt).toMatchObject({ kind: 'dateTime', required: true });
    expect(fields.signupOpensAt).toMatchObject({ kind: 'dateTime', required: false });
    expect(fields.requiresSignup).toMatchObject({ kind: 'switch', initialValue: true });
    expect(fields.capacity).toMatchObject({ kind: 'digit', min: 0, max: 100000, initialValue: 0 });
  });

  it('checks in the browser what the host would refuse, in words next to the field', () => {
    expect(fields.title!.rules).toEqual([
      { required: true, whitespace: true, message: '请填写标题' },
      { type: 'string', min: 2, message: '标题至少2个字' },
      { type: 'string', max: 40, message: '标题最多40个字' },
    ]);
    expect(fields.category!.rules[0]).toEqual({ required: true, message: '请选择类别' });
    expect(fields.capacity!.rules).toContainEqual({ type: 'number', min: 0, message: '名额（0为不限）不能小于0' });
    expect(fields.partners!.rules).toContainEqual({ type: 'array', max: 10, message: '协办单位最多10项' });
  });

  it('sends the pickers’ times as Dates and leaves out what was left empty', () => {
    const startsAt = dayjs('2026-04-01T09:00:00+08:00');
    const input = formValuesToInput(Object.values(fields), {
      title: '免费理发', startsAt, signupOpensAt: undefined, description: '  ', capacity: '30', scopeId: 'chaoyang',
    });
    expect(input).toEqual({ title: '免费理发', startsAt: startsAt.toDate(), capacity: 30, scopeId: 'chaoyang' });
  });

  it('shows an event being edited with its times in the pickers and the schema defaults under it', () => {
    const values = toFormValues(Object.values(fields), { title: '义诊', startsAt: new Date('2026-04-01T01:00:00Z') });
    expect(dayjs.isDayjs(values.startsAt)).toBe(true);
    expect((values.startsAt as dayjs.Dayjs).toISOString()).toBe('2026-04-01T01:00:00.000Z');
    expect(initialValuesOf(Object.values(fields), { capacity: 50 })).toMatchObject({ requiresSignup: true, capacity: 50, cancelCutoffMinutes: 120, partners: [] });
  });
});

describe('the article form, from articles.create', () => {
  const fields = byName(schemaToFields(servedSchema('articles.create'), { omit: ['bodyHtml'] }));

  it('clears a nullable field emptied with null, and leaves one never touched alone', () => {
    expect(fields.coverUrl).toMatchObject({ kind: 'text', nullable: true, required: false });
    expect(formValuesToInput(Object.values(fields), { coverUrl: '', pledgePrompt: undefined, summary: '' })).toEqual({ coverUrl: null });
    expect(fields.coverUrl!.rules).toContainEqual({ pattern: /^(https:\/\/|\/)/, message: '封面图地址的格式不正确' });
  });
});

describe('the room form, from bookings.saveResource', () => {
  const fields = byName(schemaToFields(servedSchema('bookings.saveResource'), { omit: ['centerId'] }));

  it('names the kinds in Chinese and leaves the weekly hours to a field of the page', () => {
    expect(fields.kind!.options).toEqual([
      { value: 'room', label: '功能室' },
      { value: 'hall', label: '便民服务大厅' },
    ]);
    expect(fields.hours).toMatchObject({ kind: 'other', required: true, rules: [] });
    expect(fields.documents!.kind).toBe('tags');
    expect(fields.requiresApproval).toMatchObject({ kind: 'switch', initialValue: false });
  });

  it('keeps a day a day (YYYY-MM-DD) for closing dates', () => {
    const close = byName(schemaToFields(servedSchema('bookings.availability')));
    expect(close.date!.kind).toBe('date');
    expect(formValuesToInput([close.date!], { date: dayjs('2026-05-01T10:00:00') })).toEqual({ date: '2026-05-01' });
  });
});

describe('the filters of a list page', () => {
  it('come from the list function: selects for enums, one range for from/to, nothing for paging', () => {
    const columns = schemaToSearchColumns(servedSchema('audit.list'));
    expect(columns.map((c) => [c.dataIndex, c.valueType])).toEqual([
      ['action', 'text'],
      ['outcome', 'select'],
      ['fromTo', 'dateTimeRange'],
    ]);
    expect(columns[1]!.valueEnum).toEqual({ ok: { text: '成功' }, denied: { text: '被拒绝' }, failed: { text: '失败' } });
    expect(columns[2]!.search!.transform(['2026-03-01 00:00:00', '2026-03-02 00:00:00'])).toEqual({ from: '2026-03-01 00:00:00', to: '2026-03-02 00:00:00' });
  });

  it('label an article’s status as the console shows it', () => {
    const status = schemaToSearchColumns(servedSchema('articles.adminList')).find((c) => c.dataIndex === 'status')!;
    expect(status.valueEnum).toEqual({ draft: { text: '草稿' }, scheduled: { text: '定时发布' }, published: { text: '已发布' }, unpublished: { text: '已下线' } });
  });
});
