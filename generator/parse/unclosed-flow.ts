// A YAML flow collection left open (`get: [unclosed`) makes the parser fail where it gives up,
// often lines later or at the end of the file; the fault is where the bracket opened. This scans
// the text up to the failure for brackets still open, skipping quoted strings, comments and
// block scalars, so the error can name that line.

export interface OpenBracket {
  readonly char: '[' | '{';
  /** 1-based. */
  readonly line: number;
  readonly column: number;
}

/** The innermost flow bracket still open at `offset`, if any. */
export function unclosedFlowAt(text: string, offset: number): OpenBracket | undefined {
  const open: OpenBracket[] = [];
  const lines = text.slice(0, offset).split('\n');
  let blockIndent: number | undefined; // inside a block scalar: the indentation of its key line
  for (const [index, line] of lines.entries()) {
    const indent = line.length - line.trimStart().length;
    if (blockIndent !== undefined) {
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = undefined;
    }
    let quote: string | undefined;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = line[i + 1] === "'" && quote === "'" ? (i++, quote) : undefined;
        continue;
      }
      if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
      if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1]!))) quote = c;
      else if (c === '[' || c === '{') open.push({ char: c, line: index + 1, column: i + 1 });
      else if ((c === ']' || c === '}') && open.length > 0) open.pop();
    }
    if (open.length === 0 && /(^|[\s:-])[|>][+-]?\d*\s*(#.*)?$/.test(line)) blockIndent = indent;
  }
  return open[open.length - 1];
}
