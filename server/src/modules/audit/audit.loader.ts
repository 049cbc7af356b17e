import { UserModel, type UserDoc } from '../user/user.model';
import { maskPhone } from '../user/user.type';
import { createByIdLoader } from '../shared/by-id-loader';

/** An actor as the log names them: their nickname, else their masked phone; one query per page. */
export const createActorNameLoader = () =>
  createByIdLoader<UserDoc, string | null>(UserModel, (user) => user.displayName?.trim() || (user.phone ? maskPhone(user.phone) : null));
