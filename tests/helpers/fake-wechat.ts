/**
 * A local fake of WeChat's server API on loopback, answering as WeChat does: HTTP 200 with
 * `errcode` in the body for errors. Login codes: `ok:<openid>` signs in that openid; `invalid`
 * and `used` are refused codes; `busy` hits the minute quota; `down` answers HTTP 502.
 * Subscribe messages are recorded in `sent`; `failNextSends` makes the next sends fail with
 * the given errcodes, in order.
 */
import http from 'node:http';

export interface FakeWechat {
  baseUrl: string;
  appId: string;
  appSecret: string;
  calls: Array<{ path: string; query: Record<string, string> }>;
  sent: Array<{ touser: string; template_id: string; page: string; data: Record<string, { value: string }> }>;
  failNextSends(...errcodes: number[]): void;
  close(): Promise<void>;
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const appId = 'wx-test-app';
  const appSecret = 'test-secret';
  const calls: FakeWechat['calls'] = [];
  const sent: FakeWechat['sent'] = [];
  const failures: number[] = [];
  const accessToken = 'fake-access-token';
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    calls.push({ path: url.pathname, query });
    const reply = (body: object, status = 200) => {
      res.writeHead(status, { 'content-type': 'text/plain' }); // WeChat's own label for JSON
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/cgi-bin/token') {
      if (query.appid !== appId || query.secret !== appSecret) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
      return reply({ access_token: accessToken, expires_in: 7200 });
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send') {
      let body = '';
      for await (const chunk of req) body += chunk;
      if (query.access_token !== accessToken) return reply({ errcode: 40001, errmsg: 'invalid credential' });
      const failure = failures.shift();
      if (failure !== undefined) return reply({ errcode: failure, errmsg: 'failure asked for by the test' });
      sent.push(JSON.parse(body));
      return reply({ errcode: 0, errmsg: 'ok' });
    }
    if (url.pathname !== '/sns/jscode2session') return reply({ errcode: 40066, errmsg: 'invalid url' });
    if (query.appid !== appId || query.secret !== appSecret) return reply({ errcode: 40125, errmsg: 'invalid appsecret' });
    const code = query.js_code ?? '';
    if (code.startsWith('ok:')) return reply({ openid: code.slice(3), session_key: 'c2Vzc2lvbg==' });
    if (code === 'used') return reply({ errcode: 40163, errmsg: 'code been used' });
    if (code === 'busy') return reply({ errcode: 45011, errmsg: 'api minute-quota reach limit mustslower retry next minute' });
    if (code === 'down') return reply({ message: 'bad gateway' }, 502);
    return reply({ errcode: 40029, errmsg: 'invalid code' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    calls,
    sent,
    failNextSends: (...errcodes) => void failures.push(...errcodes),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
