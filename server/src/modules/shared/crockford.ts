/** Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand is not misheard. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The top `5 × length` bits of a digest as `length` Crockford characters, most significant first. */
export function crockfordCode(digest: Uint8Array, length: number): string {
  const bytes = Math.ceil((5 * length) / 8);
  let bits = 0n;
  for (const byte of digest.subarray(0, bytes)) bits = (bits << 8n) | BigInt(byte);
  bits >>= BigInt(8 * bytes - 5 * length);
  let text = '';
  for (let i = 0; i < length; i++) text = CROCKFORD_ALPHABET[Number((bits >> BigInt(5 * i)) & 31n)] + text;
  return text;
}
