import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { QueueCounts } from '../../../../types/admin';
import type { Region } from '../../../../types/communities';
import type { Profile } from '../../../../types/users';
import { call } from '../sdk/client';

/** Where the signed-in admin may act: their communities, or all of them for a district admin. */
export interface AdminScope {
  isDistrict: boolean;
  /** Communities administered by this account (every one for a district admin, once loaded). */
  communityIds: string[];
  /** The district's id, held by district admins. */
  districtId: string | null;
}

export function scopeOf(profile: Profile, communities: readonly Region[]): AdminScope {
  const district = profile.roles.find((g) => g.role === 'districtAdmin');
  const own = profile.roles.filter((g) => g.role === 'communityAdmin').map((g) => g.scopeId);
  return {
    isDistrict: !!district,
    communityIds: district ? communities.map((c) => c.id) : [...new Set(own)],
    districtId: district?.scopeId ?? null,
  };
}

interface ConsoleState {
  profile: Profile;
  scope: AdminScope;
  communities: Region[];
  district: Region | null;
  /** Name of a community or of the district, by id. */
  placeName(id: string | null | undefined): string;
  /** Places where this admin may publish: their communities, and the district for district admins. */
  placeOptions: Array<{ label: string; value: string }>;
  counts: QueueCounts | null;
  refreshCounts(): void;
}

const Ctx = createContext<ConsoleState | null>(null);

export function useConsole(): ConsoleState {
  const value = useContext(Ctx);
  if (!value) throw new Error('useConsole outside ConsoleProvider');
  return value;
}

/** How often the menu's queue counts are read again while the console is open. */
const COUNTS_EVERY_MS = 60_000;

export function ConsoleProvider({ profile, children }: { profile: Profile; children: ReactNode }) {
  const [regions, setRegions] = useState<Region[]>([]);
  const [counts, setCounts] = useState<QueueCounts | null>(null);

  useEffect(() => {
    // Names only: if this fails the console still works and shows ids.
    call('communities.list', {}).then(setRegions, () => undefined);
  }, []);

  const refreshCounts = useCallback(() => {
    call('admin.queueCounts', {}).then(setCounts, () => undefined);
  }, []);
  useEffect(() => {
    refreshCounts();
    const timer = window.setInterval(refreshCounts, COUNTS_EVERY_MS);
    return () => window.clearInterval(timer);
  }, [refreshCounts]);

  const value = useMemo<ConsoleState>(() => {
    const communities = regions.filter((r) => r.level === 'community');
    const district = regions.find((r) => r.level === 'district') ?? null;
    const scope = scopeOf(profile, communities);
    const names = new Map(regions.map((r) => [r.id, r.name]));
    // 街道 · 社区, or the bare id until the names have loaded.
    const longName = (id: string) => communities.find((c) => c.id === id)?.path.slice(1).join(' · ') ?? id;
    const placeOptions = [
      ...(scope.isDistrict && district ? [{ label: `${district.name}（全区）`, value: district.id }] : []),
      ...scope.communityIds.map((id) => ({ label: longName(id), value: id })),
    ];
    return {
      profile,
      scope,
      communities,
      district,
      placeName: (id) => (id ? (names.get(id) ?? id) : ''),
      placeOptions,
      counts,
      refreshCounts,
    };
  }, [profile, regions, counts, refreshCounts]);

  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}
