import type { AnyContract, InputOf, OutputOf } from './contract';
import { adminContracts } from './admin';
import { articlesContracts } from './articles';
import { authContracts } from './auth';
import { bookingsContracts } from './bookings';
import { communitiesContracts } from './communities';
import { eventsContracts } from './events';
import { gridContracts } from './grid';
import { honorsContracts } from './honors';
import { notificationsContracts } from './notifications';
import { petitionsContracts } from './petitions';
import { rolesContracts } from './roles';
import { sharesContracts } from './shares';
import { usersContracts } from './users';
import { volunteersContracts } from './volunteers';
import { elderCardsContracts } from './elder-cards';
import { screensContracts } from './screens';

export * from './access';
export * from './contract';
export * from './errors';

/** Every cloud function's contract. A domain adds its list here and nowhere else. */
export const contracts = [
  ...authContracts,
  ...communitiesContracts,
  ...usersContracts,
  ...rolesContracts,
  ...articlesContracts,
  ...eventsContracts,
  ...sharesContracts,
  ...bookingsContracts,
  ...petitionsContracts,
  ...honorsContracts,
  ...adminContracts,
  ...volunteersContracts,
  ...elderCardsContracts,
  ...screensContracts,
  ...gridContracts,
  ...notificationsContracts,
] as const;

type All = (typeof contracts)[number];
export type FunctionName = All['name'];
export type ContractOf<N extends FunctionName> = Extract<All, { name: N }>;
export type FunctionInput<N extends FunctionName> = InputOf<ContractOf<N>>;
export type FunctionOutput<N extends FunctionName> = OutputOf<ContractOf<N>>;

export const contractsByName: ReadonlyMap<string, AnyContract> = new Map(contracts.map((c) => [c.name, c]));
