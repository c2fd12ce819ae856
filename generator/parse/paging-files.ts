// `--paging` files (config key `paging`): how lists page, declared outside the spec. Each is a
// YAML or JSON object whose keys name operations, by operationId or as `GET /path`, and whose
// values are what the operation's `x-pagination` would say (generator/model/paging.ts).
import { escapePointerToken } from '../errors.js';
import { loadDocument } from './load-document.js';

export interface PagingDeclaration {
  /** The paging file, and the declaration's place in it (`#/issues~1list-for-repo`). */
  readonly file: string;
  readonly pointer: string;
  /** An operationId or `METHOD /path`. */
  readonly key: string;
  readonly value: unknown;
}

export function readPagingFiles(files: readonly string[]): PagingDeclaration[] {
  return files.flatMap((file) => {
    const { document } = loadDocument(file);
    return Object.entries(document).map(([key, value]) => ({ file, pointer: `#/${escapePointerToken(key)}`, key, value }));
  });
}
