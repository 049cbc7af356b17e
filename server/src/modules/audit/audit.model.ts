import { Schema, model, type InferSchemaType } from 'mongoose';

export enum AuditAction {
  /** A household checked in at the door (also each scan of a synced offline queue). */
  CHECK_IN = 'CHECK_IN',
  WALK_IN = 'WALK_IN',
  COURSE_APPROVED = 'COURSE_APPROVED',
  COURSE_REJECTED = 'COURSE_REJECTED',
  LECTURE_APPROVED = 'LECTURE_APPROVED',
  LECTURE_REJECTED = 'LECTURE_REJECTED',
  ROLE_CHANGED = 'ROLE_CHANGED',
  SESSIONS_ENDED = 'SESSIONS_ENDED',
  EXPORT_DOWNLOADED = 'EXPORT_DOWNLOADED',
}

/**
 * Who did what, when and from where: insert-only. `_id` is derived from the action itself
 * (`checkin:<checkInId>`, `review:<decisionId>`, …), so an action retried after a lost answer is
 * one event, not two; and no code path updates or deletes (see the hooks below).
 */
const auditEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    action: { type: String, enum: Object.values(AuditAction), required: true },
    at: { type: Date, required: true },
    actorId: { type: Schema.Types.ObjectId, required: true },
    actorRole: { type: String, required: true },
    subjectType: { type: String, required: true },
    subjectId: { type: String, required: true },
    /** The county the subject belongs to: county organizers read their county's events only. */
    countyCode: { type: String },
    detail: { type: String, required: true },
    ip: { type: String },
  },
  { versionKey: false },
);
auditEventSchema.index({ at: -1 });
auditEventSchema.index({ countyCode: 1, at: -1 });

// Defence in depth: a future service that tries to edit the log fails loudly instead of quietly
// rewriting history. (The API has no mutation that reaches this model but `recordAudit`.)
const EDITS = ['updateOne', 'updateMany', 'findOneAndUpdate', 'replaceOne', 'findOneAndReplace', 'deleteOne', 'deleteMany', 'findOneAndDelete'] as const;
for (const operation of EDITS) {
  auditEventSchema.pre(operation, function refuseEdit() {
    throw new Error(`audit events are insert-only (${operation} refused)`);
  });
}

export type AuditEventDoc = InferSchemaType<typeof auditEventSchema> & { _id: string };
export const AuditEventModel = model('AuditEvent', auditEventSchema, 'audit_events');
