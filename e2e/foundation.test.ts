import { careModeViolations, type E2E, phoneAs, screenshot, setCareMode, startE2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

describe('the H5 preview', () => {
  it('a resident signs in through the persona page and 我的 shows her profile from the host', async () => {
    const { page } = await phoneAs(e2e, 'resident');
    await page.getByText('王秀兰').first().waitFor();
    await page.getByText('朝阳社区').first().waitFor();
    await screenshot(page, 'me-resident');
  });

  it('in 长辈模式 at 375 wide, 我的 has no text under 18px, body text of 22px, and no tap target under 60×60', async () => {
    const { page } = await phoneAs(e2e, 'resident');
    await setCareMode(page, true);
    await page.getByText('王秀兰').first().waitFor();
    const result = await careModeViolations(page);
    await screenshot(page, 'me-resident-care');
    expect(result.smallText).toEqual([]);
    expect(result.smallTargets).toEqual([]);
    expect(result.bodySize).toBeGreaterThanOrEqual(22);
  });
});
