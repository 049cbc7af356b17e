import { Query, Resolver } from 'type-graphql';
import { County } from './county.type';
import { listCounties } from './county.service';

@Resolver(() => County)
export class CountyResolver {
  @Query(() => [County], { description: 'The ten counties of Nanping in the order the city lists them' })
  counties(): Promise<County[]> {
    return listCounties();
  }
}
