import { graphql } from "../gql";

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
        email
      }
      oneTimePassword
      errors {
        field
        message
        code
      }
    }
  }
`);

export const DeactivateUserMutation = graphql(`
  mutation DeactivateUser($input: DeactivateUserInput!) {
    deactivateUser(input: $input) {
      user {
        id
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

export const AssignUserRoleMutation = graphql(`
  mutation AssignUserRole($input: AssignUserRoleInput!) {
    assignUserRole(input: $input) {
      user {
        id
        role
        isLenderAdmin
      }
      errors {
        field
        message
        code
      }
    }
  }
`);

export const CreateMachineClientMutation = graphql(`
  mutation CreateMachineClient($input: CreateMachineClientInput!) {
    createMachineClient(input: $input) {
      client {
        id
        clientId
        name
      }
      clientSecret
      errors {
        field
        message
        code
      }
    }
  }
`);

export const DeactivateMachineClientMutation = graphql(`
  mutation DeactivateMachineClient($input: DeactivateMachineClientInput!) {
    deactivateMachineClient(input: $input) {
      client {
        id
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

export const OnboardLenderMutation = graphql(`
  mutation OnboardLender($input: OnboardLenderInput!) {
    onboardLender(input: $input) {
      lender {
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

export const UpdateKpiTargetMutation = graphql(`
  mutation UpdateKpiTarget($input: UpdateKpiTargetInput!) {
    updateKpiTarget(input: $input) {
      target {
        key
        direction
        low
        high
        wording
      }
      errors {
        field
        message
        code
      }
    }
  }
`);

export const RecordMarketingSpendMutation = graphql(`
  mutation RecordMarketingSpend($input: RecordMarketingSpendInput!) {
    recordMarketingSpend(input: $input) {
      marketingSpend {
        month
        channel
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

export const RecordSecurityIncidentMutation = graphql(`
  mutation RecordSecurityIncident($input: RecordSecurityIncidentInput!) {
    recordSecurityIncident(input: $input) {
      incident {
        id
      }
      errors {
        field
        message
        code
      }
    }
  }
`);

export const ResolveSecurityIncidentMutation = graphql(`
  mutation ResolveSecurityIncident($input: ResolveSecurityIncidentInput!) {
    resolveSecurityIncident(input: $input) {
      incident {
        id
        resolvedAt
      }
      errors {
        field
        message
        code
      }
    }
  }
`);
