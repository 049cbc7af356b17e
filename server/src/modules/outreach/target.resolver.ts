import { Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root, UseMiddleware, type MiddlewareFn } from 'type-graphql';
import type { Context } from '../../context';
import { loadRequired } from '../shared/by-id-loader';
import { Role } from '../user/user-enums';
import { County } from '../county/county.type';
import { OutreachTargetsArgs, SetOutreachTargetsArgs } from './target.input';
import { OutreachTarget, toOutreachTarget } from './target.type';
import { readTargets, requireCityOrganizer, setTargets } from './target.service';

/**
 * Runs before the arguments are validated, so a county organizer is told FORBIDDEN whatever they
 * sent, rather than learning about the input rules of a mutation they may not use.
 */
const CityOrganizersOnly: MiddlewareFn<Context> = ({ context }, next) => {
  requireCityOrganizer(context.viewer);
  return next();
};

@Resolver(() => OutreachTarget)
export class OutreachTargetResolver {
  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @Query(() => [OutreachTarget], {
    description: 'Set targets of the scope (organizers covering it; a county organizer: own county only). Rows never set are absent',
  })
  async outreachTargets(@Args() { year, countyCode }: OutreachTargetsArgs, @Ctx() { viewer }: Context): Promise<OutreachTarget[]> {
    return (await readTargets(viewer!, year, countyCode)).map(toOutreachTarget);
  }

  @Authorized(Role.ORGANIZER, Role.ADMIN)
  @UseMiddleware(CityOrganizersOnly)
  @Mutation(() => [OutreachTarget], {
    description: 'City organizers (ORGANIZER without county) and ADMIN only: county organizers read their targets but the city sets them. Returns every target of the scope',
  })
  async setOutreachTargets(@Args() { input }: SetOutreachTargetsArgs, @Ctx() { viewer }: Context): Promise<OutreachTarget[]> {
    return (await setTargets(viewer!, input)).map(toOutreachTarget);
  }

  @FieldResolver(() => County, { nullable: true, description: 'null: the city as a whole' })
  async county(@Root() target: OutreachTarget, @Ctx() { loaders }: Context): Promise<County | null> {
    return target.countyCode === null ? null : loadRequired(loaders.county, target.countyCode, 'County');
  }
}
