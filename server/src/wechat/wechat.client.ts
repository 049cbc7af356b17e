import { GraphQLError } from 'graphql';
import { badUserInput, serviceUnavailable } from '../errors';
import type { WechatConfig } from '../config';

export interface WechatSession {
  openId: string;
  unionId?: string;
}

/** WeChat answers HTTP 200 with `errcode` in the body; these are the ones a user can cause or wait out. */
const INVALID_CODE = new Set([40029, 40163, 40226]); // invalid, already used, risky user
const TRY_LATER = new Set([-1, 45011]); // system busy, minute quota reached

/**
 * The server side of WeChat's mini program APIs, at a configurable base URL so tests can run it
 * against a fake on loopback.
 */
export class WechatClient {
  constructor(
    private readonly config: WechatConfig,
    private readonly timeoutMs = 5000,
  ) {}

  get configured(): boolean {
    return Boolean(this.config.appId && this.config.appSecret);
  }

  /** Exchanges a `wx.login` code for the user's openid (auth.code2Session). */
  async code2Session(code: string): Promise<WechatSession> {
    if (!this.configured) {
      throw serviceUnavailable('WeChat sign-in is not configured on this server (WECHAT_APP_ID, WECHAT_APP_SECRET)');
    }
    const url = new URL('/sns/jscode2session', this.config.apiBase);
    url.search = new URLSearchParams({
      appid: this.config.appId!,
      secret: this.config.appSecret!,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    const body = await this.get(url);
    if (body.errcode) throw this.toError(body.errcode, body.errmsg);
    if (typeof body.openid !== 'string' || !body.openid) throw new Error('WeChat code2Session answered without an openid');
    return { openId: body.openid, unionId: body.unionid };
  }

  private async get(url: URL): Promise<Record<string, any>> {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw serviceUnavailable(`WeChat could not be reached (${(error as Error).message})`);
    }
    if (!response.ok) throw serviceUnavailable(`WeChat answered HTTP ${response.status}`);
    // WeChat sometimes labels JSON as text/plain; parse the text either way.
    return JSON.parse(await response.text());
  }

  private toError(errcode: number, errmsg: string): GraphQLError | Error {
    if (INVALID_CODE.has(errcode)) return badUserInput('code', 'code is not a valid WeChat login code; call wx.login again');
    if (TRY_LATER.has(errcode)) return serviceUnavailable('WeChat is busy; please try again in a minute');
    return new Error(`WeChat error ${errcode}: ${errmsg}`);
  }
}
