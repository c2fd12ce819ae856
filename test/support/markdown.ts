// Code blocks read straight from the docs, so the tests compile what a reader sees.

/** The fenced blocks of one markdown text with the given info string (`ts`, `ts whole-api`), in order. */
export function fencedBlocks(markdown: string, info: string): string[] {
  return [...markdown.matchAll(/^```([^\n]*)\n([\s\S]*?)^```$/gm)].filter((m) => m[1]!.trim() === info).map((m) => m[2]!);
}
