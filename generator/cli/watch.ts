// `generate --watch`: generate, then again whenever a file the clients are made from changes —
// the config file, a spec, a file a split spec refers to, an overlay, a base spec. A broken save prints its error and leaves the
// last good output in place (every write is atomic); Ctrl-C stops watching and exits 0.
import { existsSync, watch as watchDirectory, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { optionFiles } from '../options.js';
import { CONFIG_FILES } from './args.js';
import type { ClientSelection } from './clients.js';
import type { Progress } from './progress.js';
import { report } from './run-cli.js';

/** How long a burst of file events (an editor's save is often several) is let settle. */
const SETTLE_MS = 150;

export function watch(
  select: () => ClientSelection,
  generateAll: (selection: ClientSelection, referenced: (files: readonly string[]) => void) => Promise<number>,
  progress: Progress,
  debug: boolean,
): Promise<number> {
  const watchers = new Map<string, FSWatcher>();
  // The files each watched directory holds that matter; a directory is watched rather than the
  // file itself, since editors save by writing a new file and renaming it over the old one.
  let wanted = new Map<string, Set<string>>();
  let running: Promise<void> | undefined;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const round = async () => {
    let files: string[] = CONFIG_FILES.map((f) => resolve(f));
    try {
      const selection = select();
      files = [...files, ...(selection.configFile ? [selection.configFile] : []), ...selection.clients.flatMap((c) => [c.spec, ...optionFiles(c.options)])];
      await generateAll(selection, (referenced) => (files = [...files, ...referenced]));
    } catch (error) {
      report(error, debug);
      // A broken config: keep watching what was watched, and the config itself.
      files = [...files, ...[...wanted].flatMap(([dir, names]) => [...names].map((n) => resolve(dir, n)))];
    }
    if (stopped) return;
    follow(files);
    const present = new Set(files.map((f) => resolve(f)).filter((f) => existsSync(f)));
    progress.log(`watching ${present.size} files for changes (Ctrl-C stops)`);
  };

  const follow = (files: readonly string[]) => {
    wanted = new Map();
    for (const file of files.map((f) => resolve(f))) {
      const dir = dirname(file);
      if (!wanted.has(dir)) wanted.set(dir, new Set());
      wanted.get(dir)!.add(basename(file));
    }
    for (const [dir, watcher] of watchers) {
      if (wanted.has(dir)) continue;
      watcher.close();
      watchers.delete(dir);
    }
    for (const dir of wanted.keys()) {
      if (watchers.has(dir)) continue;
      try {
        const watcher = watchDirectory(dir, (_event, name) => {
          if (name !== null && wanted.get(dir)?.has(basename(name))) changed();
        });
        watcher.on('error', () => watchers.delete(dir));
        watchers.set(dir, watcher);
      } catch {
        // A directory that does not exist (a spec not written yet): its file's error was printed.
      }
    }
  };

  const changed = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (running) again = true;
      else start();
    }, SETTLE_MS);
  };

  const start = () => {
    running = round().finally(() => {
      running = undefined;
      if (again && !stopped) {
        again = false;
        start();
      }
    });
  };

  return new Promise<number>((done) => {
    const stop = () => {
      stopped = true;
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (timer !== undefined) clearTimeout(timer);
      for (const watcher of watchers.values()) watcher.close();
      progress.done();
      // A round in progress is let finish, so that no output is left half-swapped.
      void (running ?? Promise.resolve()).then(() => done(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    start();
  });
}
