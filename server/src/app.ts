import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import compression from 'compression';
import express from 'express';
import pLimit from 'p-limit';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { Config } from './config';
import { TokenService } from './auth/token';
import { currentViewer } from './auth/viewer';
import { createContext, type Context, type Services } from './context';
import { checkDatabase } from './db';
import { evaluateCompletion } from './modules/learning/learning.service';
import { outreachExportRouter } from './modules/outreach/export';
import { createErrorFormatter } from './errors';
import { graphqlLimits } from './http/graphql-limits';
import { warnIfNoTrustedProxy } from './http/trust-proxy';
import { apiSecurityHeaders, corsForOrigins, pageSecurityHeaders } from './http/security';
import type { Logger } from './logger';
import { TicketService } from './modules/booking/ticket';
import { RateLimiter } from './modules/rate-limit/rate-limiter';
import { createSchema } from './schema';
import { WechatClient } from './wechat/wechat.client';
import { setReferenceCacheTtl } from './modules/shared/reference-cache';

export interface App {
  httpServer: http.Server;
  /** Shared with the background workers, so they use the same WeChat client. */
  services: Services;
  /** Listens and resolves with the bound port (useful with port 0 in tests). */
  listen(port: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

/** Builds the HTTP server: GraphQL at /graphql, health at /healthz, the H5 mini program at /. */
export async function createApp(config: Config, logger: Logger): Promise<App> {
  setReferenceCacheTtl(config.referenceCacheSeconds);
  const app = express();
  const httpServer = http.createServer(app);
  // Node closes an idle keep-alive connection after 5 s; a client (or load balancer) that sends on
  // it at that instant gets ECONNRESET. Outlive the usual 60 s idle timeout of proxies instead.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const services: Services = {
    logger,
    tokens: new TokenService(config.auth.secret, config.auth.tokenTtlSeconds),
    tickets: new TicketService(config.auth.secret),
    messageTemplates: config.wechat.templates,
    wechat: new WechatClient(config.wechat),
    isProduction: config.isProduction,
    // Attending a lecture linked to a course may complete the course (and issue its certificate).
    onAttended: (userId, courseId) => evaluateCompletion(userId, courseId),
    rateLimiter: new RateLimiter(config.rateLimits),
    bookingTurn: pLimit(config.bookingConcurrency),
  };

  const { introspection, bodyLimit } = config.security;
  const limits = graphqlLimits(config.security);
  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    // Automatic persisted queries are not used by our clients; off, so no client is told to retry.
    persistedQueries: false,
    // main.ts owns shutdown (workers, database); Apollo's own signal handlers would call stop()
    // a second time, which then never settles, and the process would hang on Ctrl+C.
    stopOnTerminationSignals: false,
    // Off in production unless configured: the schema is no secret, but no need to hand it out.
    introspection,
    // One operation per request: a JSON array would multiply the work behind one rate-limit count.
    allowBatchedHttpRequests: false,
    // Depth, aliases and directives: refused at validation, before any resolver runs (the cost
    // just after, once the variables are known: a plugin in limits.plugins).
    validationRules: limits.validationRules,
    // The token limit: a longer document is a parse error, before it is even fully read.
    parseOptions: limits.parseOptions,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Field suggestions hidden while introspection is off; the cost limit.
      ...limits.plugins,
      // With introspection off the sandbox page would be useless: no page at all.
      ...(introspection ? [] : [ApolloServerPluginLandingPageDisabled()]),
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  // Which X-Forwarded-For hop is the client: rate limits per IP depend on it (0: the socket's peer).
  app.set('trust proxy', config.security.trustProxy);
  warnIfNoTrustedProxy(config, logger);
  // gzip for clients that ask (browsers, WeChat's request): the H5 app's first load is 491 KB of
  // JavaScript raw and 155 KB gzipped, on the rural mobile networks our parents use. Bodies under
  // 1 KB (most GraphQL answers) are sent as they are.
  app.use(compression());

  app.use(
    '/graphql',
    corsForOrigins(config.security.corsOrigins),
    apiSecurityHeaders(introspection),
    express.json({ limit: bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(services, await currentViewer(req.headers.authorization, services.tokens), req.ip ?? 'unknown'),
    }),
  );

  // Everything else, above all the H5 pages: helmet's headers with a CSP the Taro build runs under.
  app.use(pageSecurityHeaders(config.h5Dir, { isProduction: config.isProduction }));

  app.get('/healthz', async (_req, res) => {
    const { error, ...database } = await checkDatabase();
    // The driver's reason names hosts and addresses: for the logs, not for the public.
    if (error) logger.warn({ error }, 'health check: database unavailable');
    res.status(database.ok ? 200 : 503).json({ status: database.ok ? 'ok' : 'unavailable', database });
  });

  app.use('/exports', outreachExportRouter(services));

  mountMiniProgram(app, config.h5Dir);

  // Malformed JSON, oversized bodies and other request errors: a clear 4xx, never a stack.
  app.use((error: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = error.status && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'request failed');
    res.status(status).json({
      errors: [{ message: requestErrorMessage(status, error.type, bodyLimit), extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT' } }],
    });
  });

  return {
    httpServer,
    services,
    listen: (port, host = config.host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as { port: number }).port));
      }),
    close: () => apollo.stop(),
  };
}

/** body-parser's error types, in words a client developer can act on. */
function requestErrorMessage(status: number, type: string | undefined, bodyLimit: string): string {
  if (status === 500) return 'Internal server error';
  if (type === 'entity.too.large') return `Request body too large: at most ${bodyLimit}`;
  if (type === 'entity.parse.failed') return 'Request body is not valid JSON';
  return 'Bad request';
}

function mountMiniProgram(app: express.Express, h5Dir: string): void {
  const index = path.join(h5Dir, 'index.html');
  app.use(express.static(h5Dir, { index: 'index.html', maxAge: '1h', setHeaders: noCacheForHtml }));
  app.get('/', (_req, res) => {
    if (fs.existsSync(index)) res.sendFile(index);
    else res.status(404).type('text/plain; charset=utf-8').send('The H5 build of the mini program is missing: run `npm start` or `npm run build:h5 -w miniapp`.');
  });
}

/** The page itself must revalidate so a new build reaches users; hashed assets may be cached. */
function noCacheForHtml(res: http.ServerResponse, file: string): void {
  if (file.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
