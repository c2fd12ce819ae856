// Two error families: a GeneratorError is the user's fault (bad spec, bad flag) and prints as one
// clear message; anything else escaping a phase is our bug and is reported with the phase's name.

export interface SourceLocation {
  readonly file: string;
  /** RFC 6901 JSON pointer into the document, e.g. `#/paths/~1v1~1accounts/get`. */
  readonly pointer?: string;
  readonly line?: number;
  readonly column?: number;
}

export interface Problem extends Partial<SourceLocation> {
  readonly message: string;
}

export class GeneratorError extends Error {
  override readonly name = 'GeneratorError';
  constructor(
    message: string,
    readonly problems: readonly Problem[] = [],
    readonly hint?: string,
  ) {
    super(message);
  }

  /** The text a user sees: the message, one line per problem with its place, then the hint. */
  format(): string {
    const lines = [this.message];
    for (const problem of this.problems) lines.push(`  ${formatLocation(problem)}${problem.message}`);
    if (this.hint) lines.push(`hint: ${this.hint}`);
    return lines.join('\n');
  }
}

export function formatLocation(where: Partial<SourceLocation>): string {
  if (!where.file && !where.pointer) return '';
  const position = where.line ? `:${where.line}${where.column ? `:${where.column}` : ''}` : '';
  const pointer = where.pointer ? ` ${where.pointer}` : '';
  return `${where.file ?? ''}${position}${pointer}: `;
}

/** Encodes one reference token of a JSON pointer (RFC 6901). */
export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerOf(tokens: readonly (string | number)[]): string {
  return '#' + tokens.map((t) => '/' + escapePointerToken(String(t))).join('');
}
