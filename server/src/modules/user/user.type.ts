import { Field, ID, ObjectType } from 'type-graphql';
import { AgeGroup, GuardianKind, Role } from './user-enums';
import type { UserDoc } from './user.model';

@ObjectType({ description: 'A signed-in person: parent, lecturer, organizer or admin' })
export class User {
  @Field(() => ID)
  id!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => String, { nullable: true })
  displayName!: string | null;

  @Field(() => String, { nullable: true, description: 'Home county; for an organizer, the county they manage (none: the whole city)' })
  countyCode!: string | null;

  @Field(() => GuardianKind, { nullable: true })
  guardianKind!: GuardianKind | null;

  @Field(() => [AgeGroup])
  childrenAgeGroups!: AgeGroup[];

  @Field(() => String, { nullable: true, description: 'In full to its owner only; masked (138****5678) to everyone else' })
  phone?: string | null;

  /** The unmasked number; `phone` decides what a viewer sees. */
  fullPhone!: string | null;

  /** The lecturer profile the account acts as; resolved to `lecturer` for lecturers. */
  lecturerId!: string | null;

  /** Carried in session tokens; never sent to clients (see UserModel). */
  sessionEpoch!: string | null;
}

export function toUser(doc: UserDoc): User {
  return {
    id: doc._id.toHexString(),
    role: doc.role as Role,
    displayName: doc.displayName ?? null,
    countyCode: doc.countyCode ?? null,
    guardianKind: (doc.guardianKind as GuardianKind | undefined) ?? null,
    childrenAgeGroups: (doc.childrenAgeGroups ?? []) as AgeGroup[],
    fullPhone: doc.phone ?? null,
    lecturerId: doc.lecturerId?.toHexString() ?? null,
    sessionEpoch: doc.sessionEpoch ?? null,
  };
}

/** How a household is named to lecturers and on certificates: its display name, or 家长. */
export function householdName(displayName: string | null | undefined): string {
  return displayName?.trim() || '家长';
}

export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

@ObjectType({ description: 'A session: send the token as `Authorization: Bearer <token>`' })
export class AuthPayload {
  @Field()
  token!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => User)
  user!: User;
}
