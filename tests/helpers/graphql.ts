// Shared with npm run bench (scripts/lib/graphql.ts).
export { postGraphQL, type GraphQLResponse } from '../../scripts/lib/graphql';
