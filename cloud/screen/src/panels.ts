import type { ScreenContent, ScreenEvent, ScreenModule, ScreenNotice, ScreenRoom } from '../../../types/screens-model';

/** One page the screen shows for `rotateSeconds`: a module's content, cut to what fits. */
export type Panel =
  | { kind: 'notices'; items: ScreenNotice[] }
  | { kind: 'events'; today: ScreenEvent[]; week: ScreenEvent[] }
  | { kind: 'rooms'; items: ScreenRoom[] }
  | { kind: 'hall' }
  | { kind: 'honors'; entries: Array<{ name: string; category: string }> };

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The pages to rotate through, in the order the console chose. Large type fits only a few
 * lines: long lists become several pages; a module with nothing to show is skipped.
 */
export function panelsOf(content: ScreenContent): Panel[] {
  const portrait = content.orientation === 'portrait';
  const perPage = (landscape: number, tall: number) => (portrait ? tall : landscape);
  const panels: Panel[] = [];
  const add: Record<ScreenModule, () => void> = {
    notices: () => chunks(content.notices, perPage(2, 3)).forEach((items) => panels.push({ kind: 'notices', items })),
    events: () => {
      const { today, week } = content.events;
      if (!today.length && !week.length) return;
      const size = perPage(4, 7);
      const todayPages = chunks(today, size);
      const weekPages = chunks(week, size);
      for (let i = 0; i < Math.max(todayPages.length, weekPages.length, 1); i++) {
        panels.push({ kind: 'events', today: todayPages[i] ?? [], week: i < todayPages.length ? [] : (weekPages[i - todayPages.length] ?? []) });
      }
    },
    rooms: () => chunks(content.rooms, perPage(6, 10)).forEach((items) => panels.push({ kind: 'rooms', items })),
    hall: () => {
      if (content.hall) panels.push({ kind: 'hall' });
    },
    honors: () => {
      if (content.honors) chunks(content.honors.entries, perPage(12, 16)).forEach((entries) => panels.push({ kind: 'honors', entries }));
    },
  };
  for (const m of content.modules) add[m]();
  return panels;
}
