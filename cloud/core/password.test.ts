import { hashPassword, leancloudDigest, leancloudPasswordHash, needsRehash, verifyPassword } from './password';

describe('a password hash exported from LeanCloud', () => {
  // The worked example in LeanCloud's 控制台使用指南 · 导出用户数据的加密算法.
  const salt = 'h60d8x797d3oa0naxybxxv9bn7xpt2yiowz68mpiwou7gwr2';
  const exported = 'tA7BLW+NK0UeARng0693gCaVnljkglCB9snqlpCSUKjx2RgYp8VZZOQt0S5iUtlDrkJXfT3gknS4rRqjYsd/Ug==';

  it('is computed the way LeanCloud documents it', () => {
    expect(leancloudDigest(salt, 'password')).toBe(exported);
  });

  it('accepts the right password and refuses any other', async () => {
    const stored = leancloudPasswordHash(salt, exported);
    await expect(verifyPassword('password', stored)).resolves.toBe(true);
    await expect(verifyPassword('Password', stored)).resolves.toBe(false);
    await expect(verifyPassword('password', leancloudPasswordHash('other-salt', exported))).resolves.toBe(false);
  });

  it('is marked for re-hashing, and scrypt hashes are not', async () => {
    expect(needsRehash(leancloudPasswordHash(salt, exported))).toBe(true);
    expect(needsRehash(await hashPassword('password'))).toBe(false);
  });
});
