import { graphql } from "../gql";

export const ReviewKycMutation = graphql(`
  mutation ReviewKyc($input: ReviewKycInput!) {
    reviewKyc(input: $input) {
      kycSubmission {
        id
        status
        rejectionReason
        reviewedAt
      }
      errors {
        field
        message
        code
      }
    }
  }
`);

export const RunDayEndMutation = graphql(`
  mutation RunDayEnd($input: RunDayEndInput!) {
    runDayEnd(input: $input) {
      dayEnd {
        businessDate
        loansClassified
        loansByClass {
          assetClass
          loans
        }
        penalAccrued
        applicationsExpired
        offersExpired
        alreadyRun
        startedAt
        finishedAt
      }
      errors {
        field
        message
        code
      }
    }
  }
`);
