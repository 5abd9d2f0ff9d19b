import { AppError } from '../../../../types/errors';
import { toAppError } from '../sdk/errors';
import { createCatalogRequest } from './catalog-request';
import { servedSchema } from './test-catalog';

/** catalogRequest with the served schemas and a host that answers from `reply`. */
function harness(reply: (name: string, input: Record<string, unknown>) => unknown) {
  const calls: Array<{ name: string; input: Record<string, unknown> }> = [];
  const catalogRequest = createCatalogRequest({
    run: async (name, input) => {
      calls.push({ name, input });
      return reply(name, input);
    },
    schemaOf: async (name) => servedSchema(name),
    toError: toAppError,
  });
  return { calls, catalogRequest };
}

describe('a table over a function that pages itself (events.adminList)', () => {
  it('sends the page, the page size and the filters it takes, trimmed, and shows its total', async () => {
    const items = [{ id: 'e1' }, { id: 'e2' }];
    const { calls, catalogRequest } = harness(() => ({ items, total: 37 }));
    const result = await catalogRequest('events.adminList')({ current: 2, pageSize: 10, state: 'draft', q: ' 义诊 ', keyword: '', category: undefined });
    expect(calls).toEqual([{ name: 'events.adminList', input: { state: 'draft', q: '义诊', page: 2, pageSize: 10 } }]);
    expect(result).toEqual({ data: items, total: 37, success: true });
  });

  it('asks for no more than the function allows in a page', async () => {
    const { calls, catalogRequest } = harness(() => ({ items: [], total: 0 }));
    await catalogRequest('events.adminList')({ current: 1, pageSize: 500 });
    expect(calls[0]!.input.pageSize).toBe(100);
  });

  it('takes a one-value column filter as the function input, and drops a value outside its enum', async () => {
    const { calls, catalogRequest } = harness(() => ({ items: [], total: 0 }));
    await catalogRequest('articles.adminList')({ current: 1, pageSize: 20 }, {}, { status: ['scheduled'], category: ['不存在的栏目'] });
    expect(calls[0]!.input).toEqual({ status: 'scheduled', page: 1, pageSize: 20 });
  });

  it('adds what the page fixes (a tab, a community) over the table values', async () => {
    const { calls, catalogRequest } = harness(() => ({ items: [], total: 0 }));
    await catalogRequest('events.adminList', { input: () => ({ state: 'published' }) })({ current: 1, pageSize: 20, state: 'draft' });
    expect(calls[0]!.input.state).toBe('published');
  });
});

describe('a table over a function that returns everything at once (petitions.inbox)', () => {
  const rows = [
    { id: 'a', category: '环境卫生', title: '楼道杂物', submittedAt: new Date('2026-03-01T00:00:00Z') },
    { id: 'b', category: '道路设施', title: '路灯不亮', submittedAt: new Date('2026-03-02T00:00:00Z') },
    { id: 'c', category: '环境卫生', title: '垃圾满溢', submittedAt: new Date('2026-03-03T00:00:00Z') },
    { id: 'd', category: '环境卫生', title: '楼道积水', submittedAt: new Date('2026-03-04T00:00:00Z') },
  ];

  it('passes only the inputs it takes, then filters, sorts and pages the rows itself', async () => {
    const { calls, catalogRequest } = harness(() => rows);
    const request = catalogRequest('petitions.inbox');
    const page1 = await request({ current: 1, pageSize: 2, status: 'all', category: ['环境卫生'] }, { submittedAt: 'descend' });
    expect(calls[0]!.input).toEqual({ status: 'all' });
    expect(page1).toEqual({ data: [rows[3], rows[2]], total: 3, success: true });
    const page2 = await request({ current: 2, pageSize: 2, status: 'all', category: ['环境卫生'] }, { submittedAt: 'descend' });
    expect(page2.data).toEqual([rows[0]]);
  });

  it('finds text typed into a search box anywhere in the field', async () => {
    const { catalogRequest } = harness(() => rows);
    const result = await catalogRequest('petitions.inbox')({ current: 1, pageSize: 20, title: '楼道' });
    expect(result.data.map((r) => (r as { id: string }).id)).toEqual(['a', 'd']);
  });

  it('reads rows out of an output that wraps them', async () => {
    const { catalogRequest } = harness(() => ({ registrants: rows, event: {} }));
    const result = await catalogRequest<{ registrants: typeof rows }, (typeof rows)[number]>('events.registrants', {
      input: () => ({ eventId: 'e1' }),
      rows: (o) => o.registrants,
    })({ current: 1, pageSize: 3 });
    expect(result.total).toBe(4);
    expect(result.data).toHaveLength(3);
  });
});

describe('a table over a function that pages by cursor (audit.list)', () => {
  it('keeps each page’s cursor, says there is a next page while there is one, and types the date range', async () => {
    const pages: Record<string, { items: Array<{ id: number }>; nextCursor: string | null }> = {
      first: { items: [{ id: 1 }, { id: 2 }], nextCursor: 'c2' },
      c2: { items: [{ id: 3 }, { id: 4 }], nextCursor: 'c3' },
      c3: { items: [{ id: 5 }], nextCursor: null },
    };
    const { calls, catalogRequest } = harness((_n, input) => pages[(input.cursor as string | undefined) ?? 'first']);
    const request = catalogRequest('audit.list');
    const params = { pageSize: 2, outcome: 'denied', from: '2026-03-01 00:00:00' };

    const one = await request({ ...params, current: 1 });
    expect(calls[0]!.input).toEqual({ outcome: 'denied', from: new Date('2026-03-01T00:00:00'), limit: 2 });
    expect(one).toEqual({ data: pages.first!.items, success: true, total: 3 });

    // Straight to page 3: walks through page 2 to learn its cursor.
    const three = await request({ ...params, current: 3 });
    expect(calls.slice(1).map((c) => c.input.cursor)).toEqual(['c2', 'c3']);
    expect(three).toEqual({ data: [{ id: 5 }], success: true, total: 5 });

    // Other filters start again from the first page.
    await request({ ...params, outcome: 'ok', current: 1 });
    expect(calls.at(-1)!.input.cursor).toBeUndefined();
  });
});

describe('when the host refuses', () => {
  it('reports the coded error in Chinese and gives the table an empty, failed result', async () => {
    const { catalogRequest } = harness(() => {
      throw Object.assign(new Error('Forbidden'), { code: 403 });
    });
    const errors: AppError[] = [];
    const result = await catalogRequest('audit.list', { onError: (e) => errors.push(e) })({ current: 1, pageSize: 20 });
    expect(result).toEqual({ data: [], success: false, total: 0 });
    expect(errors[0]).toBeInstanceOf(AppError);
    expect(errors[0]!.kind).toBe('ROLE_REQUIRED');
    expect(errors[0]!.message).toBe('您没有使用这项功能的权限');
  });
});
