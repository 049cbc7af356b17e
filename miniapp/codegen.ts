import type { CodegenConfig } from '@graphql-codegen/cli'

// Typed operations for the mini program, generated from the committed server schema.
// Operations live in src/operations/*.graphql (main package) and src/packages/<name>/operations
// (sub-packages); code imports the generated
// `XxxDocument` constants from src/gql/graphql.ts. documentMode 'string' keeps the graphql
// runtime (parser, AST) out of the bundle: documents are plain strings carrying their
// result/variable types. Importing from graphql.ts rather than calling `graphql()` from
// gql.ts also keeps gql.ts's lookup map (every query string a second time) out of the bundle.
// Each sub-package has typed operations of its own (src/packages/<name>/operations → …/gql), so
// its query strings ship in that sub-package instead of in the main package's common chunk.
const clientPreset = {
  preset: 'client',
  presetConfig: {
    // Components read plain typed objects; masking would add helper calls for no gain here.
    fragmentMasking: false,
  },
  config: {
    documentMode: 'string',
    // Union string types instead of runtime enum objects: nothing extra ships.
    enumsAsTypes: true,
    useTypeImports: true,
    skipTypename: true,
    avoidOptionals: false,
    scalars: {
      DateTimeISO: 'string',
      ID: 'string',
    },
  },
} as const

const SUB_PACKAGES = ['lecturer', 'learning', 'organizer']

// CODEGEN_CONTRACT names an extra SDL file of API not yet served (to build screens against it).
const config: CodegenConfig = {
  schema: ['../schema/schema.graphql', ...(process.env.CODEGEN_CONTRACT ? [process.env.CODEGEN_CONTRACT] : [])],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': { ...clientPreset, documents: ['src/operations/**/*.graphql'] },
    ...Object.fromEntries(
      SUB_PACKAGES.map((name) => [`src/packages/${name}/gql/`, { ...clientPreset, documents: [`src/packages/${name}/operations/**/*.graphql`] }]),
    ),
  },
}

export default config
