import { useEffect, useMemo, useState } from 'react';
import { toAppError } from '../../../types/errors';
import type { ScreenContent, ScreenEvent } from '../../../types/screens-model';
import { inShanghai } from '../../../types/time';
import { fetchContent, loadStored, store, timings, type Stored } from './feed';
import { panelsOf, type Panel } from './panels';

const time = (d: Date) => inShanghai(d).format('HH:mm');
const dayTime = (d: Date) => inShanghai(d).format('M月D日 ddd HH:mm');

/**
 * The whole screen: it loads its content by key, turns the pages, refreshes itself, keeps
 * showing the last content when the network drops (and after a reload), and says so plainly.
 */
export function ScreenApp({ screenKey, search }: { screenKey: string; search: string }) {
  const { refreshMs, staleMs } = useMemo(() => timings(search), [search]);
  const [stored, setStored] = useState<Stored | null>(() => (screenKey ? loadStored(screenKey) : null));
  const [problem, setProblem] = useState<string | null>(screenKey ? null : '屏幕地址不完整：请在管理后台“大屏”中复制完整地址');
  const [now, setNow] = useState(() => Date.now());
  const [page, setPage] = useState(0);

  useEffect(() => {
    if (!screenKey) return undefined;
    let stopped = false;
    const refresh = async () => {
      try {
        const content = await fetchContent(screenKey);
        if (stopped) return;
        const receivedAt = Date.now();
        store(screenKey, content, receivedAt);
        setStored({ content, receivedAt });
        setProblem(null);
      } catch (error) {
        if (stopped) return;
        const e = toAppError(error);
        // A wrong or renewed key is final; anything else is the network, and the old content stays.
        setProblem(e.kind === 'SCREEN_NOT_FOUND' || e.kind === 'INVALID_INPUT' ? e.message : null);
      }
    };
    void refresh();
    const timer = setInterval(refresh, refreshMs);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [screenKey, refreshMs]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  const content = stored?.content ?? null;
  const panels = useMemo(() => (content ? panelsOf(content) : []), [content]);
  useEffect(() => {
    if (!content || panels.length < 2) return undefined;
    const timer = setInterval(() => setPage((p) => (p + 1) % panels.length), content.rotateSeconds * 1000);
    return () => clearInterval(timer);
  }, [content, panels.length]);

  const orientation = content?.orientation ?? (window.innerHeight > window.innerWidth ? 'portrait' : 'landscape');
  const stale = !!stored && now - stored.receivedAt > staleMs;
  const panel = panels.length ? panels[page % panels.length]! : null;

  return (
    <div className={`screen screen-${orientation}`} data-stale={stale ? 'yes' : 'no'}>
      <header className="screen-head">
        <div className="screen-title">
          <span className="screen-community">{content?.communityName ?? '邻里通'}</span>
          <span className="screen-name">{content ? `党群服务中心 · ${content.name}` : '社区大屏'}</span>
        </div>
        <div className="screen-clock">{dayTime(new Date(now))}</div>
      </header>
      <main className="screen-body">
        {problem && !content ? (
          <p className="screen-message">{problem}</p>
        ) : !content ? (
          <p className="screen-message">正在载入…</p>
        ) : panel ? (
          <PanelView panel={panel} content={content} />
        ) : (
          <p className="screen-message">暂时没有要显示的内容</p>
        )}
      </main>
      <footer className="screen-foot">
        <div className="screen-dots" aria-hidden="true">
          {panels.map((_, i) => (
            <span key={i} className={i === page % Math.max(panels.length, 1) ? 'dot dot-on' : 'dot'} />
          ))}
        </div>
        {problem && content ? (
          <div className="screen-status screen-offline" role="status">
            {problem}
          </div>
        ) : stale && stored ? (
          <div className="screen-status screen-offline" role="status">
            网络中断 · 显示的是 {time(new Date(stored.receivedAt))} 的内容
          </div>
        ) : stored ? (
          <div className="screen-status">更新于 {time(new Date(stored.receivedAt))}</div>
        ) : null}
      </footer>
    </div>
  );
}

function PanelView({ panel, content }: { panel: Panel; content: ScreenContent }) {
  switch (panel.kind) {
    case 'notices':
      return (
        <section className="panel">
          <h1 className="panel-title">通知与倡议</h1>
          {panel.items.map((n) => (
            <article key={n.id} className="notice">
              <h2 className="notice-title">
                <span className="tag">{n.category}</span>
                {n.title}
              </h2>
              {n.summary ? <p className="notice-summary">{n.summary}</p> : null}
              {n.pledge ? (
                <p className="notice-pledge">
                  {n.pledge.prompt} · 已有 <strong>{n.pledge.count}</strong> 人承诺
                </p>
              ) : null}
            </article>
          ))}
        </section>
      );
    case 'events':
      return (
        <section className="panel">
          {panel.today.length || !panel.week.length ? <h1 className="panel-title">今日活动</h1> : null}
          {panel.today.length ? <EventList events={panel.today} /> : !panel.week.length ? <p className="panel-empty">今天没有活动</p> : null}
          {panel.week.length ? (
            <>
              <h1 className="panel-title">本周活动</h1>
              <EventList events={panel.week} withDay />
            </>
          ) : null}
        </section>
      );
    case 'rooms':
      return (
        <section className="panel">
          <h1 className="panel-title">今日功能室</h1>
          <table className="rooms">
            <tbody>
              {panel.items.map((r) => (
                <tr key={r.name}>
                  <th>{r.name}</th>
                  <td>{r.uses.length ? r.uses.map((u) => <span key={u.startsAt.toISOString()} className="chip">{`${time(u.startsAt)}—${time(u.endsAt)} 已预约`}</span>) : <span className="free">全天可预约</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      );
    case 'hall': {
      const hall = content.hall!;
      return (
        <section className="panel">
          <h1 className="panel-title">便民服务大厅</h1>
          <p className="hall-hours">
            今日办公：{hall.hoursToday.length ? hall.hoursToday.join('　') : <strong>今日休息</strong>}
          </p>
          <p className="hall-line">{hall.centerName}</p>
          <p className="hall-line">地址：{hall.address}</p>
          {hall.phone ? <p className="hall-line">咨询电话：{hall.phone}</p> : null}
          <div className="hall-services">
            {hall.services.map((s) => (
              <span key={s} className="chip">
                {s}
              </span>
            ))}
          </div>
        </section>
      );
    }
    case 'honors':
      return (
        <section className="panel">
          <h1 className="panel-title">{content.honors!.title}</h1>
          <ul className="honors">
            {panel.entries.map((e, i) => (
              <li key={`${e.name}-${i}`}>
                <span className="honor-name">{e.name}</span>
                <span className="honor-category">{e.category}</span>
              </li>
            ))}
          </ul>
        </section>
      );
  }
}

function EventList({ events, withDay = false }: { events: ScreenEvent[]; withDay?: boolean }) {
  return (
    <ul className="events">
      {events.map((e) => (
        <li key={e.id}>
          <span className="event-time">{withDay ? dayTime(e.startsAt) : `${time(e.startsAt)}—${time(e.endsAt)}`}</span>
          <span className="event-title">{e.title}</span>
          <span className="event-venue">{e.venue}</span>
          <span className="event-seats">{e.seatsLeft === null ? e.statusText : e.seatsLeft > 0 ? `剩余${e.seatsLeft}个名额` : e.statusText}</span>
        </li>
      ))}
    </ul>
  );
}
