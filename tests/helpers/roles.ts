import { postGraphQL } from './graphql';

export type RoleName = 'PARENT' | 'LECTURER' | 'ORGANIZER' | 'ADMIN';

export interface SignedIn {
  token: string;
  userId: string;
  /** A lecturer's profile id (what lectures and courses point at). */
  lecturerId: string | null;
}

const SIGN_IN_AS = `mutation($openId: String!, $role: Role, $countyCode: ID, $lecturerId: ID) {
  signInForDevelopment(openId: $openId, role: $role, countyCode: $countyCode, lecturerId: $lecturerId) {
    token user { id lecturer { id } }
  }
}`;

/**
 * Signs in through the development sign-in in a role: a LECTURER gets a lecturer profile of its
 * own (or acts as `lecturerId`), an ORGANIZER manages `countyCode` (none: the whole city).
 */
export async function signInAs(
  url: string,
  openId: string,
  role: RoleName,
  options: { countyCode?: string; lecturerId?: string } = {},
): Promise<SignedIn> {
  const body = await postGraphQL(url, SIGN_IN_AS, { openId, role, ...options });
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  const { token, user } = body.data.signInForDevelopment;
  return { token, userId: user.id, lecturerId: user.lecturer?.id ?? null };
}
