/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AgeGroup =
  /** 15–18 岁，高中 */
  | 'HIGH_SCHOOL'
  /** 0–3 岁 */
  | 'INFANT'
  /** 12–15 岁，初中 */
  | 'MIDDLE_SCHOOL'
  /** 3–6 岁，幼儿园 */
  | 'PRESCHOOL'
  /** 6–12 岁，小学 */
  | 'PRIMARY';

/** Narrows the lecture list; every given condition must hold */
export type LectureFilter = {
  /** Only lectures for children of this stage (or for every age) */
  ageGroup?: AgeGroup | null | undefined;
  /** Administrative code of a county, e.g. 350702 */
  countyCode?: string | null | undefined;
  /** Only lectures still to end after this instant (under way or later) */
  from?: string | null | undefined;
  /** Words to find in the title or summary */
  search?: string | null | undefined;
  /** Only lectures starting before this instant */
  to?: string | null | undefined;
  venueType?: VenueType | null | undefined;
};

/** The five venues of outreach (五进) */
export type VenueType =
  /** 进社区: urban community centres */
  | 'COMMUNITY'
  /** 进企业: companies and industrial parks */
  | 'ENTERPRISE'
  /** 进机关: government offices and public institutions */
  | 'GOVERNMENT'
  /** 进学校: schools, kindergartens, parent schools */
  | 'SCHOOL'
  /** 进农村: village halls, rural family-education stations */
  | 'VILLAGE';

export type CountiesQueryVariables = Exact<{ [key: string]: never; }>;


export type CountiesQuery = { counties: Array<{ code: string, name: string }> };

export type LecturesQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: LectureFilter | null | undefined;
}>;


export type LecturesQuery = { lectures: { totalCount: number, pageInfo: { endCursor: string | null, hasNextPage: boolean }, edges: Array<{ cursor: string, node: { id: string, title: string, startsAt: string, endsAt: string, seatsLeft: number, venue: { id: string, name: string, type: VenueType, isPracticeBase: boolean, county: { code: string, name: string } } } }> } };

export type LectureDetailQueryVariables = Exact<{
  id: string;
}>;


export type LectureDetailQuery = { lecture: { id: string, title: string, startsAt: string, endsAt: string, capacity: number, seatsLeft: number, tags: Array<string>, summary: string, venue: { id: string, name: string, address: string, type: VenueType, isPracticeBase: boolean, county: { code: string, name: string } }, lecturer: { id: string, name: string, title: string | null, bio: string | null } } | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CountiesDocument = new TypedDocumentString(`
    query Counties {
  counties {
    code
    name
  }
}
    `) as unknown as TypedDocumentString<CountiesQuery, CountiesQueryVariables>;
export const LecturesDocument = new TypedDocumentString(`
    query Lectures($first: Int!, $after: String, $filter: LectureFilter) {
  lectures(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo {
      endCursor
      hasNextPage
    }
    edges {
      cursor
      node {
        id
        title
        startsAt
        endsAt
        seatsLeft
        venue {
          id
          name
          type
          isPracticeBase
          county {
            code
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LecturesQuery, LecturesQueryVariables>;
export const LectureDetailDocument = new TypedDocumentString(`
    query LectureDetail($id: ID!) {
  lecture(id: $id) {
    id
    title
    startsAt
    endsAt
    capacity
    seatsLeft
    tags
    summary
    venue {
      id
      name
      address
      type
      isPracticeBase
      county {
        code
        name
      }
    }
    lecturer {
      id
      name
      title
      bio
    }
  }
}
    `) as unknown as TypedDocumentString<LectureDetailQuery, LectureDetailQueryVariables>;