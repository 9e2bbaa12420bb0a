/**
 * Plain text into paragraphs, the one rule every path uses (wire copy, "paste as plain text",
 * the command line): blank lines (or lines of only spaces) separate paragraphs, a single line
 * break inside one becomes a space, and no paragraph is ever empty.
 */
export function plainTextToParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n/)
    .map((p) => p.replace(/[^\S\n]*\n[^\S\n]*/g, ' ').trim())
    .filter((p) => p.length > 0);
}
