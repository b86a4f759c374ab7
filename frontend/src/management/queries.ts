import { graphql } from "../gql";

export const KpisQuery = graphql(`
  query Kpis($from: Date!, $to: Date!) {
    kpis(from: $from, to: $to) {
      key
      name
      group
      definition
      unit
      value
      targetToDate
      status
      target {
        direction
        low
        high
        deadlineMonths
        wording
      }
      series {
        month
        value
      }
    }
  }
`);

export const MilestonesQuery = graphql(`
  query Milestones {
    milestones {
      key
      name
      definition
      month
      dueOn
      unit
      actual
      status
      target {
        wording
      }
    }
  }
`);
