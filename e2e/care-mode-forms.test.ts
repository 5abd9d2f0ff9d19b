import type { Page } from 'playwright-core';
import { type E2E, go, phoneAs, screenshot, startE2E } from './harness';

// 长辈模式 on every input, text area and picker: the typed text of every field on every form
// page measures 22 px or more (the theme's care-mode body size), its box is a 60 px target,
// and every choice button's words are body-sized too.

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 120_000);
afterAll(() => e2e?.stop());

/** Tomorrow 15:00 in Shanghai, a free slot of 书画室 in the demo data. */
function tomorrowAt15(): string {
  const day = new Date(Date.now() + 8 * 3600_000 + 24 * 3600_000).toISOString().slice(0, 10);
  return new Date(`${day}T15:00:00+08:00`).toISOString();
}

interface Measured {
  field: string;
  typedPx: number;
  height: number;
}

/** Types into every visible text field and reads back the size of the typed text. */
async function measureFields(page: Page): Promise<{ fields: Measured[]; choices: Array<{ text: string; px: number }> }> {
  const boxes = page.locator('input:visible:not([type=file]), textarea:visible');
  const n = await boxes.count();
  const fields: Measured[] = [];
  for (let i = 0; i < n; i++) {
    const box = boxes.nth(i);
    const type = await box.getAttribute('type');
    await box.fill(type === 'number' || type === 'digit' || type === 'tel' ? '1' : '字');
    fields.push(
      await box.evaluate((el) => {
        const s = getComputedStyle(el);
        const frame = el.closest('.lt-field, .lt-bk-stepper__value') ?? el;
        return {
          field: el.getAttribute('aria-label') || el.getAttribute('placeholder') || el.tagName.toLowerCase(),
          typedPx: parseFloat(s.fontSize),
          height: frame.getBoundingClientRect().height,
        };
      }),
    );
  }
  const choices = await page.locator('.lt-form-choice:visible').evaluateAll((els) => els.map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 12), px: parseFloat(getComputedStyle(el).fontSize) })));
  return { fields, choices };
}

async function expectCareSized(page: Page, shot: string, atLeast: number) {
  const { fields, choices } = await measureFields(page);
  await screenshot(page, shot);
  expect(fields.length).toBeGreaterThanOrEqual(atLeast);
  expect(fields.filter((f) => f.typedPx < 22)).toEqual([]);
  expect(fields.filter((f) => f.height < 60)).toEqual([]);
  expect(choices.filter((c) => c.px < 22)).toEqual([]);
}

describe('in 长辈模式, every field of every form page', () => {
  it('我要反映 and 信访代办: title, details, phone and ID number', async () => {
    const { page } = await phoneAs(e2e, 'resident', { careMode: true });
    await go(page, '/packages/petitions/submit/index?kind=request');
    await page.getByLabel('详细情况').first().waitFor();
    await expectCareSized(page, 'care-form-petition-request', 3);
    await go(page, '/packages/petitions/submit/index?kind=petition');
    await page.getByLabel('信访人身份证号').first().waitFor();
    await expectCareSized(page, 'care-form-petition-formal', 4);
  });

  it('staff filing for a resident: name and the petition fields', async () => {
    const { page } = await phoneAs(e2e, 'agent', { careMode: true });
    await go(page, '/packages/staff/petitions-file/index');
    await page.getByLabel('居民姓名').first().waitFor();
    await expectCareSized(page, 'care-form-petition-on-behalf', 4);
  });

  it('推荐好人: the name, another category and 推荐理由', async () => {
    const { page } = await phoneAs(e2e, 'resident', { careMode: true });
    await go(page, '/packages/honors/nominate/index');
    await page.getByLabel('推荐理由').first().waitFor();
    await page.locator('.lt-form-choice').filter({ hasText: '其他' }).click();
    await expectCareSized(page, 'care-form-nominate', 3);
  });

  it('写感谢: the name of a volunteer and 感谢的话', async () => {
    const { page } = await phoneAs(e2e, 'resident', { careMode: true });
    await go(page, '/packages/honors/thanks-write/index');
    await page.getByLabel('感谢的话').first().waitFor();
    await page.locator('.lt-form-choice').filter({ hasText: '志愿者' }).first().click();
    await expectCareSized(page, 'care-form-thanks', 2);
  });

  it('the booking form: purpose and party size', async () => {
    const { page } = await phoneAs(e2e, 'resident', { careMode: true });
    await go(page, `/packages/bookings/book/index?id=cy-painting&community=chaoyang&start=${encodeURIComponent(tomorrowAt15())}`);
    await page.getByLabel('用途').first().waitFor();
    await expectCareSized(page, 'care-form-booking', 2);
  });

  it('注销账号 and the check-in code box', async () => {
    const { page } = await phoneAs(e2e, 'grid', { careMode: true });
    await go(page, '/packages/staff/events-checkin/index');
    await page.getByLabel('签到码').first().waitFor();
    await expectCareSized(page, 'care-form-checkin', 1);
    await go(page, '/packages/account/delete-account/index');
    // This page's own box: the check-in page's may still be on screen while it slides in.
    await page.getByPlaceholder('输入“注销”').first().waitFor();
    await expectCareSized(page, 'care-form-delete-account', 1);
  });
});
