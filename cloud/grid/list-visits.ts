import { listVisits } from '../../types/grid';
import { defineFunction } from '../core/define-function';
import { visitsOfGrids } from './grid.storage';
import { gridServedBy, myGrids } from './my-grids';
import { toVisitView } from './visit-view';

export default defineFunction(listVisits, async (input, { services, caller }) => {
  const gridIds = input.gridId ? [(await gridServedBy(services, caller, input.gridId)).id] : (await myGrids(services, caller)).map((g) => g.id);
  return (await visitsOfGrids(services.db, gridIds)).map((v) => toVisitView(v, caller.id));
});
