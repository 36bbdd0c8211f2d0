"""How the Ray engine shares the cluster's CPUs between analysis tasks and translation actors.

Analysis is about 1% of an article's CPU with a transformer-big model (70-120 ms against ~7 s of
translation on this machine), so its tasks ask Ray for a quarter CPU each and, by default, one
translator per CPU shares the rest. Ray's CPUs are logical; the OS shares the cores. One
translator per CPU with one thread each beats fewer translators with more threads: CTranslate2
gains ~10% from a second intra-op thread on one article, and 2x from a second translator.
"""

from __future__ import annotations

from dataclasses import dataclass

ANALYSIS_CPUS = 0.25


@dataclass(frozen=True)
class Plan:
    """How the translation stage uses the cluster."""

    actors: int
    cpus_per_actor: float

    @property
    def intra_threads(self) -> int:
        # One model call at a time per actor (inter_threads=1), using its whole CPU share.
        return max(1, round(self.cpus_per_actor))

    def fits(self, cluster_cpus: float) -> bool:
        return self.actors * self.cpus_per_actor + ANALYSIS_CPUS <= cluster_cpus + 1e-9


def plan(cluster_cpus: float, actors: int | None, cpus_per_actor: float | None) -> Plan:
    """`--actors` and `--cpus-per-actor`, filled in from the cluster's CPUs where not given."""
    free = max(cluster_cpus - ANALYSIS_CPUS, ANALYSIS_CPUS)
    if actors is None and cpus_per_actor is None:
        actors = max(1, int(cluster_cpus))
    if actors is None:
        assert cpus_per_actor is not None
        actors = max(1, int(free // cpus_per_actor))
    if cpus_per_actor is None:
        cpus_per_actor = free / actors
    return Plan(actors, cpus_per_actor)
