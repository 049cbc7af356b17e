import { Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { forbidden, unauthenticated } from '../../errors';
import { DevelopmentSignInArgs, SetRoleArgs, UpdateProfileArgs, WechatSignInArgs } from './user.input';
import { Role } from './user-enums';
import { parseObjectId } from '../shared/object-id';
import { checkLecturerToActAs, findOrCreateUser, getUser, linkLecturer, setRole, setUserRole, signOutEverywhere, updateProfile } from './user.service';
import { AuthPayload, maskPhone, User } from './user.type';
import { Lecturer } from '../lecturer/lecturer.type';
import { RateLimited } from '../rate-limit/rate-limit.middleware';

async function sessionFor(user: User, ctx: Context): Promise<AuthPayload> {
  const lecturerId = user.role === Role.LECTURER ? user.lecturerId : null;
  const { token, expiresAt } = await ctx.tokens.issue({ userId: user.id, role: user.role, countyCode: user.countyCode, lecturerId, sessionEpoch: user.sessionEpoch });
  return { token, expiresAt, user };
}

@Resolver(() => User)
export class UserResolver {
  @Mutation(() => AuthPayload, { description: 'Signs in with the code from Taro.login; creates a parent account the first time' })
  @RateLimited('signIn')
  async signInWithWechat(@Args() { code }: WechatSignInArgs, @Ctx() ctx: Context): Promise<AuthPayload> {
    const session = await ctx.wechat.code2Session(code);
    return sessionFor(await findOrCreateUser(session.openId), ctx);
  }

  @Mutation(() => AuthPayload, { description: 'Outside production only: sign in as anyone, in any role (H5 and demos)' })
  @RateLimited('signIn')
  async signInForDevelopment(@Args() { openId, role, countyCode, lecturerId }: DevelopmentSignInArgs, @Ctx() ctx: Context): Promise<AuthPayload> {
    if (ctx.isProduction) throw forbidden('Development sign-in is switched off in production');
    if (lecturerId) await checkLecturerToActAs(lecturerId, role);
    let user = await findOrCreateUser(`dev:${openId}`, { role, countyCode });
    if (role && (role !== user.role || (countyCode ?? null) !== user.countyCode || (role === Role.LECTURER && !user.lecturerId))) {
      user = await setRole(user.id, role, countyCode ?? null);
    }
    if (role === Role.LECTURER && lecturerId && user.lecturerId !== lecturerId) user = await linkLecturer(user.id, lecturerId);
    return sessionFor(user, ctx);
  }

  @Authorized()
  @Query(() => User, { description: 'The signed-in user' })
  me(@Ctx() ctx: Context): Promise<User> {
    return getUser(ctx.viewer!.userId);
  }

  @Authorized()
  @Mutation(() => User)
  updateProfile(@Args() { input }: UpdateProfileArgs, @Ctx() ctx: Context): Promise<User> {
    return updateProfile(ctx.viewer!.userId, input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => User, { description: 'Admins only: gives a user a role (and an organizer or lecturer their county). A change ends every session of the user at their next request: they sign in again in the new role (the mini program does so by itself)' })
  setUserRole(@Args() { userId, role, countyCode }: SetRoleArgs, @Ctx() ctx: Context): Promise<User> {
    // Organizers review their county; a lecturer's county decides who reviews their courses and so
    // is kept on the account and the lecturer profile. Other roles hold no county from here.
    const county = role === Role.ORGANIZER || role === Role.LECTURER ? countyCode ?? null : null;
    const actor = { viewer: ctx.viewer!, ip: ctx.clientIp };
    return setUserRole(actor, parseObjectId(userId, 'userId').toHexString(), role, county, ctx.logger);
  }

  @Authorized()
  // It hands out tokens too: counted with sign-ins (the mini program refreshes once per half-life).
  @RateLimited('signIn')
  @Mutation(() => AuthPayload, { description: 'Any signed-in caller: trades a live session token for a fresh one (new expiry). UNAUTHENTICATED if the token is expired, forged, or its sessions were ended.' })
  async refreshSession(@Ctx() ctx: Context): Promise<AuthPayload> {
    // The context has already refused an expired, forged or ended token. The old token stays
    // valid until its own expiry: a refresh whose answer is lost on a bad network must not sign
    // the household out, and ending sessions on purpose is what signOutEverywhere is for.
    const user = await getUser(ctx.viewer!.userId);
    // Read again after the context's check: sessions ended in between (sign out everywhere, a role
    // change) must not be renewed under the account's new epoch, or a stolen token would outlive them.
    if (user.sessionEpoch !== (ctx.viewer!.sessionEpoch ?? null)) {
      throw unauthenticated('This session was ended (the account\'s role changed, or it signed out everywhere); sign in again');
    }
    return sessionFor(user, ctx);
  }

  @Authorized()
  @Mutation(() => Boolean, { description: 'Any signed-in caller: ends every session of this account (all its tokens stop working at once). Returns true.' })
  async signOutEverywhere(@Ctx() ctx: Context): Promise<boolean> {
    await signOutEverywhere({ viewer: ctx.viewer!, ip: ctx.clientIp }, ctx.logger);
    return true;
  }

  @FieldResolver(() => Lecturer, { nullable: true, description: 'The lecturer profile this account acts as (lecturers only)' })
  lecturer(@Root() user: User, @Ctx() { loaders }: Context): Promise<Lecturer | null> | null {
    return user.role === Role.LECTURER && user.lecturerId ? loaders.lecturer.load(user.lecturerId) : null;
  }

  @FieldResolver(() => String, { nullable: true })
  phone(@Root() user: User, @Ctx() { viewer }: Context): string | null {
    if (!user.fullPhone) return null;
    return viewer?.userId === user.id ? user.fullPhone : maskPhone(user.fullPhone);
  }
}
