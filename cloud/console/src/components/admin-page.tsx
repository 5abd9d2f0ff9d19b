import { PageContainer, type PageContainerProps } from '@ant-design/pro-components';
import type { ReactNode } from 'react';

export interface PageTab<K extends string> {
  key: K;
  text: string;
  /** Shown after the text as （n） when more than zero: what waits under that tab. */
  count?: number;
}

export interface AdminPageProps<K extends string> extends Omit<PageContainerProps, 'tabList' | 'tabActiveKey' | 'onTabChange' | 'title' | 'content'> {
  title: string;
  /** One or two sentences on what the page is for, under the title. */
  content: ReactNode;
  /** The page's one filter, as tabs over its list (待审核 / 被举报 …). */
  tabs?: { active: K; onChange(key: NoInfer<K>): void; items: Array<PageTab<NoInfer<K>>> };
  children: ReactNode;
}

/**
 * A console page: its title, what it is for, and its status tabs, around the list and the
 * forms it opens. Every list page of the console is one of these.
 *
 * @example
 * <AdminPage title="推荐" content="…" tabs={{ active: tab, onChange: setTab, items: [{ key: 'pending', text: '待处理', count: 3 }] }}>
 *   <AdminTable fn="honors.nominations" … />
 * </AdminPage>
 */
export function AdminPage<K extends string>({ title, content, tabs, children, ...page }: AdminPageProps<K>) {
  return (
    <PageContainer
      title={title}
      content={content}
      {...(tabs && {
        tabActiveKey: tabs.active,
        onTabChange: (key: string) => tabs.onChange(key as K),
        tabList: tabs.items.map((t) => ({ key: t.key, tab: t.count ? `${t.text}（${t.count}）` : t.text })),
      })}
      {...page}
    >
      {children}
    </PageContainer>
  );
}
