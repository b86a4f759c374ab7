import { graphql } from "../gql";

export const CreateOfferMutation = graphql(`
  mutation CreateOffer($input: CreateOfferInput!) {
    createOffer(input: $input) {
      offer {
        id
        status
        validUntil
        keyFacts {
          ...OfferKeyFacts
        }
      }
      errors {
        field
        message
        code
      }
    }
  }
`);

export const DeclineApplicationMutation = graphql(`
  mutation DeclineApplication($input: DeclineApplicationInput!) {
    declineApplication(input: $input) {
      application {
        id
        status
      }
      errors {
        field
        message
        code
      }
    }
  }
`);

export const RequestDisbursalMutation = graphql(`
  mutation RequestDisbursal($input: RequestDisbursalInput!) {
    requestDisbursal(input: $input) {
      disbursal {
        id
        status
        amount
      }
      errors {
        field
        message
        code
      }
    }
  }
`);

export const ApproveDisbursalMutation = graphql(`
  mutation ApproveDisbursal($input: ApproveDisbursalInput!) {
    approveDisbursal(input: $input) {
      disbursal {
        id
        status
        decidedAt
      }
      errors {
        field
        message
        code
      }
    }
  }
`);

export const RejectDisbursalMutation = graphql(`
  mutation RejectDisbursal($input: RejectDisbursalInput!) {
    rejectDisbursal(input: $input) {
      disbursal {
        id
        status
        rejectionReason
      }
      errors {
        field
        message
        code
      }
    }
  }
`);

export const RecordRepaymentMutation = graphql(`
  mutation RecordRepayment($input: RecordRepaymentInput!) {
    recordRepayment(input: $input) {
      repayment {
        id
        amount
        allocatedPrincipal
        allocatedPenal
        excessAmount
      }
      errors {
        field
        message
        code
      }
    }
  }
`);

export const CreateLenderProductMutation = graphql(`
  mutation CreateLenderProduct($input: CreateLenderProductInput!) {
    createLenderProduct(input: $input) {
      product {
        id
        name
      }
      errors {
        field
        message
        code
      }
    }
  }
`);

export const UpdateLenderProductMutation = graphql(`
  mutation UpdateLenderProduct($input: UpdateLenderProductInput!) {
    updateLenderProduct(input: $input) {
      product {
        id
        name
        isActive
      }
      errors {
        field
        message
        code
      }
    }
  }
`);
