/** E11000: a unique index refused the write. Both MongoDB and FerretDB report this code. */
export function isDuplicateKeyError(error: unknown): boolean {
  const e = error as { code?: number; writeErrors?: Array<{ code?: number }> } | null;
  return e?.code === 11000 || Boolean(e?.writeErrors?.some((w) => w.code === 11000));
}
