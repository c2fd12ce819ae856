// Reads a spec file (YAML or JSON) into plain data. js-yaml does the fast parse; the `yaml`
// package, slower but position-aware, is only asked for line numbers when something is wrong.
import { readFileSync } from 'node:fs';
import jsyaml from 'js-yaml';
import { GeneratorError, type Problem } from '../errors.js';
import { checkAliases } from './aliases.js';
import { unclosedFlowAt } from './unclosed-flow.js';

export interface LoadedDocument {
  readonly file: string;
  readonly text: string;
  readonly document: Record<string, unknown>;
  /** What the parse phase found wrong but could read past (with their lines). */
  readonly warnings?: readonly Problem[];
  /**
   * The other files a split spec was bundled from (absolute paths), each with the sha256 of the text
   * read: the output depends on them as on the spec, so the no-op shortcut checks them too.
   */
  readonly referencedFiles?: Readonly<Record<string, string>>;
}

// YAML 1.2 core types plus merge keys: no timestamps, so `2023-10-16` stays a string.
// (`types` exists at run time; @types/js-yaml does not declare it.)
const { merge } = (jsyaml as unknown as { types: { merge: jsyaml.Type } }).types;
const SPEC_SCHEMA = jsyaml.CORE_SCHEMA.extend([merge]);

export function loadDocument(file: string, givenAs = '--spec'): LoadedDocument {
  const text = readSpecText(file, givenAs);
  const document = parseSpecText(file, text);
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new GeneratorError(`${file}: the document is not an object`, [], 'an OpenAPI document starts with `openapi: 3.x.y`');
  }
  return { file, text, document: document as Record<string, unknown> };
}

/** `givenAs`: where the user named the file, for the hint (`--spec`, `--overlay`). */
function readSpecText(file: string, givenAs: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GeneratorError(`${file}: no such file`, [], `check the path given to ${givenAs}`);
    if (code === 'EISDIR') throw new GeneratorError(`${file}: is a directory, not a spec file`, [], `give ${givenAs} a YAML or JSON file`);
    throw new GeneratorError(`${file}: cannot read (${code ?? String(error)})`, [], 'check that the file exists and is readable');
  }
  try {
    // Strict decoding: a UTF-16 or binary file would otherwise turn into replacement characters
    // and fail later with a confusing syntax error. A leading byte order mark is dropped.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new GeneratorError(`${file}: is not UTF-8 text`, [], 'save the spec as UTF-8 (YAML and JSON specs are UTF-8)');
  }
}

function parseSpecText(file: string, text: string): unknown {
  if (/^\s*[{[]/.test(text)) return parseJson(file, text);
  let document: unknown;
  try {
    document = jsyaml.load(text, { schema: SPEC_SCHEMA, filename: file });
  } catch (error) {
    if (error instanceof jsyaml.YAMLException) {
      const { line, column, position } = error.mark ?? { line: -1, column: -1, position: text.length };
      // The parser stops where it gives up; an unclosed `[` or `{` is at fault where it opened.
      const bracket = unclosedFlowAt(text, position);
      if (bracket && bracket.line <= line) {
        throw new GeneratorError(`${file}: malformed YAML`, [
          { file, line: bracket.line, column: bracket.column, message: `this '${bracket.char}' is never closed (the parser gave up at line ${line + 1}: ${error.reason})` },
        ], `close the '${bracket.char}' with '${bracket.char === '[' ? ']' : '}'}', or quote the value if it is text`);
      }
      throw new GeneratorError(`${file}: malformed YAML`, [
        { file, ...(line >= 0 ? { line: line + 1, column: column + 1 } : {}), message: error.reason },
      ], 'fix the YAML syntax at that line');
    }
    throw error;
  }
  // Only YAML can share nodes (anchors and aliases), so only YAML can hold a cycle or a bomb.
  checkAliases(file, text, document);
  return document;
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // Node's message names the offset (and, in newer versions, the line): keep the reason only,
    // since the line and column are given in the usual place.
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message)?.[1] ?? (/end of JSON input/.test(message) ? text.length : undefined);
    const place = offset === undefined ? {} : lineAndColumn(text, Number(offset));
    const reason = message.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected end of JSON input$/, 'the text ends in the middle of a value');
    throw new GeneratorError(`${file}: malformed JSON`, [{ file, ...place, message: reason }], 'fix the JSON syntax at that place');
  }
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
