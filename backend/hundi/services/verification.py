"""Online verification of KYC data through an external provider.

A provider looks a GSTIN up on the GST network and confirms a bank account
with a penny drop (a small credit whose beneficiary name the bank returns).
Hundi records on a KYC submission only the checks that a provider actually
ran, so an empty list means that nothing was verified online.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from hundi.settings import Settings

GSTN_LOOKUP = "GSTN_LOOKUP"
PENNY_DROP = "PENNY_DROP"


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one online check that ran."""

    check: str
    passed: bool
    # Why the check failed, in words the SME can act on; empty when it passed.
    reason: str = ""


class VerificationProvider(Protocol):
    """An external service that verifies KYC data online."""

    async def lookup_gstin(self, gstin: str) -> CheckResult:
        """Check that the GSTIN is registered and active on the GST network."""
        ...

    async def penny_drop(self, account_number: str, ifsc: str) -> CheckResult:
        """Check that the account exists and accepts credits."""
        ...


def configured_provider(settings: Settings) -> VerificationProvider | None:
    """Return the provider the settings select; None when there is none."""
    # TODO: no GSTN or penny-drop vendor is integrated yet, so KYC runs the
    # offline checks only. Add a provider setting once a vendor is chosen.
    return None


async def run_online_checks(
    provider: VerificationProvider | None,
    gstins: list[str],
    account_number: str,
    ifsc: str,
) -> list[CheckResult]:
    """Run every check the provider offers; return the results of those that ran."""
    if provider is None:
        return []

    results = [await provider.lookup_gstin(gstin) for gstin in gstins]
    results.append(await provider.penny_drop(account_number, ifsc))
    return results
