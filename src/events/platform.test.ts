
/**
 * platform.ts reads TARO_ENV once, when it loads: load it afresh as the weapp build would,
 * with WeChat's APIs standing in on that fresh copy of Taro.
 */
function loadOnWeapp(wechat: Record<string, jest.Mock>): typeof import('./platform') {
  const before = process.env.TARO_ENV;
  process.env.TARO_ENV = 'weapp';
  try {
    let mod: typeof import('./platform') | undefined;
    jest.isolateModules(() => {
      Object.assign(jest.requireActual<{ default: object }>('@tarojs/taro').default, wechat);
      mod = jest.requireActual<typeof import('./platform')>('./platform');
    });
    return mod!;
  } finally {
    process.env.TARO_ENV = before;
  }
}

describe('adding to the phone calendar', () => {
  it('passes the times in seconds with an alarm an hour ahead, and says whether it worked', async () => {
    const add = jest
      .fn()
      .mockResolvedValueOnce({ errMsg: 'addPhoneCalendar:ok' })
      .mockRejectedValueOnce({ errMsg: 'addPhoneCalendar:fail auth deny' });
    const { addToPhoneCalendar } = loadOnWeapp({ addPhoneCalendar: add });
    const event = {
      title: '爱心义诊进社区',
      startsAt: new Date('2026-03-22T00:30:00Z'),
      endsAt: new Date('2026-03-22T03:30:00Z'),
      venue: '党群服务中心',
      organizer: '朝阳社区党委',
    };
    await expect(addToPhoneCalendar(event)).resolves.toBe(true);
    expect(add).toHaveBeenCalledWith(
      expect.objectContaining({ title: '爱心义诊进社区', startTime: 1774139400, endTime: 1774150200, alarmOffset: 3600, location: '党群服务中心' }),
    );
    await expect(addToPhoneCalendar(event)).resolves.toBe(false);
  });
});
