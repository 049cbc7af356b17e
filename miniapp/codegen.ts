import type { CodegenConfig } from '@graphql-codegen/cli'

// Typed operations for the mini program, generated from the committed server schema.
// Operations live in src/operations/*.graphql; code imports the generated
// `XxxDocument` constants from src/gql/graphql.ts. documentMode 'string' keeps the graphql
// runtime (parser, AST) out of the bundle: documents are plain strings carrying their
// result/variable types. Importing from graphql.ts rather than calling `graphql()` from
// gql.ts also keeps gql.ts's lookup map (every query string a second time) out of the bundle.
// CODEGEN_CONTRACT names an extra SDL file of API not yet served (to build screens against it).
const config: CodegenConfig = {
  schema: ['../schema/schema.graphql', ...(process.env.CODEGEN_CONTRACT ? [process.env.CODEGEN_CONTRACT] : [])],
  documents: ['src/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
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
    },
  },
}

export default config
