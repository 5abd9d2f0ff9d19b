import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { apiAs, careModeViolations, type E2E, field, go, openMe, phoneAs, screenshotWhole, seen, setCareMode, signInAs, startE2E, tap } from './harness';

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

/** Waits for text on the page in view; pages below it in the stack keep theirs, hidden. */
const see = (page: Page | Locator, text: string | RegExp, options: { exact?: boolean } = {}) => seen(page, text, options).waitFor();

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
    // 我的 offers her own requests, and no staff tools.
    await see(resident, '反映的事办到哪一步');
    expect(await resident.getByText('诉求待办').count()).toBe(0);
    await go(resident, `${ROUTES.submit}?kind=request`);
    await see(resident, '身边的难事，说给社区听');

    // Sent half-filled, the form shows the host's messages next to their fields.
    await tap(resident, '道路设施');
    await field(resident, '例如：安置区北门外没有直通路').fill('堵了');
    await tap(resident, /^提交$/);
    await see(resident, '标题至少4个字');
    await see(resident, '请把情况写清楚，至少10个字');
    await see(resident, '请填写11位手机号');

    await field(resident, '例如：安置区北门外没有直通路').fill(TITLE);
    await field(resident, '至少10个字，把情况写清楚，代办员办起来更快').fill('北门外停了两辆大货车，三天没挪，老人推轮椅出不去。');
    await field(resident, '11位手机号').fill('13912345678');
    await resident.setInputFiles('input[type=file]', { name: 'gate.png', mimeType: 'image/png', buffer: await photo() });
    await see(resident, '已上传');
    await screenshotWhole(resident, 'petitions-submit');
    await tap(resident, /^提交$/);

    // On its progress page at once, with the agent on duty named (认准一个人).
    await resident.waitForFunction(() => window.location.hash.includes('petitions/detail'));
    await see(resident, TITLE);
    await see(resident, '陈静');
    await see(resident, '打电话给陈静');
    const shown = resident.locator('.lt-pt-photo__image img, img.lt-pt-photo__image').first();
    await shown.waitFor();
    expect(await shown.getAttribute('src')).toMatch(/\/api\/files\/[^?]+\?e=\d+&s=/);
    const detailUrl = resident.url();

    // The agent, on a phone of her own, finds it in the inbox, accepts it and notes progress.
    const { page: agent } = await e2e.phone();
    await signInAs(agent, 'agent');
    await openMe(agent);
    await see(agent, '诉求待办');
    await tap(agent, '诉求待办');
    await agent.getByText(TITLE).filter({ visible: true }).first().click();
    await see(agent, '王秀兰');
    await tap(agent, /^受理$/);
    await see(agent, '已受理，这件事由您负责办理。');
    await tap(agent, /^记录进展$/);
    await field(agent, '例如：已联系区城管局，正在办理开设路口的手续').fill(NOTE);
    await tap(agent, '保存进展');
    await see(agent, '进展已记录，居民能看到。');
    await screenshotWhole(agent, 'petitions-agent-detail');

    // The resident sees who took it and what was done, with who and when.
    await resident.goto(detailUrl);
    await see(resident, NOTE);
    await see(resident, '办理中');
    expect(await resident.getByText(/^陈静 · /).count()).toBeGreaterThanOrEqual(2);

    // The agent resolves it; the resident is asked whether it is solved, and rates it.
    await tap(agent, /^办结$/);
    await field(agent, '例如：北门外开设了路口，已经可以通行').fill(RESOLUTION);
    await tap(agent, '确认办结');
    await see(agent, '已办结，居民会收到“问题解决了吗？”。');

    await resident.goto(detailUrl);
    await see(resident, '问题解决了吗？');
    await see(resident, RESOLUTION);
    await screenshotWhole(resident, 'petitions-detail-resolved');
    await tap(resident, /^解决了$/);
    await resident.locator('[aria-label="5星 很满意"]').click();
    await see(resident, '5星 · 很满意');
    await field(resident, '例如：认准一个人，真省心').fill('一个电话就办好了，谢谢陈静');
    await tap(resident, '提交评价');
    await see(resident, '已结案');
    await see(resident, '您的评价');
    await see(resident, '一个电话就办好了，谢谢陈静', { exact: true });
    expect(await resident.getByText('问题解决了吗？').count()).toBe(0);

    // 我的诉求 lists it as closed with its agent.
    await go(resident, ROUTES.mine);
    await see(resident, TITLE);
    await see(resident, '代办员：陈静');
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
    await openMe(agent);
    await go(agent, ROUTES.inbox);
    await see(agent, '楼道堆满废纸箱');
    const overdueCard = agent.locator('.lt-pt-card').filter({ hasText: '独居老人家里断水两天' });
    await see(overdueCard, /超期未受理：应在.+前受理/);
    await see(agent, /有\d+件已超期，排在最前面/);
    // Every overdue card stands before every other one.
    const flags = await agent.locator('.lt-pt-card').evaluateAll((els) => els.map((el) => el.classList.contains('lt-pt-card--overdue')));
    expect(flags[0]).toBe(true);
    expect(flags).toEqual([...flags].sort((a, b) => Number(b) - Number(a)));
    expect(await agent.locator('.lt-pt-card').filter({ hasText: '楼道堆满废纸箱' }).getByText(/超期/).count()).toBe(0);
    await screenshotWhole(agent, 'petitions-inbox');
  });
});

