/**
 * The GraphQL operations the mini program sends, read from its .graphql files (the sources codegen
 * compiles), so tests and the bench exercise exactly what a phone asks for.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode } from 'graphql';

/** Every operation in the mini program's .graphql files, each with the fragments it uses (as codegen sends it). */
export function miniProgramOperations(): Array<{ file: string; name: string; source: string }> {
  const root = path.resolve(__dirname, '../../miniapp/src');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.graphql')) files.push(full);
    }
  };
  walk(root);
  const fragments = new Map<string, DefinitionNode>();
  const documents = files.map((file) => ({ file, document: parse(fs.readFileSync(file, 'utf8')) }));
  for (const { document } of documents) {
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const usedFragments = (node: DefinitionNode, seen = new Set<string>()): DefinitionNode[] => {
    visit(node, {
      FragmentSpread(spread) {
        if (seen.has(spread.name.value)) return;
        seen.add(spread.name.value);
        usedFragments(fragments.get(spread.name.value)!, seen);
      },
    });
    return [...seen].map((name) => fragments.get(name)!);
  };
  return documents.flatMap(({ file, document }) =>
    document.definitions
      .filter((definition) => definition.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => ({
        file: path.relative(root, file),
        name: operation.kind === Kind.OPERATION_DEFINITION ? operation.name?.value ?? '(anonymous)' : '',
        source: print({ kind: Kind.DOCUMENT, definitions: [operation, ...usedFragments(operation)] } as DocumentNode),
      })),
  );
}

/** One operation by name, with its fragments; throws when the mini program has no such operation. */
export function miniProgramOperation(name: string): string {
  const found = miniProgramOperations().find((operation) => operation.name === name);
  if (!found) throw new Error(`the mini program has no operation named ${name}`);
  return found.source;
}
