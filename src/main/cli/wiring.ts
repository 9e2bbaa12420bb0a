/**
 * Where the command line meets services built elsewhere: the importer is the one the services
 * carry (`services/import`); suggestions go through the contract channel `tagging.suggest`.
 */
import { suggestThroughContract } from './commands/suggest.ts';
import type { Wiring } from './context.ts';

export const wiring: Wiring = {
  importer: (services) => services.importer,
  suggest: suggestThroughContract,
};
