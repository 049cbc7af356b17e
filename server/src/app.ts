import fs from 'node:fs';
import path from 'node:path';
import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { Config } from './config';
import { TokenService } from './auth/token';
import { currentViewer } from './auth/viewer';
import { createContext, type Context, type Services } from './context';
import { checkDatabase } from './db';
import { evaluateCompletion } from './modules/learning/learning.service';
import { outreachExportRouter } from './modules/outreach/export';
import { createErrorFormatter } from './errors';
import type { Logger } from './logger';
import { TicketService } from './modules/booking/ticket';
import { createSchema } from './schema';
import { WechatClient } from './wechat/wechat.client';

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
  };

  const apollo = new ApolloServer<Context>({
    schema: await createSchema(),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    // Automatic persisted queries are not used by our clients; off, so no client is told to retry.
    persistedQueries: false,
    // main.ts owns shutdown (workers, database); Apollo's own signal handlers would call stop()
    // a second time, which then never settles, and the process would hang on Ctrl+C.
    stopOnTerminationSignals: false,
    introspection: true,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.disable('x-powered-by');

  app.get('/healthz', async (_req, res) => {
    const { error, ...database } = await checkDatabase();
    // The driver's reason names hosts and addresses: for the logs, not for the public.
    if (error) logger.warn({ error }, 'health check: database unavailable');
    res.status(database.ok ? 200 : 503).json({ status: database.ok ? 'ok' : 'unavailable', database });
  });

  app.use(
    '/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(services, await currentViewer(req.headers.authorization, services.tokens)),
    }),
  );

  app.use('/exports', outreachExportRouter(services));

  mountMiniProgram(app, config.h5Dir);

  // Malformed JSON bodies and other request errors: a clear 400, never a stack.
  app.use((error: Error & { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = error.status && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'request failed');
    res.status(status).json({
      errors: [{ message: status === 500 ? 'Internal server error' : 'Bad request', extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_USER_INPUT' } }],
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
