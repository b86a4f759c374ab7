import { graphql } from "../gql";

export const SmeOverviewQuery = graphql(`
  query SmeOverview {
    viewer {
      sme {
        id
        legalName
        tradeName
        status
        kycVerifiedAt
        gstins
        referralCode
      }
    }
    invoices(first: 1) {
      totalCount
    }
    financeableInvoices: invoices(first: 1, filter: { financeable: true }) {
      totalCount
    }
    applications(first: 1) {
      totalCount
    }
    offeredApplications: applications(first: 1, filter: { status: [OFFERED] }) {
      totalCount
    }
    submittedApplications: applications(first: 1, filter: { status: [SUBMITTED] }) {
      totalCount
    }
    loans(first: 1, filter: { status: [ACTIVE] }) {
      totalCount
    }
  }
`);

export const KycStatusQuery = graphql(`
  query KycStatus {
    viewer {
      sme {
        id
        legalName
        constitution
        status
        kycVerifiedAt
        pan
        gstins
        udyamNumber
        ifsc
        bankAccountNumber
        kycSubmissions {
          id
          status
          pan
          gstins
          submittedAt
          reviewedAt
          rejectionReason
          documents {
            id
            kind
            filename
          }
        }
      }
    }
  }
`);

export const SmeInvoicesQuery = graphql(`
  query SmeInvoices($first: Int, $after: String, $filter: InvoiceFilter) {
    invoices(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        invoiceNumber
        documentType
        invoiceDate
        dueDate
        totalAmount
        status
        source
        rejectionReason
        buyer {
          id
          legalName
          gstin
        }
      }
    }
  }
`);

export const SmeBuyersQuery = graphql(`
  query SmeBuyers {
    buyers(first: 100) {
      nodes {
        id
        legalName
        gstin
      }
    }
  }
`);

export const SellerGstinsQuery = graphql(`
  query SellerGstins {
    viewer {
      sme {
        id
        status
        gstins
      }
    }
    invoices(first: 1) {
      totalCount
    }
  }
`);

export const InvoiceImportProgressQuery = graphql(`
  query InvoiceImportProgress($id: UUID!) {
    invoiceImport(id: $id) {
      id
      status
      processedRows
      totalRows
      errorCount
    }
  }
`);

export const SmeApplicationsQuery = graphql(`
  query SmeApplications($first: Int, $after: String) {
    applications(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        requestedAmount
        submittedAt
        expiresAt
        invoices {
          id
          invoiceNumber
        }
        offers {
          id
          status
        }
      }
    }
  }
`);

export const ApplicationOffersQuery = graphql(`
  query ApplicationOffers($id: ID!) {
    node(id: $id) {
      __typename
      ... on FinancingApplication {
        id
        status
        requestedAmount
        submittedAt
        expiresAt
        invoices {
          id
          invoiceNumber
          dueDate
          totalAmount
          buyer {
            id
            legalName
          }
        }
        offers {
          id
          status
          isInstant
          annualRate
          advanceRate
          processingFeeRate
          dayCount
          validUntil
          product {
            id
            name
            recourse
          }
          lender {
            id
            name
            kind
          }
          keyFacts {
            invoiceAmount
            advanceAmount
            discountAmount
            feeAmount
            netAmount
            annualPercentageRate
            disbursalDate
            dueDate
            tenorDays
          }
        }
      }
    }
  }
`);

export const SmeLoansQuery = graphql(`
  query SmeLoans($first: Int, $after: String, $filter: LoanFilter) {
    loans(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        assetClass
        daysPastDue
        invoiceAmount
        netAmount
        principalOutstanding
        penalOutstanding
        refundDue
        dueDate
        disbursalDate
        annualRate
        lender {
          id
          name
        }
        invoice {
          id
          invoiceNumber
        }
        buyer {
          id
          legalName
        }
        repayments {
          id
          status
          amount
          receivedOn
          bankReference
        }
      }
    }
  }
`);

export const FinanceableInvoicesQuery = graphql(`
  query FinanceableInvoices($first: Int, $after: String, $filter: InvoiceFilter) {
    invoices(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        invoiceNumber
        invoiceDate
        dueDate
        totalAmount
        buyer {
          id
          legalName
        }
      }
    }
  }
`);

export const SurveyQuery = graphql(`
  query Survey {
    satisfactionSurvey {
      period
      isDue
      answeredAt
    }
  }
`);
