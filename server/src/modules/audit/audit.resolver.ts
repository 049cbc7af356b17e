import { Args, Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Role } from '../user/user-enums';
import { AuditEventsArgs } from './audit.input';
import { listAuditEvents } from './audit.service';
import { AuditEvent } from './audit.type';

/** Read-only on purpose: events are written by the services that act, never through the API. */
@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Query(() => [AuditEvent], { description: 'Organizers and admins: the audit log, newest first. A county organizer sees events of their county only. Insert-only: no mutation edits it.' })
  auditEvents(@Args() { action, since, before, beforeId, limit }: AuditEventsArgs, @Ctx() { viewer }: Context): Promise<AuditEvent[]> {
    return listAuditEvents(viewer!, { action, since, before, beforeId, limit: limit ?? 50 });
  }

  @FieldResolver(() => String, { nullable: true, description: "The actor's network address: admins only (null for everyone else: it may be a household's)" })
  ip(@Root() event: AuditEvent, @Ctx() { viewer }: Context): string | null {
    // Organizers read their county's log, which holds parents' own actions (SESSIONS_ENDED).
    return viewer?.role === Role.ADMIN ? event.ip : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "The actor's display name (masked phone or nickname), via a loader." })
  actorName(@Root() event: AuditEvent, @Ctx() { loaders }: Context): Promise<string | null> {
    return loaders.auditActorName.load(event.actorId);
  }
}
