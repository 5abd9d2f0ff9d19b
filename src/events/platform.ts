import Taro from '@tarojs/taro';
import type { EventDetail } from '../../types/events-model';

/** WeChat's own features (subscribe messages, the phone calendar, the share card, the scanner). */
export const onWeapp = process.env.TARO_ENV === 'weapp';

/** WeChat takes at most three templates in one request. */
const MAX_TEMPLATES_PER_REQUEST = 3;

/**
 * Asks for the subscribe messages that tell the resident about their seat and remind them
 * before the event. WeChat shows its sheet only when this runs inside the tap itself, so
 * the caller calls it first, before any await. A refusal or a failure is not an error:
 * signing up goes ahead either way, the resident just gets no reminder.
 */
export function askForReminders(templateIds: readonly string[]): Promise<void> {
  if (!onWeapp || templateIds.length === 0) return Promise.resolve();
  // Taro's type requires Alipay's entityIds too; WeChat takes tmplIds alone.
  const option = { tmplIds: templateIds.slice(0, MAX_TEMPLATES_PER_REQUEST) } as Taro.requestSubscribeMessage.Option;
  return Taro.requestSubscribeMessage(option).then(
    () => undefined,
    () => undefined,
  );
}

/**
 * Puts the event in the phone's calendar with an alarm an hour before. A privacy-covered
 * API: the caller shows the consent first. Resolves to whether it was added.
 */
export async function addToPhoneCalendar(event: Pick<EventDetail, 'title' | 'startsAt' | 'endsAt' | 'venue' | 'organizer'>): Promise<boolean> {
  const seconds = (d: Date | string) => Math.floor(new Date(d).getTime() / 1000);
  try {
    await Taro.addPhoneCalendar({
      title: event.title,
      startTime: seconds(event.startsAt),
      // WeChat takes a number of seconds; Taro's type says string.
      endTime: seconds(event.endsAt) as unknown as string,
      location: event.venue,
      description: `${event.organizer}主办`,
      alarm: true,
      alarmOffset: 60 * 60,
    });
    return true;
  } catch {
    return false;
  }
}
