import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Role } from '../user/user-enums';
import { AuditAction, type AuditEventDoc } from './audit.model';

registerEnumType(AuditAction, {
  name: 'AuditAction',
  valuesConfig: {
    CHECK_IN: { description: 'A household checked in at the door (also each item of a synced offline queue)' },
    WALK_IN: { description: 'A walk-in recorded at the door' },
    ROLE_CHANGED: { description: 'setUserRole; detail "PARENT → ORGANIZER (350702)"' },
    SESSIONS_ENDED: { description: 'signOutEverywhere' },
    EXPORT_DOWNLOADED: { description: '/exports/outreach*.csv; detail names the file, year and county' },
  },
});

@ObjectType({ description: 'One entry of the audit log: who did what to what, when and from where. Never edited.' })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => AuditAction)
  action!: AuditAction;

  @Field()
  at!: Date;

  @Field(() => ID)
  actorId!: string;

  @Field(() => Role, { description: 'The role the actor acted in, at the time' })
  actorRole!: Role;

  @Field(() => String, { description: '"lecture" | "course" | "user" | "export"' })
  subjectType!: string;

  @Field(() => String)
  subjectId!: string;

  @Field(() => String, { nullable: true })
  countyCode!: string | null;

  @Field(() => String)
  detail!: string;

  /** Resolved by AuditResolver.ip: admins only. */
  ip!: string | null;
}

export function toAuditEvent(doc: AuditEventDoc): AuditEvent {
  return {
    id: doc._id,
    action: doc.action as AuditAction,
    at: doc.at,
    actorId: doc.actorId.toHexString(),
    actorRole: doc.actorRole as Role,
    subjectType: doc.subjectType,
    subjectId: doc.subjectId,
    countyCode: doc.countyCode ?? null,
    detail: doc.detail,
    ip: doc.ip ?? null,
  };
}
