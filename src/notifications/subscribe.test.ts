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

describe('in the H5 preview', () => {
  it('asks for nothing: there is no WeChat to ask', async () => {
    const ask = jest.fn();
    const subscribe = jest.requireActual<typeof import('./subscribe')>('./subscribe');
    subscribe.setTemplateIdsForTest(IDS);
    await subscribe.askAt('eventSignup');
    expect(ask).not.toHaveBeenCalled();
    expect(calls).toEqual([]);
  });
});
