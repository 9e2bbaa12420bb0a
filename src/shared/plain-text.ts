/**
 * Plain text into paragraphs, the one rule every path uses (wire copy, "paste as plain text",
 * the command line): blank lines (or lines of only spaces) separate paragraphs, a single line
 * break inside one becomes a space, and no paragraph is ever empty. One pass over the lines
 * (a regular expression around every line break was the slowest part of a wire import).
 */
export function plainTextToParagraphs(text: string): string[] {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (line) {
      lines.push(line);
    } else if (lines.length > 0) {
      paragraphs.push(lines.join(' '));
      lines = [];
    }
  }
  if (lines.length > 0) paragraphs.push(lines.join(' '));
  return paragraphs;
}
