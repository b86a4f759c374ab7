import { graphql } from "../gql";

export const SupportTicketsQuery = graphql(`
  query SupportTickets($first: Int, $after: String, $status: [TicketStatus!]) {
    supportTickets(first: $first, after: $after, status: $status) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...TicketFields
      }
    }
  }

  fragment TicketFields on SupportTicket {
    id
    category
    subject
    status
    openedAt
    firstResponseAt
    resolvedAt
    sme {
      id
      legalName
    }
    messages {
      body
      createdAt
      authorRole
    }
  }
`);

export const OpenSupportTicketMutation = graphql(`
  mutation OpenSupportTicket($input: OpenSupportTicketInput!) {
    openSupportTicket(input: $input) {
      ticket {
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

export const AddSupportTicketMessageMutation = graphql(`
  mutation AddSupportTicketMessage($input: SupportTicketMessageInput!) {
    addSupportTicketMessage(input: $input) {
      ticket {
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

export const AnswerSupportTicketMutation = graphql(`
  mutation AnswerSupportTicket($input: SupportTicketMessageInput!) {
    answerSupportTicket(input: $input) {
      ticket {
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

export const ResolveSupportTicketMutation = graphql(`
  mutation ResolveSupportTicket($input: ResolveSupportTicketInput!) {
    resolveSupportTicket(input: $input) {
      ticket {
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
