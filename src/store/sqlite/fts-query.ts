/**
 * Turns what a user types into an FTS5 query without letting FTS5 syntax errors reach them:
 * "quoted phrases" stay phrases, `word*` stays a prefix query, OR and NOT (upper case) are kept,
 * every other term is quoted so punctuation cannot break the query. Terms are ANDed.
 */
export function toFtsQuery(input: string): string | undefined {
  const parts: string[] = [];
  const pattern = /"([^"]*)"|(\S+)/g;
  for (let match = pattern.exec(input); match; match = pattern.exec(input)) {
    if (match[1] !== undefined) {
      const phrase = words(match[1]).join(' ');
      if (phrase) parts.push(`"${phrase}"`);
      continue;
    }
    const token = match[2] as string;
    if (token === 'OR' || token === 'NOT' || token === 'AND') {
      if (parts.length > 0) parts.push(token);
      continue;
    }
    const prefix = token.endsWith('*');
    for (const word of words(token)) parts.push(prefix ? `"${word}"*` : `"${word}"`);
  }
  while (parts.length && ['OR', 'NOT', 'AND'].includes(parts[parts.length - 1] as string)) parts.pop();
  return parts.length ? parts.join(' ') : undefined;
}

function words(text: string): string[] {
  return text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}
