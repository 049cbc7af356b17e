import { GraphQLError } from 'graphql';
import { badUserInput, serviceUnavailable } from '../errors';
import type { WechatConfig } from '../config';

export class WechatSendError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`WeChat error ${errcode}: ${errmsg}`);
  }

  /** Worth another try later: WeChat busy, quota, or our token gone stale. */
  get retryable(): boolean {
    return [-1, 40001, 42001, 45009, 45011].includes(this.errcode);
  }
}

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
export interface SubscribeMessage {
  toOpenId: string;
  templateId: string;
  page: string;
  data: Record<string, string>;
}

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

  private accessToken: { value: string; expiresAt: number } | null = null;

  /** The server's access token (auth.getAccessToken), cached until shortly before it expires. */
  private async getAccessToken(): Promise<string> {
    if (this.accessToken && this.accessToken.expiresAt > Date.now()) return this.accessToken.value;
    const url = new URL('/cgi-bin/token', this.config.apiBase);
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: this.config.appId!, secret: this.config.appSecret! }).toString();
    const body = await this.get(url);
    if (body.errcode || typeof body.access_token !== 'string') throw new WechatSendError(body.errcode ?? -1, body.errmsg ?? 'no access_token');
    this.accessToken = { value: body.access_token, expiresAt: Date.now() + (Number(body.expires_in ?? 7200) - 300) * 1000 };
    return body.access_token;
  }

  /**
   * Sends a subscribe message (subscribeMessage.send). Throws WechatSendError with WeChat's
   * errcode; 43101 means the user has not subscribed (or used up the one-time subscription).
   */
  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    const token = await this.getAccessToken();
    const url = new URL('/cgi-bin/message/subscribe/send', this.config.apiBase);
    url.search = new URLSearchParams({ access_token: token }).toString();
    const body = await this.post(url, {
      touser: message.toOpenId,
      template_id: message.templateId,
      page: message.page,
      lang: 'zh_CN',
      data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
    });
    if (body.errcode) {
      if (body.errcode === 40001 || body.errcode === 42001) this.accessToken = null; // token revoked or expired early
      throw new WechatSendError(body.errcode, body.errmsg);
    }
  }

  private async post(url: URL, payload: unknown): Promise<Record<string, any>> {
    return this.get(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });
  }

  private async get(url: URL, init: RequestInit = {}): Promise<Record<string, any>> {
    let response: Response;
    try {
      response = await fetch(url, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
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
