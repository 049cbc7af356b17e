import { ipKeyGenerator } from 'express-rate-limit';
import mongoose from 'mongoose';
import type { RateLimitConfig, RateLimitedAction } from '../../config';
import { rateLimited, serviceUnavailable, type RateLimitScope } from '../../errors';
import { isDuplicateKeyError } from '../shared/mongo-errors';

/**
 * Rate limits shared by every server instance on one database, exact on FerretDB and MongoDB.
 *
 * Why not a counter (`$inc`, e.g. rate-limiter-flexible's RateLimiterMongo): FerretDB reads, changes
 * and writes a document back, so concurrent increments are lost. Measured on FerretDB 1.24 with two
 * clients and 100 parallel attempts at a limit of 10, RateLimiterMongo let 12, 100 and 99 through;
 * 200 parallel `$inc` of one document left it at 3.
 *
 * Instead a fixed window has numbered slots `<action>:<scope>:<key>:<windowStart>:<n>`, n = 1..limit,
 * and an attempt is allowed when it inserts one: the unique `_id` lets exactly one instance take each
 * slot, so across all instances exactly `limit` attempts pass per window. A process remembers the
 * next slot worth trying, so an allowed attempt costs ~1 insert per scope, and once it has seen every
 * slot taken it refuses without touching the database: a flood costs nothing.
 */

/** Slots live in one collection per hour in which their windows end; a whole hour is dropped at once. */
export const SLOT_COLLECTION_PREFIX = 'rate_limit_slots_';
const BUCKET_MS = 3600_000;

export function slotCollectionName(windowEndMs: number): string {
  // YYYYMMDDHH (UTC): fixed width, so names sort by time.
  const stamp = new Date(Math.floor(windowEndMs / BUCKET_MS) * BUCKET_MS).toISOString().slice(0, 13).replace(/\D/g, '');
  return SLOT_COLLECTION_PREFIX + stamp;
}

interface WindowHint {
  /** The lowest slot this process has not yet tried; slots below it are taken (by us or another instance). */
  next: number;
  windowEnd: number;
}

/**
 * The address as one key. An IPv6 client counts as its /64: a provider hands one phone or home a
 * whole /64, so a key per address would let it take a fresh budget with every address it picks.
 * An IPv4 client reached over an IPv6 socket (::ffff:a.b.c.d) counts as its IPv4 address.
 * express-rate-limit's `ipKeyGenerator` does both (with ip-address, which parses every IPv6 form).
 */
export function ipKey(ip: string): string {
  return ip ? ipKeyGenerator(ip, 64) : 'unknown';
}

export class RateLimiter {
  private readonly hints = new Map<string, WindowHint>();
  private nextPruneAt = 0;

  constructor(
    private readonly config: RateLimitConfig,
    private readonly clock: () => number = Date.now,
  ) {
    // RATE_LIMITS is hand-written JSON: a typo must stop the start, not disable or break a limit.
    for (const [action, rule] of Object.entries(config.rules)) {
      const whole = (value: unknown, min: number) => Number.isInteger(value) && (value as number) >= min;
      if (!whole(rule.perUser, 0) || !whole(rule.perIp, 0) || !whole(rule.windowSeconds, 1)) {
        throw new Error(`rate limit "${action}" needs whole numbers perUser >= 0, perIp >= 0 and windowSeconds >= 1, got ${JSON.stringify(rule)}`);
      }
    }
  }

  /**
   * Counts one attempt at `action` by the signed-in user (when there is one) and the address; throws
   * the RATE_LIMITED error when either has used up its window. The user is counted first, so someone
   * over their own limit spends none of the budget their neighbours behind the same IP share.
   */
  async attempt(action: RateLimitedAction, userId: string | null, ip: string): Promise<void> {
    if (!this.config.enabled) return;
    const rule = this.config.rules[action];
    const now = this.clock();
    const windowMs = rule.windowSeconds * 1000;
    const windowStart = Math.floor(now / windowMs) * windowMs;
    const windowEnd = windowStart + windowMs;
    this.pruneHints(now);

    // A limit of 0 leaves that scope unlimited (sign-in has no user yet: its address only).
    const scopes: Array<[RateLimitScope, string, number]> = [];
    if (userId && rule.perUser > 0) scopes.push(['user', userId, rule.perUser]);
    if (rule.perIp > 0) scopes.push(['ip', ipKey(ip), rule.perIp]);

    for (const [scope, key, limit] of scopes) {
      if (!(await this.claimSlot(`${action}:${scope}:${key}:${windowStart}`, limit, windowEnd))) {
        throw rateLimited(Math.max(1, Math.ceil((windowEnd - this.clock()) / 1000)), scope);
      }
    }
  }

  private async claimSlot(windowKey: string, limit: number, windowEnd: number): Promise<boolean> {
    let hint = this.hints.get(windowKey);
    if (!hint) {
      hint = { next: 1, windowEnd };
      this.hints.set(windowKey, hint);
    }
    const db = mongoose.connection.db;
    if (!db) throw serviceUnavailable('The database is not reachable right now');
    const slots = db.collection<{ _id: string; expiresAt: Date }>(slotCollectionName(windowEnd));
    while (hint.next <= limit) {
      // Taken before the await, so parallel attempts in this process try different slots.
      const n = hint.next++;
      try {
        await slots.insertOne({ _id: `${windowKey}:${n}`, expiresAt: new Date(windowEnd) });
        return true;
      } catch (error) {
        // Another instance holds slot n: try the next. Any other failure is the database's: give
        // the slot back unless a later one was handed out meanwhile (then it stays skipped: at
        // worst one attempt fewer is allowed, never one more), so an outage does not use up a window.
        if (!isDuplicateKeyError(error)) {
          if (hint.next === n + 1) hint.next = n;
          throw error;
        }
      }
    }
    return false;
  }

  /** Forgets windows that have ended, once a minute, so the hints stay as small as the traffic. */
  private pruneHints(now: number): void {
    if (now < this.nextPruneAt) return;
    this.nextPruneAt = now + 60_000;
    for (const [key, hint] of this.hints) if (hint.windowEnd <= now) this.hints.delete(key);
  }
}
