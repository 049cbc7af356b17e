import { Field, ID, ObjectType } from 'type-graphql';
import type { CountyDoc } from './county.model';

@ObjectType({ description: 'A county-level division of Nanping' })
export class County {
  @Field(() => ID, { description: 'National administrative code, e.g. 350702' })
  code!: string;

  @Field()
  name!: string;
}

export function toCounty(doc: CountyDoc): County {
  return { code: doc._id, name: doc.name };
}
