// `<rev>:<path>` names a spec as committed in git, so an uncommitted spec update can be diffed
// against HEAD before anyone regenerates. The file is copied out with `git show` into a temporary
// directory, under its own base name so that error messages still say which spec it was.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { GeneratorError } from '../errors.js';

export interface RevisionSpec {
  readonly revision: string;
  readonly path: string;
}

/**
 * Reads `rev:path` as a git revision unless a file by that exact name exists. A single letter
 * before the colon is a Windows drive (`C:\specs\a.yaml`), never a revision.
 */
export function parseRevisionSpec(argument: string): RevisionSpec | undefined {
  const colon = argument.indexOf(':');
  if (colon < 1 || existsSync(argument)) return undefined;
  if (colon === 1 && /^[A-Za-z]:[\\/]/.test(argument)) return undefined;
  return { revision: argument.slice(0, colon), path: argument.slice(colon + 1) };
}

export interface ExtractedSpec {
  readonly file: string;
  readonly cleanup: () => void;
}

export function extractRevision({ revision, path }: RevisionSpec, cwd = process.cwd()): ExtractedSpec {
  const git = (args: string[]) => spawnSync('git', args, { cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 });
  const label = `${revision}:${path}`;
  const inside = git(['rev-parse', '--is-inside-work-tree']);
  if (inside.error) throw new GeneratorError(`${label}: cannot run git (${inside.error.message})`, [], 'install git, or give a file path instead');
  if (inside.status !== 0) throw new GeneratorError(`${label}: ${cwd} is not inside a git repository`, [], 'run the diff from the repository, or give a file path');
  if (git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).status !== 0) {
    throw new GeneratorError(`${label}: no revision '${revision}' in this repository`, [], 'give a commit, branch or tag that `git log` knows, e.g. HEAD or main');
  }
  if (path === '') throw new GeneratorError(`${label}: no path after the colon`, [], 'write it as <rev>:<path>, e.g. HEAD:spec/api.yaml');
  const type = git(['cat-file', '-t', `${revision}:${path}`]);
  if (type.status !== 0) {
    throw new GeneratorError(
      `${label}: '${path}' does not exist in '${revision}'`,
      [],
      'the path is relative to the repository root; start it with ./ for one relative to this directory (HEAD:./api.yaml)',
    );
  }
  if (type.stdout.toString().trim() !== 'blob') {
    throw new GeneratorError(`${label}: '${path}' is a directory in '${revision}', not a spec file`, [], 'name the spec file itself');
  }
  const shown = git(['show', `${revision}:${path}`]);
  if (shown.status !== 0) throw new GeneratorError(`${label}: git show failed: ${shown.stderr.toString().trim()}`);
  const dir = mkdtempSync(join(tmpdir(), 'api-diff-'));
  const file = join(dir, basename(path));
  writeFileSync(file, shown.stdout);
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
