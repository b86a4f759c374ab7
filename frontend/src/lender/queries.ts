import { graphql } from "../gql";

export const LenderApplicationsQuery = graphql(`
  query LenderApplications($first: Int, $after: String, $filter: ApplicationFilter) {
    applications(first: $first, after: $after, filter: $filter) {
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
        sme {
          id
          legalName
          industry
          stateCode
        }
        invoices {
          id
          invoiceNumber
          dueDate
          buyer {
            id
            legalName
          }
        }
        offers {
          id
          status
        }
      }
    }
  }
`);

export const LenderApplicationQuery = graphql(`
  query LenderApplication($id: ID!) {
    node(id: $id) {
      __typename
      ... on FinancingApplication {
        id
        status
        requestedAmount
        submittedAt
        expiresAt
        sme {
          id
          legalName
          tradeName
          constitution
          stateCode
          industry
          status
          kycVerifiedAt
          createdAt
          pan
          gstins
          udyamNumber
          ifsc
          bankAccountNumber
        }
        invoices {
          id
          invoiceNumber
          documentType
          invoiceDate
          dueDate
          taxableValue
          taxAmount
          totalAmount
          irn
          source
          signatureVerified
          buyer {
            id
            legalName
            gstin
            stateCode
            industry
          }
          documents {
            id
            filename
            downloadPath
          }
        }
        offers {
          id
          status
          annualRate
          advanceRate
          processingFeeRate
          validUntil
          createdAt
          product {
            id
            name
          }
          keyFacts {
            ...OfferKeyFacts
          }
        }
        lenderMatches {
          matched
          reasons
          declinedAt
          declineReason
          product {
            id
            name
          }
        }
        lenderExposure {
          totalExposure
          product {
            id
            name
          }
          sme {
            ...ExposureFigures
          }
          buyers {
            share
            concentrationCap
            concentrationApplies
            concentrationHeadroom
            headroom
            figures {
              ...ExposureFigures
            }
            buyer {
              id
              legalName
            }
          }
        }
      }
    }
  }

  fragment OfferKeyFacts on KeyFactStatement {
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

  fragment ExposureFigures on ExposureFigures {
    outstanding
    reserved
    exposure
    limit
    headroomUnderLimit
  }
`);

export const OfferQuoteQuery = graphql(`
  query OfferQuote($input: OfferQuoteInput!) {
    offerQuote(input: $input) {
      keyFacts {
        ...OfferKeyFacts
      }
      lines {
        dueDate
        invoiceAmount
        advanceAmount
        discountAmount
        feeAmount
        netAmount
        annualPercentageRate
        tenorDays
        invoice {
          id
          invoiceNumber
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

export const LenderLoansQuery = graphql(`
  query LenderLoans($first: Int, $after: String, $filter: LoanFilter) {
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
        advanceAmount
        netAmount
        principalOutstanding
        penalOutstanding
        annualRate
        dueDate
        disbursalDate
        sme {
          id
          legalName
        }
        buyer {
          id
          legalName
        }
        invoice {
          id
          invoiceNumber
        }
      }
    }
  }
`);

export const LenderBuyersQuery = graphql(`
  query LenderBuyers {
    buyers(first: 100) {
      nodes {
        id
        legalName
        gstin
      }
    }
  }
`);

export const LenderProductsQuery = graphql(`
  query LenderProducts {
    viewer {
      user {
        id
        isLenderAdmin
      }
      lender {
        id
        name
        products {
          id
          name
          isActive
          advanceRate
          minAnnualRate
          maxAnnualRate
          processingFeeRate
          processingFeeMin
          dayCount
          minTenorDays
          maxTenorDays
          minAmount
          maxAmount
          minDaysToDue
          recourse
          eligibleIndustries
          eligibleStates
          limitPerBuyer
          limitPerSme
          concentrationCap
          concentrationFloor
          instantOffer
          instantAnnualRate
          penalAnnualRate
          offerValidityDays
        }
      }
    }
  }
`);

export const OfferProductsQuery = graphql(`
  query OfferProducts {
    viewer {
      lender {
        id
        products {
          id
          name
          isActive
          advanceRate
          minAnnualRate
          maxAnnualRate
          processingFeeRate
          offerValidityDays
        }
      }
    }
  }
`);

export const AcceptedOffersQuery = graphql(`
  query AcceptedOffers($first: Int, $after: String) {
    offers(first: $first, after: $after, filter: { status: [ACCEPTED] }) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        decidedAt
        keyFacts {
          netAmount
          disbursalDate
          dueDate
        }
        application {
          id
          status
          sme {
            id
            legalName
          }
          invoices {
            id
            invoiceNumber
          }
        }
        disbursals {
          id
          status
          utr
          valueDate
          rejectionReason
        }
      }
    }
  }
`);

export const DisbursalsQuery = graphql(`
  query Disbursals($first: Int, $after: String, $filter: DisbursalFilter) {
    disbursals(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        status
        utr
        valueDate
        amount
        requestedAt
        decidedAt
        rejectionReason
        requestedByYou
        offer {
          id
          application {
            id
            sme {
              id
              legalName
              bankAccountNumber
              ifsc
            }
            invoices {
              id
              invoiceNumber
            }
          }
        }
      }
    }
  }
`);

export const PortfolioQuery = graphql(`
  query Portfolio($from: Date, $to: Date) {
    portfolio(from: $from, to: $to) {
      asOf
      from
      to
      outstanding {
        principal
        penal
        loans
      }
      flows {
        loansDisbursed
        principalDisbursed
        netDisbursed
        repaid
        recovered
        income
        averagePrincipal
        annualisedYield
      }
      assetClasses {
        assetClass
        loans
        principal
      }
      byBuyer: concentration(by: BUYER, first: 8) {
        ...Concentration
      }
      byIndustry: concentration(by: INDUSTRY, first: 8) {
        ...Concentration
      }
      byState: concentration(by: STATE, first: 8) {
        ...Concentration
      }
    }
  }

  fragment Concentration on ConcentrationShare {
    key
    label
    principal
    share
    loans
  }
`);
