import { z } from 'zod';
import { PUBLIC } from './access';
import { defineContract } from './contract';

/** 区 → 街道/镇 → 社区/村 → 网格. */
export const REGION_LEVELS = ['district', 'street', 'community', 'grid'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

export interface Region {
  id: string;
  parentId: string | null;
  level: RegionLevel;
  name: string;
  /** 街道 or 镇 for a street; 社区 or 村 for a community. */
  kind: string;
  /** Names from the district down to this region, e.g. ['上街区', '济源路街道', '朝阳社区']. */
  path: string[];
}

export const ListCommunitiesInput = z.object({
  level: z.enum(REGION_LEVELS).optional(),
  parentId: z.string().max(64).optional(),
});

export const listCommunities = defineContract({
  name: 'communities.list',
  summary: '区、街道/镇、社区/村与网格的列表',
  kind: 'query',
  access: PUBLIC,
  input: ListCommunitiesInput,
}).returns<Region[]>();

export const communitiesContracts = [listCommunities] as const;
