"""`Candidate`: a value for a field together with where it was found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from articlex.model import Provenance, Source

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Candidate(Generic[T]):
    """One possible value of a field, and its provenance."""

    value: T
    source: Source
    evidence: str
    block: int | None = None

    def provenance(self) -> Provenance:
        """The public record of where this value came from."""
        return Provenance(source=self.source, evidence=self.evidence, block=self.block)
