import { graphql } from "../../gql";

export const RecordProductEventsMutation = graphql(`
  mutation RecordProductEvents($input: RecordProductEventsInput!) {
    recordProductEvents(input: $input) {
      recorded
      errors {
        field
        message
        code
      }
    }
  }
`);

export const StartAppSessionMutation = graphql(`
  mutation StartAppSession($input: StartAppSessionInput!) {
    startAppSession(input: $input) {
      session {
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

export const TouchAppSessionMutation = graphql(`
  mutation TouchAppSession($input: TouchAppSessionInput!) {
    touchAppSession(input: $input) {
      errors {
        field
        message
        code
      }
    }
  }
`);

export const EndAppSessionMutation = graphql(`
  mutation EndAppSession($input: EndAppSessionInput!) {
    endAppSession(input: $input) {
      errors {
        field
        message
        code
      }
    }
  }
`);
