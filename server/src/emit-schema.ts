/** Writes schema/schema.graphql from the code; a test fails when the committed file is stale. */
import path from 'node:path';
import { emitSchemaDefinitionFile } from 'type-graphql';
import { createSchema } from './schema';

export const schemaFile = path.resolve(__dirname, '../../schema/schema.graphql');

export async function emitSchema(file = schemaFile): Promise<void> {
  await emitSchemaDefinitionFile(file, await createSchema());
}

if (require.main === module) {
  emitSchema().then(
    () => console.log(`wrote ${schemaFile}`),
    (error: Error) => {
      console.error(`error: ${error.message}`);
      process.exit(1);
    },
  );
}
