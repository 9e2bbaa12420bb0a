/**
 * Where the command line meets services built elsewhere. The suggestions go through the contract
 * channel `tagging.suggest`; the importer is `createImporter` from `services/import`.
 */
import { AppError } from '../../shared/errors.ts';
import { suggestThroughContract } from './commands/suggest.ts';
import type { Wiring } from './context.ts';

export const wiring: Wiring = {
  // Wire at merge: `importer: (services) => createImporter({ stories: services.stories })`.
  importer: () => {
    throw new AppError('internal', 'Import is not part of this build of Copydesk yet.');
  },
  suggest: suggestThroughContract,
};
