import { Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { forbidden } from '../../errors';
import { DevelopmentSignInArgs, SetRoleArgs, UpdateProfileArgs, WechatSignInArgs } from './user.input';
import { Role } from './user-enums';
import { parseObjectId } from '../shared/object-id';
import { findOrCreateUser, getUser, linkLecturer, setRole, updateProfile } from './user.service';
import { AuthPayload, maskPhone, User } from './user.type';
import { Lecturer } from '../lecturer/lecturer.type';

async function sessionFor(user: User, ctx: Context): Promise<AuthPayload> {
  const lecturerId = user.role === Role.LECTURER ? user.lecturerId : null;
  const { token, expiresAt } = await ctx.tokens.issue({ userId: user.id, role: user.role, countyCode: user.countyCode, lecturerId });
  return { token, expiresAt, user };
}

@Resolver(() => User)
export class UserResolver {
  @Mutation(() => AuthPayload, { description: 'Signs in with the code from Taro.login; creates a parent account the first time' })
  async signInWithWechat(@Args() { code }: WechatSignInArgs, @Ctx() ctx: Context): Promise<AuthPayload> {
    const session = await ctx.wechat.code2Session(code);
    return sessionFor(await findOrCreateUser(session.openId), ctx);
  }

  @Mutation(() => AuthPayload, { description: 'Outside production only: sign in as anyone, in any role (H5 and demos)' })
  async signInForDevelopment(@Args() { openId, role, countyCode, lecturerId }: DevelopmentSignInArgs, @Ctx() ctx: Context): Promise<AuthPayload> {
    if (ctx.isProduction) throw forbidden('Development sign-in is switched off in production');
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
  @Mutation(() => User, { description: 'Admins only: gives a user a role (and an organizer or lecturer their county); applies from their next request' })
  setUserRole(@Args() { userId, role, countyCode }: SetRoleArgs): Promise<User> {
    // Organizers review their county; a lecturer's county decides who reviews their courses and so
    // is kept on the account and the lecturer profile. Other roles hold no county from here.
    const county = role === Role.ORGANIZER || role === Role.LECTURER ? countyCode ?? null : null;
    return setRole(parseObjectId(userId, 'userId').toHexString(), role, county);
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
