import { graphql } from "../gql";

export const RegisterSmeMutation = graphql(`
  mutation RegisterSme($input: RegisterSmeInput!) {
    registerSme(input: $input) {
      sme {
        id
        legalName
      }
      errors {
        field
        message
        code
      }
    }
  }
`);
