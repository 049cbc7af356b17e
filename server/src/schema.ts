import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { CountyResolver } from './modules/county/county.resolver';
import { LectureConnectionResolver, LectureResolver } from './modules/lecture/lecture.resolver';
import { VenueResolver } from './modules/venue/venue.resolver';

export const resolvers = [CountyResolver, LectureResolver, LectureConnectionResolver, VenueResolver] as const;

export function createSchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers, validate: true });
}
