import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '../..');

export const paths = {
  repoRoot,
  /** Project-local, git-ignored install of the embedded engine. */
  engineDir: path.join(repoRoot, '.engine'),
  /** Git-ignored data that survives restarts of `npm start`. */
  dataDir: path.join(repoRoot, '.data'),
  miniappDir: path.join(repoRoot, 'miniapp'),
  serverDir: path.join(repoRoot, 'server'),
  schemaFile: path.join(repoRoot, 'schema/schema.graphql'),
};
