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

  it('gives a copy: changing it leaves the next draws alone', () => {
    const a = pooledRandomBytes(16);
    a.fill(0);
    expect(pooledRandomBytes(16).equals(Buffer.alloc(16))).toBe(false);
  });
});
