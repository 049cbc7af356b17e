import { ApiError, interpretResponse } from '../../../miniapp/src/services/errors';
import { developmentOpenId, developmentSignInFailure, needsProfile, WECHAT_UNAVAILABLE, wechatSignInFailure } from '../../../miniapp/src/utils/signin';

function serverError(code: string, message: string, extensions: Record<string, unknown> = {}): ApiError {
  const result = interpretResponse({ kind: 'response', status: 200, body: { data: null, errors: [{ message, extensions: { code, ...extensions } }] } });
  if (!('error' in result)) throw new Error('expected an error');
  return result.error;
}

describe('WeChat sign-in failures', () => {
  it('a server without WeChat configured reads as "sign-in unavailable", in Chinese', () => {
    const failure = wechatSignInFailure(
      serverError('INTERNAL_SERVER_ERROR', 'WeChat sign-in is not configured on this server (WECHAT_APP_ID, WECHAT_APP_SECRET)', { retryable: true }),
    );
    expect(failure).toEqual({ message: WECHAT_UNAVAILABLE, unavailable: true });
    expect(failure.message).not.toMatch(/[A-Za-z]/);
  });

  it('the same message without the retryable flag still reads as unavailable', () => {
    expect(wechatSignInFailure(serverError('INTERNAL_SERVER_ERROR', 'WeChat sign-in is not configured')).unavailable).toBe(true);
  });

  it('a refused code asks to try again; a network failure says so', () => {
    expect(wechatSignInFailure(serverError('BAD_USER_INPUT', 'The WeChat login code is invalid or used'))).toEqual({ message: '微信登录没有成功，请再试一次', unavailable: false });
    expect(wechatSignInFailure(new ApiError('NETWORK_ERROR'))).toEqual({ message: '网络不太好，请稍后再试', unavailable: false });
    expect(wechatSignInFailure(new Error('login:fail'))).toEqual({ message: '微信登录没有成功，请再试一次', unavailable: false });
  });

  it('the development sign-in explains its failures', () => {
    expect(developmentSignInFailure(serverError('FORBIDDEN', 'Development sign-in is switched off in production'))).toBe('体验登录已关闭');
    expect(developmentSignInFailure(serverError('BAD_USER_INPUT', 'Invalid value for openId'))).toBe('请填写姓名或编号');
  });
});

describe('the development sign-in id', () => {
  it('uses letters, digits, _ and - as typed', () => {
    expect(developmentOpenId(' parent-7 ')).toBe('parent-7');
  });

  it('turns anything else into a stable id the server accepts', () => {
    const id = developmentOpenId('王奶奶');
    expect(id).toBe('u-e78e8be5a5b6e5a5b6');
    expect(developmentOpenId('王奶奶')).toBe(id);
    expect(developmentOpenId('李爷爷')).not.toBe(id);
    const long = developmentOpenId('很'.repeat(40))!;
    expect(long.length).toBeLessThanOrEqual(64);
    expect(long).toMatch(/^[\w-]+$/);
    expect(developmentOpenId('😀 a')).toMatch(/^u-f09f9880/);
  });

  it('blank input is no id', () => {
    expect(developmentOpenId('   ')).toBeNull();
  });

  it('a user without a name has a profile to set up', () => {
    expect(needsProfile({ displayName: null })).toBe(true);
    expect(needsProfile({ displayName: ' ' })).toBe(true);
    expect(needsProfile({ displayName: '王奶奶' })).toBe(false);
    expect(needsProfile(null)).toBe(false);
  });
});
