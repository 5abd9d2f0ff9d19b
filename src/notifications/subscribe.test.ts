import type { TemplateIds } from '../../types/notifications-model';

const calls: Array<[string, unknown]> = [];
jest.mock('../cloud/client', () => ({
  call: jest.fn((name: string, input: unknown) => {
    calls.push([name, input]);
    return Promise.resolve(name === 'notifications.templateIds' ? IDS : []);
  }),
}));

const IDS: TemplateIds = {
  eventResult: 'id-er',
  eventReminder: 'id-em',
  eventChange: 'id-ec',
  bookingResult: 'id-br',
  bookingReminder: 'id-bm',
  progress: 'id-p',
  reviewResult: 'id-rr',
  elderAlert: 'id-ea',
};

/** subscribe.ts reads TARO_ENV when it loads: load it afresh as the weapp build would, with WeChat's API standing in. */
function loadOnWeapp(requestSubscribeMessage: jest.Mock): typeof import('./subscribe') {
  const before = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
  try {
    let mod: typeof import('./subscribe') | undefined;
    jest.isolateModules(() => {
      Object.assign(jest.requireActual<{ default: object }>('@tarojs/taro').default, { requestSubscribeMessage });
      mod = jest.requireActual<typeof import('./subscribe')>('./subscribe');
    });
    return mod!;
  } finally {
    process.env.TARO_ENV = before;
  }
}

beforeEach(() => {
  calls.length = 0;
});

describe('asking for subscribe messages on WeChat', () => {
  it('asks for at most three templates, and reports each choice to the host before the action goes on', async () => {
    const ask = jest.fn().mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', t1: 'accept', t2: 'reject', t3: 'acceptWithAudio' });
    const results = await loadOnWeapp(ask).askFor(['t1', 't2', 't3', 't4']);
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['t1', 't2', 't3'] });
    expect(results).toEqual({ t1: 'accept', t2: 'reject', t3: 'acceptWithAudio' });
    expect(calls).toEqual([['notifications.report', { results: { t1: 'accept', t2: 'reject', t3: 'acceptWithAudio' } }]]);
  });

  it('lets the action go on when the resident closes the sheet, reporting nothing', async () => {
    const refuse = jest.fn().mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail cancel' });
    await expect(loadOnWeapp(refuse).askFor(['t1'])).resolves.toEqual({});
    expect(calls).toEqual([]);
  });

  it('asks at each tap for the templates of the plan, with the preloaded ids', async () => {
    const ask = jest.fn().mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'id-br': 'accept', 'id-bm': 'accept' });
    const subscribe = loadOnWeapp(ask);
    subscribe.setTemplateIdsForTest(IDS);
    await subscribe.askAt('booking');
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['id-br', 'id-bm'] });
    await subscribe.askAt('eventSignup');
    expect(ask).toHaveBeenLastCalledWith({ tmplIds: ['id-er', 'id-em', 'id-ec'] });
  });

  it('asks for nothing before the ids are loaded (the sheet must open inside the tap, not after a request)', async () => {
    const ask = jest.fn();
    await loadOnWeapp(ask).askAt('petitionSubmit');
    expect(ask).not.toHaveBeenCalled();
  });
});

/** subscribe.ts as the H5 build loads it, with Taro's modal standing in for the resident's answer. */
function loadOnH5(showModal: jest.Mock): typeof import('./subscribe') {
  const before = process.env.TARO_ENV;
  process.env.TARO_ENV = 'h5';
  try {
    let mod: typeof import('./subscribe') | undefined;
    jest.isolateModules(() => {
      Object.assign(jest.requireActual<{ default: object }>('@tarojs/taro').default, { showModal });
      mod = jest.requireActual<typeof import('./subscribe')>('./subscribe');
    });
    return mod!;
  } finally {
    process.env.TARO_ENV = before;
  }
}

describe('in the H5 preview', () => {
  afterEach(() => localStorage.clear());

  it('asks for nothing while the stand-in sheet is off: there is no WeChat to ask', async () => {
    const showModal = jest.fn();
    const subscribe = loadOnH5(showModal);
    subscribe.setTemplateIdsForTest(IDS);
    await subscribe.askAt('eventSignup');
    expect(showModal).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });

  it('with the stand-in sheet on, asks for the same templates at the same tap, naming them, and reports 允许', async () => {
    const showModal = jest.fn().mockResolvedValue({ confirm: true, cancel: false });
    const subscribe = loadOnH5(showModal);
    subscribe.setTemplateIdsForTest(IDS);
    subscribe.setPreviewSheet(true);
    await expect(subscribe.askAt('booking')).resolves.toEqual({ 'id-br': 'accept', 'id-bm': 'accept' });
    expect(showModal.mock.calls[0][0]).toMatchObject({ content: expect.stringContaining('预约结果、预约提醒'), confirmText: '允许', cancelText: '拒绝' });
    expect(calls).toEqual([['notifications.report', { results: { 'id-br': 'accept', 'id-bm': 'accept' } }]]);
  });

  it('reports 拒绝 for every template asked, and switched off asks nothing again', async () => {
    const showModal = jest.fn().mockResolvedValue({ confirm: false, cancel: true });
    const subscribe = loadOnH5(showModal);
    subscribe.setTemplateIdsForTest(IDS);
    subscribe.setPreviewSheet(true);
    await subscribe.askAt('thanks');
    expect(calls).toEqual([['notifications.report', { results: { 'id-rr': 'reject' } }]]);
    subscribe.setPreviewSheet(false);
    await subscribe.askAt('thanks');
    expect(showModal).toHaveBeenCalledTimes(1);
  });
});
