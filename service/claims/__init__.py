"""Supply-claim extraction over the source text (nb, nn, sv, da), rule-based and model-free."""

from service.claims.extract import extract_claims
from service.claims.types import STANCES, Claim, Evidence, Stance

__all__ = ["STANCES", "Claim", "Evidence", "Stance", "extract_claims"]
