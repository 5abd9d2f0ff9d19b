import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { useProfile } from '../../account/profile';
import { groupByStreet, loadRegions } from '../../account/regions';
import { ActionButton } from '../../components/action-button';
import { ErrorState, LoadingState } from '../../components/states';
import { useRemote } from '../../hooks/use-remote';
import { ChoiceGrid } from '../../components/form-kit';
import '../honors.scss';

/**
 * The community a form is about: the resident's own until they choose another.
 *
 * @example
 * const community = useCommunityChoice();
 * <CommunityChoice value={community.chosen} onChange={community.choose} homeCommunityId={community.home} />
 */
export function useCommunityChoice() {
  const { profile } = useProfile();
  const home = profile?.homeCommunityId ?? null;
  const [picked, choose] = useState<string | null>(null);
  return { home, chosen: picked ?? home, choose };
}

/**
 * Which community something belongs to. The resident's own is chosen already and shown as
 * a fact with 换一个社区; the others open in the page, grouped by street, never in a pop-up.
 */
export function CommunityChoice({
  value,
  onChange,
  homeCommunityId,
}: {
  value: string | null;
  onChange: (communityId: string) => void;
  homeCommunityId: string | null;
}) {
  const regions = useRemote(loadRegions, []);
  const [open, setOpen] = useState(false);

  if (!regions.data) {
    if (regions.status === 'error') return <ErrorState title="社区名单没有加载出来" error={regions.error} onRetry={regions.reload} />;
    return <LoadingState text="正在读取社区名单…" />;
  }
  const chosen = regions.data.find((r) => r.id === value && r.level === 'community');
  if (chosen && !open) {
    return (
      <View>
        <Text className="lt-value">{chosen.name}</Text>
        {chosen.id === homeCommunityId ? <Text className="lt-hn-meta">您所在的社区</Text> : null}
        <View className="lt-gap-top">
          <ActionButton tone="secondary" onClick={() => setOpen(true)}>
            换一个社区
          </ActionButton>
        </View>
      </View>
    );
  }
  return (
    <View>
      {groupByStreet(regions.data).map((street) => (
        <View key={street.id ?? street.name}>
          <Text className="lt-hn-street">{street.name}</Text>
          <ChoiceGrid
            options={street.communities.map((c) => ({ value: c.id, text: c.name }))}
            value={value}
            onChange={(id) => {
              onChange(id);
              setOpen(false);
            }}
          />
        </View>
      ))}
    </View>
  );
}
