// Turns spec prose (Stripe writes HTML) into TSDoc blocks that nothing can break out of.
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Stripe's HTML → readable Markdown-ish text: paragraphs, `code`, [links](url), lists. */
export function htmlToText(html: string): string {
  return html
    .replace(/<code>([\s\S]*?)<\/code>/gi, '`$1`')
    .replace(/<a\s+[^>]*href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/gi, '[$2]($1)')
    .replace(/<(strong|b)>([\s\S]*?)<\/\1>/gi, '**$2**')
    .replace(/<(em|i)>([\s\S]*?)<\/\1>/gi, '_$2_')
    .replace(/<li>\s*/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n\n')
    .replace(/<\/?(p|ul|ol|li|span|div)(\s[^>]*)?>/gi, '')
    .replace(/&(#?\w+);/g, (whole, name: string) => (Object.hasOwn(ENTITIES, name) ? ENTITIES[name]! : whole));
}

/**
 * The text of a doc comment from paragraphs of prose ('' when there is nothing to say). Safe for
 * any input: `*\/` cannot close the comment early, the JavaScript line terminators
 * U+2028/U+2029 become plain newlines, and a line of prose cannot start a TSDoc tag.
 */
export function docText(...paragraphs: (string | undefined)[]): string {
  return paragraphs
    .filter((p): p is string => p !== undefined && p.trim() !== '')
    .map((p) => htmlToText(p).trim())
    .join('\n\n')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\*\//g, '*\\/')
    .replace(/\n{3,}/g, '\n\n')
    .split('\n')
    .flatMap((line) => wrapLine(line.trimEnd(), WRAP_AT))
    .map(escapeBlockTag)
    .join('\n');
}

/** Prose that starts a line with `@word` would read as a TSDoc tag (`@deprecated`): escape it. */
function escapeBlockTag(line: string): string {
  return line.replace(/^(\s*)@/, '$1\\@');
}

// Doc lines are wrapped here because prettier leaves comments as they are.
const WRAP_AT = 96;

function wrapLine(line: string, width: number): string[] {
  if (line.length <= width) return [line];
  const indent = /^(\s*(?:- )?)/.exec(line)?.[1]?.replace('-', ' ') ?? '';
  const lines: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (current !== '' && current.length + 1 + word.length > width) {
      lines.push(current);
      current = indent + word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  lines.push(current);
  return lines;
}

/** A `/** ... *\/` block (see docText), or '' when there is nothing to say. */
export function docComment(...paragraphs: (string | undefined)[]): string {
  return docBlock(docText(...paragraphs));
}

/** A `/** ... *\/` block of text already made safe by docText (with tags added after it), or ''. */
export function docBlock(text: string): string {
  if (text === '') return '';
  const lines = text.split('\n');
  if (lines.length === 1) return `/** ${lines[0]} */`;
  return ['/**', ...lines.map((line) => (line === '' ? ' *' : ` * ${line}`)), ' */'].join('\n');
}
