import { decodeValue, encodeValue } from './protocol';

describe('decodeValue', () => {
  it('turns SDK Dates into Dates at any depth, in objects and arrays', () => {
    const decoded = decodeValue(JSON.parse('{"a":{"__type":"Date","iso":"2026-12-01T02:00:00.000Z"},"list":[{"at":{"__type":"Date","iso":"2026-01-01T00:00:00.000Z"}},3,null]}')) as {
      a: Date;
      list: [{ at: Date }, number, null];
    };
    expect(decoded.a).toBeInstanceOf(Date);
    expect(decoded.a.toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(decoded.list[0].at.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(decoded.list.slice(1)).toEqual([3, null]);
  });

  it('leaves an unparseable date as its text, for the input schema to refuse', () => {
    expect(decodeValue({ at: { __type: 'Date', iso: 'not a date' } })).toEqual({ at: 'not a date' });
  });

  it('keeps a "__proto__" key as a plain key and never changes a prototype', () => {
    const decoded = decodeValue(JSON.parse('{"__proto__":{"admin":true},"name":"王"}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect((decoded as { admin?: unknown }).admin).toBeUndefined();
    expect(Object.keys(decoded)).toEqual(['__proto__', 'name']);
    expect(Object.getOwnPropertyDescriptor(decoded, '__proto__')?.value).toEqual({ admin: true });
  });

  it('is the inverse of encodeValue for Dates', () => {
    const value = { when: new Date('2026-12-01T00:00:00Z'), items: [{ at: new Date('2026-11-30T00:00:00Z') }] };
    expect(decodeValue(JSON.parse(JSON.stringify(encodeValue(value))))).toEqual(value);
  });
});
