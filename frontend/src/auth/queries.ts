import { graphql } from "../gql";

export const ViewerQuery = graphql(`
  query Viewer {
    viewer {
      role
      user {
        id
        fullName
        isLenderAdmin
      }
      sme {
        id
        legalName
        status
      }
      lender {
        id
        name
      }
    }
  }
`);
