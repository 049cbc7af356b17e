import { startServerProcess as start, type ServerProcess } from '../../scripts/lib/server-process';
import { uniqueDatabaseUri } from './engine';

export type { ServerProcess };

/** The compiled server in a child process, on a database of the test's own unless one is given. */
export function startServerProcess(label: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return start({ MONGODB_URI: uniqueDatabaseUri(label), ...env });
}
