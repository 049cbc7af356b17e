/** `npm run db:install`: builds the embedded engine if it is not built yet. */
import { installFerretDB } from './ferretdb';
import { say } from '../lib/run';

installFerretDB()
  .then((binary) => say(`FerretDB is installed: ${binary}`))
  .catch((error: Error) => {
    console.error(`error: ${error.message}`);
    process.exit(1);
  });
