export interface GraphQLResponse<T = any> {
  status: number;
  data?: T;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, any> }>;
}

/**
 * POSTs a GraphQL request to a server at `baseUrl` (in this process or a child), with
 * `Authorization: Bearer <token>` when a token is given.
 */
export async function postGraphQL<T = any>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLResponse<T>;
  return { status: response.status, data: body.data, errors: body.errors };
}

/** The answer's `data`; a request that answers errors throws them (for scripts that only read). */
export async function graphqlData<T = any>(baseUrl: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const body = await postGraphQL<T>(baseUrl, query, variables, token);
  if (body.errors) throw new Error(`${query.slice(0, 80)}…: ${JSON.stringify(body.errors)}`);
  return body.data as T;
}
