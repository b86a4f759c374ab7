import { graphql } from "../gql";

export const KycQueueQuery = graphql(`
  query KycQueue($first: Int, $after: String) {
    kycQueue(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        submittedAt
        pan
        gstins
        documents {
          id
        }
        sme {
          id
          legalName
          constitution
          stateCode
        }
      }
    }
  }
`);

export const KycSubmissionQuery = graphql(`
  query KycSubmission($id: ID!) {
    node(id: $id) {
      __typename
      ... on KycSubmission {
        id
        status
        pan
        gstins
        udyamNumber
        bankAccountNumber
        ifsc
        signatoryName
        signatoryDesignation
        startedAt
        submittedAt
        reviewedAt
        rejectionReason
        onlineChecks
        sme {
          id
          legalName
          tradeName
          constitution
          stateCode
          industry
          createdAt
          kycSubmissions {
            id
            status
            submittedAt
            rejectionReason
          }
        }
        documents {
          id
          kind
          filename
          contentType
          sizeBytes
          downloadPath
        }
      }
    }
  }
`);
