import type { CodegenConfig } from "@graphql-codegen/cli";

// Types for every operation in src/, from the schema the backend commits.
const config: CodegenConfig = {
  schema: "../schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: {
          ID: "string",
          Date: "string",
          DateTime: "string",
          Decimal: "string",
          Money: "string",
          Rate: "string",
          UUID: "string",
          Upload: "File",
        },
      },
    },
  },
};

export default config;
