import Taro from '@tarojs/taro';
import type { EventDetail } from '../../types/events-model';

/** WeChat's own features (the phone calendar, the share card, the scanner); subscribe messages: src/notifications/subscribe.ts. */
export const onWeapp = process.env.TARO_ENV === 'weapp';

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
