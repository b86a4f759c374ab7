import { graphql } from "../gql";

export const AdminUsersQuery = graphql(`
  query AdminUsers($first: Int, $after: String, $filter: UserFilter) {
    users(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        fullName
        email
        role
        isActive
        isLenderAdmin
        lastSignInAt
        createdAt
        sme {
          id
          legalName
        }
        lender {
          id
          name
        }
      }
    }
  }
`);

export const OrganisationsQuery = graphql(`
  query Organisations {
    lenders(first: 100) {
      nodes {
        id
        name
      }
    }
    smes(first: 100) {
      nodes {
        id
        legalName
      }
    }
  }
`);

export const AdminLendersQuery = graphql(`
  query AdminLenders($first: Int, $after: String) {
    lenders(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        name
        kind
        registrationNumber
        isActive
        onboardedAt
        contactName
        contactEmail
        contactPhone
        products {
          id
          name
          isActive
        }
      }
    }
  }
`);

export const MachineClientsQuery = graphql(`
  query MachineClients($first: Int, $after: String) {
    machineClients(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        clientId
        name
        scopes
        isActive
        createdAt
        lender {
          id
          name
        }
      }
    }
  }
`);

export const KpiTargetsQuery = graphql(`
  query KpiTargets($from: Date!, $to: Date!) {
    kpis(from: $from, to: $to) {
      key
      name
      unit
      target {
        key
        direction
        low
        high
        wording
      }
    }
    milestones {
      key
      name
      unit
      target {
        key
        direction
        low
        high
        wording
      }
    }
  }
`);

export const MarketingSpendQuery = graphql(`
  query MarketingSpend($from: Date!, $to: Date!) {
    marketingSpend(from: $from, to: $to) {
      month
      channel
      amount
      createdAt
    }
  }
`);

export const SecurityIncidentsQuery = graphql(`
  query SecurityIncidents($first: Int, $after: String) {
    securityIncidents(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        occurredAt
        detectedAt
        severity
        title
        description
        personalDataExposed
        resolvedAt
      }
    }
  }
`);
