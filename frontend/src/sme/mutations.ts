import { graphql } from "../gql";

export const SubmitKycMutation = graphql(`
  mutation SubmitKyc($input: SubmitKycInput!) {
    submitKyc(input: $input) {
      kycSubmission {
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

export const UploadInvoiceMutation = graphql(`
  mutation UploadInvoice($input: UploadInvoiceInput!) {
    uploadInvoice(input: $input) {
      invoice {
        id
        invoiceNumber
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

export const ImportEInvoiceMutation = graphql(`
  mutation ImportEInvoice($input: ImportEInvoiceInput!) {
    importEInvoice(input: $input) {
      invoice {
        id
        invoiceNumber
        totalAmount
        dueDate
        status
        buyer {
          id
          legalName
        }
      }
      warnings
      errors {
        field
        message
        code
      }
    }
  }
`);

export const ImportInvoicesCsvMutation = graphql(`
  mutation ImportInvoicesCsv($input: ImportInvoicesCsvInput!) {
    importInvoicesCsv(input: $input) {
      invoiceImport {
        id
        status
        invoiceCount
        totalRows
      }
      invoices {
        id
      }
      errors {
        field
        message
        code
        row
        column
      }
    }
  }
`);

export const SubmitApplicationMutation = graphql(`
  mutation SubmitApplication($input: SubmitApplicationInput!) {
    submitApplication(input: $input) {
      application {
        id
        status
        offers {
          id
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

export const WithdrawApplicationMutation = graphql(`
  mutation WithdrawApplication($input: WithdrawApplicationInput!) {
    withdrawApplication(input: $input) {
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

export const AcceptOfferMutation = graphql(`
  mutation AcceptOffer($input: AcceptOfferInput!) {
    acceptOffer(input: $input) {
      offer {
        id
        status
        application {
          id
          status
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

export const AnswerSurveyMutation = graphql(`
  mutation AnswerSurvey($input: AnswerSurveyInput!) {
    answerSurvey(input: $input) {
      errors {
        field
        message
        code
      }
    }
  }
`);
