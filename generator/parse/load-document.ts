// Reads a spec file (YAML or JSON) into plain data. js-yaml does the fast parse; the `yaml`
// package, slower but position-aware, is only asked for line numbers when something is wrong.
import { readFileSync } from 'node:fs';
import jsyaml from 'js-yaml';
import { GeneratorError } from '../errors.js';

export interface LoadedDocument {
  readonly file: string;
  readonly text: string;
  readonly document: Record<string, unknown>;
}

// YAML 1.2 core types plus merge keys: no timestamps, so `2023-10-16` stays a string.
// (`types` exists at run time; @types/js-yaml does not declare it.)
const { merge } = (jsyaml as unknown as { types: { merge: jsyaml.Type } }).types;
const SPEC_SCHEMA = jsyaml.CORE_SCHEMA.extend([merge]);

export function loadDocument(file: string): LoadedDocument {
  const text = readSpecText(file);
  const document = parseSpecText(file, text);
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new GeneratorError(`${file}: the document is not an object`, [], 'an OpenAPI document starts with `openapi: 3.x.y`');
  }
  return { file, text, document: document as Record<string, unknown> };
}

function readSpecText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new GeneratorError(`${file}: no such file`, [], 'check the path given to --spec');
    if (code === 'EISDIR') throw new GeneratorError(`${file}: is a directory, not a spec file`);
    throw new GeneratorError(`${file}: cannot read (${code ?? String(error)})`);
  }
}

function parseSpecText(file: string, text: string): unknown {
  if (/^\s*[{[]/.test(text)) return parseJson(file, text);
  try {
    return jsyaml.load(text, { schema: SPEC_SCHEMA, filename: file });
  } catch (error) {
    if (error instanceof jsyaml.YAMLException) {
      const { line, column } = error.mark ?? { line: -1, column: -1 };
      throw new GeneratorError(`${file}: malformed YAML`, [
        { file, line: line + 1, column: column + 1, message: error.reason },
      ], 'fix the YAML syntax at that line');
    }
    throw error;
  }
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message)?.[1];
    const place = offset === undefined ? {} : lineAndColumn(text, Number(offset));
    throw new GeneratorError(`${file}: malformed JSON`, [{ file, ...place, message }], 'fix the JSON syntax at that place');
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
