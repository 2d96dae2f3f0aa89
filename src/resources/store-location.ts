/**
 * What a `--db` value names: a SQLite file path, or the URL of a PostgreSQL database. Here, at the
 * bottom, so the CLI can tell them apart and print them without loading the stores.
 */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A store location as it may be printed: a password in a URL becomes `***`. */
export function printableLocation(location: string): string {
  return location.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
