import { z } from 'zod';
import { PUBLIC, rolesOnly } from './access';
import { defineContract } from './contract';
import { SCREEN_MODULES, SCREEN_ORIENTATIONS, type ScreenContent, type ScreenSetting } from './screens-model';

export * from './screens-model';

const id = z.string().min(1, '不能为空').max(64);
const ADMINS = rolesOnly('communityAdmin', 'districtAdmin');

export const showScreen = defineContract({
  name: 'screens.show',
  summary: '大屏内容（无需登录，仅公开信息）',
  kind: 'query',
  access: PUBLIC,
  input: z.object({ key: z.string().trim().min(16, '屏幕地址不完整').max(64) }),
}).returns<ScreenContent>();

export const SaveScreenInput = z.object({
  id: id.optional(),
  communityId: id,
  name: z.string().trim().min(2, '请填写屏幕名称，如“一楼大厅屏”').max(20, '名称最多20个字'),
  orientation: z.enum(SCREEN_ORIENTATIONS).default('landscape'),
  modules: z.array(z.enum(SCREEN_MODULES)).min(1, '至少选择一项要显示的内容').max(SCREEN_MODULES.length),
  rotateSeconds: z.number().int().min(8, '每屏至少停留8秒').max(120, '每屏最多停留120秒').default(15),
});
export const saveScreen = defineContract({
  name: 'screens.save',
  summary: '新建或修改大屏：显示哪些内容、多久翻一屏',
  kind: 'command',
  access: ADMINS,
  input: SaveScreenInput,
}).returns<ScreenSetting>();

export const listScreens = defineContract({
  name: 'screens.adminList',
  summary: '管辖范围内的大屏与各自的访问地址',
  kind: 'query',
  access: ADMINS,
  input: z.object({}),
}).returns<ScreenSetting[]>();

export const renewScreenKey = defineContract({
  name: 'screens.renewKey',
  summary: '更换大屏地址（旧地址立即失效）',
  kind: 'command',
  access: ADMINS,
  input: z.object({ id }),
}).returns<ScreenSetting>();

export const removeScreen = defineContract({
  name: 'screens.remove',
  summary: '删除大屏（地址立即失效）',
  kind: 'command',
  access: ADMINS,
  input: z.object({ id }),
}).returns<{ removed: boolean }>();

export const screensContracts = [showScreen, saveScreen, listScreens, renewScreenKey, removeScreen] as const;
