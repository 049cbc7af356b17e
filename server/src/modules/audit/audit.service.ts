import { Types } from 'mongoose';
import type { Viewer } from '../../auth/token';
import { serviceUnavailable } from '../../errors';
import type { Logger } from '../../logger';
import { Role } from '../user/user-enums';
import { isDuplicateKeyError, retryWhileBusy } from '../shared/mongo-errors';
import { AuditAction, AuditEventModel, type AuditEventDoc } from './audit.model';
import { toAuditEvent, type AuditEvent } from './audit.type';

export { AuditAction };

/** Who acted, and from where (the caller's address as the context saw it). */
export interface AuditActor {
  viewer: Viewer;
  ip: string | null;
}

/** Where a request came from, for services that record what it did: its address and its logger. */
export interface AuditOrigin {
  ip: string | null;
  /** Receives the full event when the log cannot be written (see recordAudit). */
  logger?: Logger;
}

export interface AuditRecord {
  /** Derived from the action (`checkin:<id>`, `review:<decisionId>`): a retried action is one event. */
  id: string;
  action: AuditAction;
  actor: AuditActor;
  subjectType: 'lecture' | 'course' | 'user' | 'export';
  subjectId: string;
  countyCode: string | null | undefined;
  detail: string;
  at?: Date;
}

/**
 * Writes one event; an event already on record under the same id (the action retried) is kept as
 * it is. Failure policy: fail closed. If the log cannot be written the request fails with a
 * retryable error rather than leave an action nobody can trace; every recorded action is
 * idempotent (check-ins, decisions, exports) or already done (role change, sign-out), so the
 * caller's retry costs nothing twice, and the event is also logged in full here so the trail
 * survives in the logs even when the retry never comes.
 */
export async function recordAudit(record: AuditRecord, logger?: Logger): Promise<void> {
  const doc = {
    _id: record.id,
    action: record.action,
    at: record.at ?? new Date(),
    actorId: new Types.ObjectId(record.actor.viewer.userId),
    actorRole: record.actor.viewer.role,
    subjectType: record.subjectType,
    subjectId: record.subjectId,
    countyCode: record.countyCode ?? undefined,
    detail: record.detail,
    ip: record.actor.ip ?? undefined,
  };
  try {
    await retryWhileBusy(() => AuditEventModel.create(doc));
  } catch (error) {
    if (isDuplicateKeyError(error)) return;
    logger?.error({ err: error, audit: doc }, 'audit event could not be written; the action is refused');
    throw serviceUnavailable('The action could not be recorded in the audit log; please try again');
  }
}

export interface AuditQuery {
  action?: AuditAction | null;
  since?: Date | null;
  before?: Date | null;
  /** With `before`: the id of the last event seen, so events sharing its `at` are not skipped. */
  beforeId?: string | null;
  limit: number;
}

/**
 * Newest first. A county organizer sees their county's events; a city organizer and admins all.
 * (The engine scans the collection for any filter but `_id`; a year of a city's events is a few
 * hundred thousand small documents: archive older years before that matters.)
 */
export async function listAuditEvents(viewer: Viewer, query: AuditQuery): Promise<AuditEvent[]> {
  const filter: Record<string, unknown> = {};
  if (viewer.role === Role.ORGANIZER && viewer.countyCode) filter.countyCode = viewer.countyCode;
  if (query.action) filter.action = query.action;
  const and: Record<string, unknown>[] = [];
  if (query.since) and.push({ at: { $gte: query.since } });
  // Newest first is (at, _id) descending: the next page starts after the last event seen in that
  // order. With `at` alone, events of the same millisecond as the last one seen would be skipped.
  if (query.before && query.beforeId) {
    and.push({ $or: [{ at: { $lt: query.before } }, { at: query.before, _id: { $lt: query.beforeId } }] });
  } else if (query.before) {
    and.push({ at: { $lt: query.before } });
  }
  if (and.length) filter.$and = and;
  const docs = await AuditEventModel.find(filter).sort({ at: -1, _id: -1 }).limit(query.limit).lean<AuditEventDoc[]>();
  return docs.map(toAuditEvent);
}