describe('on behalf of a resident without a smartphone', () => {
  it('a grid worker files it from 我的 with the resident’s name and phone, and is told who has it', async () => {
    const { page: grid } = await e2e.phone();
    await signInAs(grid, 'grid');
    await openMe(grid);
    expect(await grid.getByText('诉求待办').count()).toBe(0);
    await tap(grid, '代居民登记诉求');
    await see(grid, '居民姓名');
    await field(grid, '例如：杨大爷').fill('杨大爷');
    await tap(grid, '养老助老');
    await field(grid, '例如：安置区北门外没有直通路').fill('老伴忘了银行卡密码');
    await field(grid, '至少10个字，把情况写清楚，代办员办起来更快').fill('腿脚不便，子女不在身边，去不了银行柜台。');
    await field(grid, '11位手机号').fill('13812341234');
    await tap(grid, /^登记$/);
    await see(grid, '已登记');
    await see(grid, /已交给代办员陈静/);
    await see(grid, '居民：杨大爷（138****1234）');
    await screenshotWhole(grid, 'petitions-file-on-behalf');

    // It reaches the agent's inbox like any other, under the resident's name.
    const agent = await apiAs(e2e, 'agent');
    const inbox = await agent.call<Array<{ title: string; submitterName: string }>>('petitions.inbox', {});
    expect(inbox.find((p) => p.title === '老伴忘了银行卡密码')?.submitterName).toBe('杨大爷');
  });
});

describe('in 长辈模式 at 375 wide', () => {
  it('the submit page, 我的诉求, the progress page and the agent’s pages have no text under 18px, body text of 22px, and no tap target under 60×60', async () => {
    const api = await apiAs(e2e, 'resident3');
    const p = await api.call<{ id: string }>('petitions.submit', {
      kind: 'request',
      category: '劳动保障/欠薪',
      title: '工地拖欠三个月工资',
      description: '在康乐社区附近工地干活，老板拖欠三个月工资一直不给。',
      contactPhone: '13800000033',
    });
    const { page } = await phoneAs(e2e, 'resident3');
    await setCareMode(page, true);

    await go(page, `${ROUTES.submit}?kind=petition`);
    await see(page, '只进一扇门、认准一个人、事项一次办');
    await see(page, '信访人身份证号');
    await expectCareMode(page, 'petitions-submit-care');

    await go(page, ROUTES.mine);
    await see(page, '工地拖欠三个月工资');
    await expectCareMode(page, 'petitions-mine-care');

    await go(page, `${ROUTES.detail}?id=${p.id}`);
    await see(page, '办理过程');
    await see(page, '周丽');
    await expectCareMode(page, 'petitions-detail-care');

    // The agent's side too: many agents are older residents themselves.
    const { page: staff } = await e2e.phone();
    await signInAs(staff, 'agent-kangle');
    await openMe(staff);
    await setCareMode(staff, true);
    await go(staff, ROUTES.inbox);
    await see(staff, '工地拖欠三个月工资');
    await expectCareMode(staff, 'petitions-inbox-care');
    await staff.getByText('工地拖欠三个月工资').filter({ visible: true }).first().click();
    await see(staff, '孙桂芳');
    // Before acceptance: 受理 at once, or 转办 / 不予受理 with their text fields.
    await see(staff, '受理后，这件事由您本人负责，居民会看到您的姓名和电话。');
    await tap(staff, /^转办$/);
    await see(staff, '转交给');
    await expectCareMode(staff, 'petitions-agent-detail-care');

    // Resolved: the question, the five big stars and the comment box, all in the page.
    const agent = await apiAs(e2e, 'agent-kangle');
    await agent.call('petitions.accept', { id: p.id });
    await agent.call('petitions.resolve', { id: p.id, resolution: '已联系劳动监察大队，老板已补发工资' });
    await page.reload();
    await see(page, '问题解决了吗？');
    await tap(page, /^解决了$/);
    await see(page, '请点星星打分');
    await expectCareMode(page, 'petitions-detail-resolved-care');
  });
});
