/** E11000: a unique index refused the write. Both MongoDB and FerretDB report this code. */
export function isDuplicateKeyError(error: unknown): boolean {
  const e = error as { code?: number; writeErrors?: Array<{ code?: number }> } | null;
  return e?.code === 11000 || Boolean(e?.writeErrors?.some((w) => w.code === 11000));
}

/**
 * FerretDB on SQLite refuses a write with "database is locked (SQLITE_BUSY)" while another
 * connection holds the file's write lock (seen with two server processes in a booking storm).
 * Nothing was written; the same write a moment later succeeds.
 */
export function isEngineBusyError(error: unknown): boolean {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message.includes('SQLITE_BUSY');
}
