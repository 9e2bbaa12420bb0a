/**
 * One handler per contract channel, and `dispatch`, the single entry point every transport uses
 * (Electron IPC, the browser test bridge): validate the input against the contract, run the
 * handler, return a serialisable Result. Thrown errors never cross the boundary as exceptions.
 */
import { LIST_PAGE_SIZE, SEARCH_PAGE_SIZE, contract, type Channel, type ChannelOutput, type ChannelParsedInput } from '../../shared/contract.ts';
import { AppError, type Result } from '../../shared/errors.ts';
import type { Library } from './library.ts';
import type { Platform } from './services.ts';
import { storageError } from './storage/sqlite-errors.ts';

export type Handlers = {
  [C in Channel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
};

export function createHandlers(library: Library, platform: Platform): Handlers {
  // Every call takes the services afresh: after a recovery they are new ones.
  const services = () => library.services();
  const stories = () => services().stories;
  const settings = () => services().settings;
  const profile = () => settings().get().profile;
  // Import only the file the user picked in this session, never a path the renderer made up.
  let inspectedPackage: string | null = null;
  return {
    'app.info': () => ({ version: platform.version, dataDir: platform.dataDir, platform: process.platform, shell: platform.shell }),
    'app.readyToClose': () => {
      platform.readyToClose();
      return {};
    },
    'app.keepOpen': () => {
      platform.keepOpen();
      return {};
    },
    'settings.get': () => settings().get(),
    'settings.update': (patch) => settings().update(patch),
    'stories.list': (filter) => {
      const page = filter.query?.trim() ? SEARCH_PAGE_SIZE : LIST_PAGE_SIZE;
      const rows = stories().list({ ...filter, limit: filter.limit ?? page });
      return { rows, total: stories().count(filter) };
    },
    'stories.get': ({ id }) => stories().get(id),
    'stories.create': ({ headline }) => stories().create(profile().name, headline ?? ''),
    'stories.save': (input) => stories().save(input, profile().name),
    'stories.createCopy': ({ sourceId, ...content }) => stories().createCopy(content, profile().name, sourceId ?? null),
    'stories.delete': ({ id }) => {
      stories().delete(id, profile().name);
      return { id };
    },
    'stories.events': ({ id }) => stories().events(id),
    'trash.list': () => stories().trash(),
    'trash.restore': ({ id }) => stories().restoreFromTrash(id, profile().name),
    'trash.empty': () => ({ purged: stories().emptyTrash(profile().name) }),
    'revisions.list': ({ id }) => stories().revisions(id),
    'revisions.get': ({ revisionId }) => stories().revision(revisionId),
    'revisions.restore': ({ id, revisionId, baseRevision }) => stories().restoreRevision(id, revisionId, baseRevision, profile().name),
    'library.stats': () => ({ ...stories().counts(), bytes: services().librarySize(), dataDir: services().dataDir }),
    'recovery.status': () => library.status(),
    'recovery.restoreBackup': ({ name }) => library.restoreBackup(name),
    'recovery.startFresh': () => library.startFresh(),
    'recovery.salvage': async () => {
      const folder = await platform.chooseExportFolder(null);
      if (!folder) return { saved: 0, unreadable: 0, folder: null };
      return library.salvage(folder);
    },
    'packages.export': async ({ ids }) => {
      const first = stories().get(ids[0]);
      const name = `${(first.headline || 'stories').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60).replace(/^-|-$/g, '') || 'stories'}.copydesk`;
      const file = await platform.choosePackageFile(ids.length > 1 ? `copydesk-${ids.length}-stories.copydesk` : name);
      if (!file) return { path: null, count: 0 };
      return services().packages.exportStories(ids, file, profile().name);
    },
    'packages.inspect': async () => {
      const file = await platform.chooseImportFile();
      if (!file) return { file: null, exportedBy: '', exportedAt: '', device: '', stories: [] };
      const contents = services().packages.inspect(file);
      inspectedPackage = file;
      return { file, ...contents };
    },
    'packages.import': ({ file, onConflict }) => {
      if (file !== inspectedPackage) throw new AppError('invalid_input', 'Choose the package to import first.');
      const result = services().packages.importPackage(file, onConflict, profile().name);
      services().changes.check();
      return result;
    },
    'keywords.list': () => stories().keywords(),
    'workflow.transition': ({ id, action, note }) => stories().transition(id, action, profile(), note),
    'import.files': async ({ files }) => {
      const outcomes = await services().importer.importFiles(
        files.map((f) => ({ name: f.name, bytes: new Uint8Array(Buffer.from(f.data, 'base64')) })),
        profile().name
      );
      return {
        results: outcomes.map((o) =>
          o.ok
            ? { ok: true as const, file: o.result.file, storyId: o.result.story.id, headline: o.result.story.headline, format: o.result.format, recognised: [...o.result.recognised], notes: [...o.result.notes] }
            : { ok: false as const, file: o.file, message: o.message }
        ),
      };
    },
    'export.chooseFolder': async () => {
      const folder = await platform.chooseExportFolder(settings().get().exportFolder);
      if (folder) settings().update({ exportFolder: folder });
      return { folder };
    },
    'pictures.add': ({ name, data, thumbnail }) =>
      services().pictures.add(name, Buffer.from(data, 'base64'), thumbnail ? Buffer.from(thumbnail, 'base64') : undefined),
    'pictures.thumbnail': ({ sha256 }) => {
      const { bytes, mediaType } = services().pictures.thumbnail(sha256);
      return { url: `data:${mediaType};base64,${Buffer.from(bytes).toString('base64')}` };
    },
    'export.story': async ({ id, format, folder }) => {
      const story = stories().get(id);
      const result = await services().exporter.exportStory(story, format, folder, stories().approvalValid(story));
      stories().recordExport(story, profile().name, `${format}: ${result.path}`);
      return result;
    },
    'tagging.topics': ({ query, limit }) => services().tagging.searchTopics(query, limit),
    'tagging.vocabulary': () => ({ mediaTopicsVersion: services().tagging.topics().version }),
    'tagging.genres': () => services().tagging.listGenres(),
    'tagging.places': ({ query, limit }) => services().tagging.searchPlaces(query, limit),
    'tagging.suggest': ({ id }) => services().tagging.suggestForStory(stories().get(id)),
  };
}

/**
 * @param onCorruption told when a call ran into a damaged database, so the host can switch the
 *   library to recovery at once (`library.reportCorruption`).
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  onCorruption?: (error: unknown) => void
): Promise<Result<unknown>> {
  if (!Object.hasOwn(contract, channel)) {
    return { ok: false, error: { code: 'invalid_input', message: `Unknown channel: ${channel}` } };
  }
  const entry = contract[channel as Channel];
  const parsed = entry.input.safeParse(rawInput ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    return { ok: false, error: { code: 'invalid_input', message: `${issue?.message ?? 'Invalid input'}${where}` } };
  }
  try {
    const handler = handlers[channel as Channel] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: error.toJSON() };
    const storage = storageError(error);
    if (storage?.code === 'database_corrupt') onCorruption?.(error);
    if (storage) return { ok: false, error: storage.toJSON() };
    console.error(`[copydesk] ${channel} failed:`, error);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message: `Something went wrong: ${message}` } };
  }
}
