import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { apiAs, careModeViolations, go, screenshot, setCareMode, signInAs, startE2E, tap, type E2E } from './harness';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

const ROUTES = {
  submit: '/packages/petitions/submit/index',
  mine: '/packages/petitions/mine/index',
  detail: '/packages/petitions/detail/index',
  inbox: '/packages/staff/petitions-inbox/index',
};

const TITLE = '安置区北门外被货车堵住';
const NOTE = '已联系区城管局，明天上午来拖车';
const RESOLUTION = '堵路的货车已拖走，北门恢复通行';

/** A small photo of the blocked gate, made here rather than shipped. */
const photo = () => sharp({ create: { width: 96, height: 64, channels: 3, background: '#5a8' } }).png().toBuffer();

/** The text box itself: Taro wraps it in an element that carries the placeholder too. */
const field = (page: Page, placeholder: string) => page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`).first();

/**
 * The whole page in one picture: Taro's H5 scrolls inside its page element, so a full-page
 * shot of the document shows one screen only. The phone grows to the page's height for it.
 */
async function screenshotWhole(page: Page, name: string) {
  const height = await page.evaluate(() =>
    Math.max(...Array.from(document.querySelectorAll('.lt-page, .taro_page, body'), (el) => el.scrollHeight)),
  );
  await page.setViewportSize({ width: 375, height: Math.min(Math.max(height, 812), 6000) });
  await screenshot(page, name);
  await page.setViewportSize({ width: 375, height: 812 });
}

async function expectCareMode(page: Page, name: string) {
  const result = await careModeViolations(page);
  await screenshotWhole(page, name);
  expect(result.smallText).toEqual([]);
  expect(result.smallTargets).toEqual([]);
  expect(result.bodySize).toBeGreaterThanOrEqual(22);
  // What the resident types is text too, though no text node holds it.
  const typed = await page.evaluate(() =>
    Array.from(document.querySelectorAll('input:not([type=file]), textarea'), (el) => parseFloat(getComputedStyle(el).fontSize)),
  );
  expect(typed.filter((size) => size < 22)).toEqual([]);
}

describe('a request from a resident to its end', () => {
  it('the resident reports with a photo, follows the agent by name through each step, and rates the result', async () => {
    const { page: resident } = await e2e.phone();
    await signInAs(resident, 'resident');
    await go(resident, `${ROUTES.submit}?kind=request`);
    await resident.getByText('身边的难事，说给社区听').waitFor();

    // Sent half-filled, the form shows the host's messages next to their fields.
    await tap(resident, '道路设施');
    await field(resident, '例如：安置区北门外没有直通路').fill('堵了');
    await tap(resident, /^提交$/);
    await resident.getByText('标题至少4个字').waitFor();
    await resident.getByText('请把情况写清楚，至少10个字').waitFor();
    await resident.getByText('请填写11位手机号').waitFor();

    await field(resident, '例如：安置区北门外没有直通路').fill(TITLE);
    await field(resident, '至少10个字，把情况写清楚，代办员办起来更快').fill('北门外停了两辆大货车，三天没挪，老人推轮椅出不去。');
    await field(resident, '11位手机号').fill('13912345678');
    await resident.setInputFiles('input[type=file]', { name: 'gate.png', mimeType: 'image/png', buffer: await photo() });
    await resident.getByText('已上传').waitFor();
    await screenshotWhole(resident, 'petitions-submit');
    await tap(resident, /^提交$/);

    // On its progress page at once, with the agent on duty named (认准一个人).
    await resident.waitForFunction(() => window.location.hash.includes('petitions/detail'));
    await resident.getByText(TITLE).waitFor();
    await resident.getByText('陈静').first().waitFor();
    await resident.getByText('打电话给陈静').waitFor();
    const shown = resident.locator('.lt-pt-photo__image img, img.lt-pt-photo__image').first();
    await shown.waitFor();
    expect(await shown.getAttribute('src')).toMatch(/\/api\/files\/[^?]+\?e=\d+&s=/);
    const detailUrl = resident.url();

    // The agent, on a phone of her own, finds it in the inbox, accepts it and notes progress.
    const { page: agent } = await e2e.phone();
    await signInAs(agent, 'agent');
    await agent.getByText('诉求待办').waitFor();
    await tap(agent, '诉求待办');
    await agent.getByText(TITLE).first().click();
    await agent.getByText('王秀兰').first().waitFor();
    await tap(agent, /^受理$/);
    await agent.getByText('已受理，这件事由您负责办理。').waitFor();
    await tap(agent, /^记录进展$/);
    await field(agent, '例如：已联系区城管局，正在办理开设路口的手续').fill(NOTE);
    await tap(agent, '保存进展');
    await agent.getByText('进展已记录，居民能看到。').waitFor();
    await screenshotWhole(agent, 'petitions-agent-detail');

    // The resident sees who took it and what was done, with who and when.
    await resident.goto(detailUrl);
    await resident.getByText(NOTE).waitFor();
    await resident.getByText('办理中').first().waitFor();
    expect(await resident.getByText(/^陈静 · /).count()).toBeGreaterThanOrEqual(2);

    // The agent resolves it; the resident is asked whether it is solved, and rates it.
    await tap(agent, /^办结$/);
    await field(agent, '例如：北门外开设了路口，已经可以通行').fill(RESOLUTION);
    await tap(agent, '确认办结');
    await agent.getByText('已办结，居民会收到“问题解决了吗？”。').waitFor();

    await resident.goto(detailUrl);
    await resident.getByText('问题解决了吗？').waitFor();
    await resident.getByText(RESOLUTION).first().waitFor();
    await screenshotWhole(resident, 'petitions-detail-resolved');
    await tap(resident, /^解决了$/);
    await resident.locator('[aria-label="5星 很满意"]').click();
    await resident.getByText('5星 · 很满意').waitFor();
    await field(resident, '例如：认准一个人，真省心').fill('一个电话就办好了，谢谢陈静');
    await tap(resident, '提交评价');
    await resident.getByText('已结案').first().waitFor();
    await resident.getByText('您的评价').waitFor();
    await resident.getByText('一个电话就办好了，谢谢陈静', { exact: true }).waitFor();
    expect(await resident.getByText('问题解决了吗？').count()).toBe(0);

    // 我的诉求 lists it as closed with its agent.
    await go(resident, ROUTES.mine);
    await resident.getByText(TITLE).waitFor();
    await resident.getByText('代办员：陈静').first().waitFor();
    await screenshotWhole(resident, 'petitions-mine');
  });

  it('the inbox puts overdue matters first and says 超期 in words', async () => {
    const api = await apiAs(e2e, 'resident2');
    // Filed a month ago: the host's clock (and the request's signed timestamp, which the
    // host checks against it) stand there for this one call, so its acceptance deadline
    // (one working day) has long passed by the real clock.
    const clock = e2e.linli.services.clock;
    const realNow = clock.now;
    const realDateNow = Date.now;
    const monthAgo = realDateNow() - 30 * 24 * 3600 * 1000;
    clock.now = () => new Date(monthAgo);
    Date.now = () => monthAgo;
    try {
      await api.call('petitions.submit', {
        kind: 'request',
        category: '养老助老',
        title: '独居老人家里断水两天',
        description: '楼上独居的李奶奶家水管坏了，两天没水用，她自己修不了。',
        contactPhone: '13800000022',
      });
    } finally {
      clock.now = realNow;
      Date.now = realDateNow;
    }
    await api.call('petitions.submit', {
      kind: 'request',
      category: '环境卫生',
      title: '楼道堆满废纸箱',
      description: '三单元楼道堆满了废纸箱，挡路还怕着火。',
      contactPhone: '13800000022',
    });

    const { page: agent } = await e2e.phone();
    await signInAs(agent, 'agent');
    await go(agent, ROUTES.inbox);
    await agent.getByText('楼道堆满废纸箱').waitFor();
    const overdueCard = agent.locator('.lt-pt-card').filter({ hasText: '独居老人家里断水两天' });
    await overdueCard.getByText(/超期未受理：应在.+前受理/).waitFor();
    await agent.getByText(/有\d+件已超期，排在最前面/).waitFor();
    // Every overdue card stands before every other one.
    const flags = await agent.locator('.lt-pt-card').evaluateAll((els) => els.map((el) => el.classList.contains('lt-pt-card--overdue')));
    expect(flags[0]).toBe(true);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    expect(await agent.locator('.lt-pt-card').filter({ hasText: '楼道堆满废纸箱' }).getByText(/超期/).count()).toBe(0);
    await screenshotWhole(agent, 'petitions-inbox');
  });
});

describe('in 长辈模式 at 375 wide', () => {
  it('the submit page, 我的诉求 and the progress page have no text under 18px, body text of 22px, and no tap target under 60×60', async () => {
    const api = await apiAs(e2e, 'resident3');
    const p = await api.call<{ id: string }>('petitions.submit', {
      kind: 'request',
      category: '劳动保障/欠薪',
      title: '工地拖欠三个月工资',
      description: '在康乐社区附近工地干活，老板拖欠三个月工资一直不给。',
      contactPhone: '13800000033',
    });
    const { page } = await e2e.phone();
    await signInAs(page, 'resident3');
    await setCareMode(page, true);

    await go(page, `${ROUTES.submit}?kind=petition`);
    await page.getByText('只进一扇门、认准一个人、事项一次办').waitFor();
    await page.getByText('信访人身份证号').waitFor();
    await expectCareMode(page, 'petitions-submit-care');

    await go(page, ROUTES.mine);
    await page.getByText('工地拖欠三个月工资').waitFor();
    await expectCareMode(page, 'petitions-mine-care');

    await go(page, `${ROUTES.detail}?id=${p.id}`);
    await page.getByText('办理过程').waitFor();
    await page.getByText('周丽').first().waitFor();
    await expectCareMode(page, 'petitions-detail-care');

    // Resolved: the question, the five big stars and the comment box, all in the page.
    const agent = await apiAs(e2e, 'agent-kangle');
    await agent.call('petitions.accept', { id: p.id });
    await agent.call('petitions.resolve', { id: p.id, resolution: '已联系劳动监察大队，老板已补发工资' });
    await page.reload();
    await page.getByText('问题解决了吗？').waitFor();
    await tap(page, /^解决了$/);
    await page.getByText('请点星星打分').waitFor();
    await expectCareMode(page, 'petitions-detail-resolved-care');
  });
});
