/**
 * A case-insensitive pattern matching user text literally, never as a regular expression: a
 * search for `a.*b` finds "a.*b", and no client can send the engine a costly pattern.
 */
export function literalPattern(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
}
