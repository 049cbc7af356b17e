/**
 * The weapp pages run in jsdom, but the test helpers also load mongoose there (to drop a spawned
 * server's database), which needs Node globals jsdom leaves out. The pages never see these:
 * WeChat has none of them, and the build does not use them.
 */
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
// Mongoose warns about jsdom because a mongoose *app* should be tested in Node; here it only drops
// a database, over its own connection, after the server process has gone.
process.env.SUPPRESS_JEST_WARNINGS = 'true';
