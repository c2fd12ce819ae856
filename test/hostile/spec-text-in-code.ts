// Finds where spec text landed in generated TypeScript. Spec text may only ever sit inside a
// comment or a string literal; anywhere else (an identifier, a keyword, a number, punctuation)
// it has escaped into code. Uses the TypeScript 5.9 parser: its tokens, not a regex's guess.
import ts from 'typescript';

export interface Escape {
  readonly line: number;
  readonly column: number;
  /** The kind of the token the marker was found in, e.g. `Identifier`. */
  readonly inside: string;
  readonly text: string;
}

/** Every occurrence of `marker` in `text` that is not wholly inside a comment or a string literal. */
export function markersOutsideCommentsAndStrings(fileName: string, text: string, marker: string): Escape[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const { safe, tokens } = scan(source);
  const escapes: Escape[] = [];
  for (let at = text.indexOf(marker); at !== -1; at = text.indexOf(marker, at + 1)) {
    const end = at + marker.length;
    if (safe.some(([from, to]) => from <= at && end <= to)) continue;
    const token = tokens.find((t) => t.getStart(source) <= at && at < t.end);
    const { line, character } = source.getLineAndCharacterOfPosition(at);
    escapes.push({
      line: line + 1,
      column: character + 1,
      inside: token ? kindName(token.kind) : 'trivia',
      text: text.slice(Math.max(0, at - 20), end + 20),
    });
  }
  return escapes;
}

// SyntaxKind's reverse mapping gives markers such as `FirstTemplateToken`; prefer the real names.
const KIND_NAMES = new Map<number, string>();
for (const [name, value] of Object.entries(ts.SyntaxKind)) {
  if (typeof value === 'number' && !/^(First|Last)/.test(name) && !KIND_NAMES.has(value)) KIND_NAMES.set(value, name);
}

function kindName(kind: ts.SyntaxKind): string {
  return KIND_NAMES.get(kind) ?? String(kind);
}

/** The ranges of every comment and string literal, and every token, of a parsed file. */
function scan(source: ts.SourceFile): { safe: [number, number][]; tokens: ts.Node[] } {
  const text = source.text;
  const safe: [number, number][] = [];
  const tokens: ts.Node[] = [];
  const addComments = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) safe.push([range.pos, range.end]);
  };
  const visit = (node: ts.Node): void => {
    // Doc comments are parsed into nodes of their own; they are comments, counted as such below.
    if (node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode) return;
    if (node.kind <= ts.SyntaxKind.LastToken || node.kind === ts.SyntaxKind.EndOfFileToken) {
      tokens.push(node);
      addComments(ts.getLeadingCommentRanges(text, node.pos));
      addComments(ts.getTrailingCommentRanges(text, node.end));
      if (node.kind === ts.SyntaxKind.StringLiteral) safe.push([node.getStart(source), node.end]);
      return;
    }
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return { safe, tokens };
}
