import type { Role } from "../../gql/graphql";

export const ROLE_OPTIONS: { value: Role; label: string }[] = [
  { value: "SME", label: "SME user" },
  { value: "LENDER", label: "Lender credit staff" },
  { value: "OPS", label: "Operations" },
  { value: "MANAGEMENT", label: "Management" },
  { value: "ADMIN", label: "Administrator" },
];

export function roleLabel(role: string): string {
  return ROLE_OPTIONS.find((option) => option.value === role)?.label ?? role;
}
