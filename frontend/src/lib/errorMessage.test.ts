import { GraphQLError } from "graphql";
import { CombinedError } from "urql";
import { describe, expect, it } from "vitest";

import {
  BAD_INPUT_MESSAGE,
  describeError,
  NETWORK_MESSAGE,
  TOO_LARGE_MESSAGE,
  UNEXPECTED_MESSAGE,
} from "./errorMessage";

function graphQLError(message: string, code?: string): GraphQLError {
  return new GraphQLError(message, { extensions: code ? { code } : {} });
}

describe("describeError", () => {
  it("hides the text of a variable coercion error", () => {
    const raw =
      "Variable '$input' has invalid value at .taxableValue: Expected value of type 'Money'";
    const message = describeError(
      new CombinedError({ graphQLErrors: [graphQLError(raw, "BAD_USER_INPUT")] }),
    );
    expect(message).toBe(BAD_INPUT_MESSAGE);
    expect(message).not.toContain("Variable");
  });

  it("shows a FORBIDDEN message, which names the role needed", () => {
    const error = new CombinedError({
      graphQLErrors: [
        graphQLError("Only a lender admin changes products.", "FORBIDDEN"),
      ],
    });
    expect(describeError(error)).toBe("Only a lender admin changes products.");
  });

  it("hides an internal error", () => {
    const error = new CombinedError({
      graphQLErrors: [graphQLError("Unexpected error.", "INTERNAL_SERVER_ERROR")],
    });
    expect(describeError(error)).toBe(UNEXPECTED_MESSAGE);
  });

  it("hides an error without a code", () => {
    const error = new CombinedError({ graphQLErrors: [graphQLError("Syntax Error")] });
    expect(describeError(error)).toBe(UNEXPECTED_MESSAGE);
  });

  it("says the server could not be reached", () => {
    const error = new CombinedError({ networkError: new Error("Failed to fetch") });
    expect(describeError(error)).toBe(NETWORK_MESSAGE);
  });

  it("says an upload was too large", () => {
    const error = new CombinedError({
      graphQLErrors: [graphQLError("The request body has 9 bytes", "BAD_USER_INPUT")],
      response: { status: 413 },
    });
    expect(describeError(error)).toBe(TOO_LARGE_MESSAGE);
  });
});
