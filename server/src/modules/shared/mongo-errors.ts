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

/**
 * Runs a write again, after a short random pause, while the engine answers SQLITE_BUSY (nothing was
 * written then): under a booking storm two connections contend for SQLite's one write lock, and a
 * household's booking must not fail for it. Only for writes that are safe to repeat.
 */
export async function retryWhileBusy<T>(write: () => Promise<T>, tries = 5): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write();
    } catch (error) {
      if (!isEngineBusyError(error) || attempt >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 + Math.floor(Math.random() * 40 * attempt)));
    }
  }
}
