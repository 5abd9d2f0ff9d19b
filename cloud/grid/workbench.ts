import { workbench } from '../../types/grid';
import { defineFunction } from '../core/define-function';
import { workbenchTools } from './grid.permissions';
import { countOpenFollowUps } from './grid.storage';
import { myGrids } from './my-grids';

export default defineFunction(workbench, async (_input, { services, caller }) => {
  const grids = await myGrids(services, caller);
  return {
    grids,
    tools: workbenchTools(caller.grants),
    openFollowUps: await countOpenFollowUps(services.db, grids.map((g) => g.id)),
  };
});
