import { pooledRandomBytes } from './crypto';

describe('random bytes drawn from a pool', () => {
  it('hands out each byte once, fresh across refills, never the same run twice', () => {
    const seen = new Set<string>();
    // 3,000 draws of 8 bytes cross the 4 KB pool's refill several times.
    for (let i = 0; i < 3000; i++) {
      const bytes = pooledRandomBytes(8);
      expect(bytes).toHaveLength(8);
      seen.add(bytes.toString('hex'));
    }
    expect(seen.size).toBe(3000);
  });

  it('gives a copy: a drawn value stays what it was when the pool refills', () => {
    const a = pooledRandomBytes(16);
    const drawn = a.toString('hex');
    // More than the 4 KB pool: it refills under the value drawn before.
    for (let i = 0; i < 600; i++) pooledRandomBytes(8);
    expect(a.toString('hex')).toBe(drawn);
  });
});
