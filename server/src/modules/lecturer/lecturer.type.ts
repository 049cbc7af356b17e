import { Field, ID, ObjectType } from 'type-graphql';
import type { LecturerDoc } from './lecturer.model';

@ObjectType({ description: 'A family-education lecturer' })
export class Lecturer {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Professional title, e.g. 国家二级心理咨询师' })
  title!: string | null;

  @Field(() => String, { nullable: true })
  bio!: string | null;
}

export function toLecturer(doc: LecturerDoc): Lecturer {
  return { id: doc._id.toHexString(), name: doc.name, title: doc.title ?? null, bio: doc.bio ?? null };
}
