import { useState } from 'react';
import { useProfile } from '../account/profile';
import { useSession } from '../hooks/use-session';
import { ChoiceChips } from './form-kit';

export interface CommunityScope {
  /** The signed-in resident's home community; null for a visitor or one without a home. */
  home: { id: string; name: string | null } | null;
  onlyMine: boolean;
  setOnlyMine: (onlyMine: boolean) => void;
  /** What to ask the list function for: the home community while narrowed, else all. */
  communityId: string | undefined;
}

/**
 * A list narrowed to the resident's own community (and the district's) or not: 资讯, 光荣榜,
 * 感谢墙 all offer the same two chips, and only to a resident who has a home community.
 *
 * @example
 * const scope = useCommunityScope();
 * const list = usePagedList((c) => fetchPage({ communityId: scope.communityId }, c), [scope.communityId]);
 * <CommunityScopeChoice scope={scope} allText="全部社区" />
 */
export function useCommunityScope(): CommunityScope {
  const session = useSession();
  const { profile } = useProfile();
  const [onlyMine, setOnlyMine] = useState(false);
  const home =
    session.status === 'signedIn' && profile?.homeCommunityId ? { id: profile.homeCommunityId, name: profile.homeCommunityName ?? null } : null;
  return { home, onlyMine, setOnlyMine, communityId: onlyMine && home ? home.id : undefined };
}

/** The two chips, 全部… and the home community by name; nothing for a resident without one. */
export function CommunityScopeChoice({ scope, allText, caption }: { scope: CommunityScope; allText: string; caption?: string }) {
  if (!scope.home) return null;
  return (
    <ChoiceChips
      label="范围"
      caption={caption}
      options={[
        { value: 'all', text: allText },
        { value: 'mine', text: scope.home.name ?? '我的社区' },
      ]}
      value={scope.onlyMine ? 'mine' : 'all'}
      onChange={(v) => scope.setOnlyMine(v === 'mine')}
    />
  );
}
