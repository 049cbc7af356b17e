import { ArgsType, Field, ID, Int } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { AuditAction } from './audit.model';

@ArgsType()
export class AuditEventsArgs {
  @Field(() => AuditAction, { nullable: true })
  action?: AuditAction | null;

  @Field(() => Date, { nullable: true, description: 'Events at or after this moment' })
  since?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Events before this moment. Next page: the `at` of the last event seen, with its id as `beforeId`' })
  before?: Date | null;

  @Field(() => ID, { nullable: true, description: 'With `before`: the id of the last event seen, so the next page also holds the events of the same moment that did not fit' })
  @IsOptional()
  @MaxLength(200)
  beforeId?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 50, description: '1 to 200' })
  @IsOptional()
  @Min(1)
  @Max(200)
  limit?: number | null;
}
