/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query Counties {\n  counties {\n    code\n    name\n  }\n}": typeof types.CountiesDocument,
    "query Lectures($first: Int!, $after: String, $filter: LectureFilter) {\n  lectures(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      cursor\n      node {\n        id\n        title\n        startsAt\n        endsAt\n        seatsLeft\n        venue {\n          id\n          name\n          type\n          isPracticeBase\n          county {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n}\n\nquery LectureDetail($id: ID!) {\n  lecture(id: $id) {\n    id\n    title\n    startsAt\n    endsAt\n    capacity\n    seatsLeft\n    tags\n    summary\n    venue {\n      id\n      name\n      address\n      type\n      isPracticeBase\n      county {\n        code\n        name\n      }\n    }\n    lecturer {\n      id\n      name\n      title\n      bio\n    }\n  }\n}": typeof types.LecturesDocument,
};
const documents: Documents = {
    "query Counties {\n  counties {\n    code\n    name\n  }\n}": types.CountiesDocument,
    "query Lectures($first: Int!, $after: String, $filter: LectureFilter) {\n  lectures(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      cursor\n      node {\n        id\n        title\n        startsAt\n        endsAt\n        seatsLeft\n        venue {\n          id\n          name\n          type\n          isPracticeBase\n          county {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n}\n\nquery LectureDetail($id: ID!) {\n  lecture(id: $id) {\n    id\n    title\n    startsAt\n    endsAt\n    capacity\n    seatsLeft\n    tags\n    summary\n    venue {\n      id\n      name\n      address\n      type\n      isPracticeBase\n      county {\n        code\n        name\n      }\n    }\n    lecturer {\n      id\n      name\n      title\n      bio\n    }\n  }\n}": types.LecturesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Counties {\n  counties {\n    code\n    name\n  }\n}"): typeof import('./graphql').CountiesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Lectures($first: Int!, $after: String, $filter: LectureFilter) {\n  lectures(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      endCursor\n      hasNextPage\n    }\n    edges {\n      cursor\n      node {\n        id\n        title\n        startsAt\n        endsAt\n        seatsLeft\n        venue {\n          id\n          name\n          type\n          isPracticeBase\n          county {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n}\n\nquery LectureDetail($id: ID!) {\n  lecture(id: $id) {\n    id\n    title\n    startsAt\n    endsAt\n    capacity\n    seatsLeft\n    tags\n    summary\n    venue {\n      id\n      name\n      address\n      type\n      isPracticeBase\n      county {\n        code\n        name\n      }\n    }\n    lecturer {\n      id\n      name\n      title\n      bio\n    }\n  }\n}"): typeof import('./graphql').LecturesDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
