import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emitSchema, schemaFile } from '../../server/src/emit-schema';

describe('schema/schema.graphql', () => {
  it('is what the code emits (run `npm run schema:emit` after changing the API)', async () => {
    const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fel-schema-')), 'schema.graphql');
    await emitSchema(fresh);
    expect(fs.readFileSync(schemaFile, 'utf8')).toBe(fs.readFileSync(fresh, 'utf8'));
  });
});
