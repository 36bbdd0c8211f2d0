"""How the Ray engine shares the cluster's CPUs between analysis tasks and translation actors.

Analysis is about 1% of an article's CPU with a transformer-big model (70-120 ms against ~7 s of
translation on this machine), so its tasks ask Ray for a quarter CPU each, reading and parsing a
twentieth, and by default one translator per CPU shares the rest. Ray's CPUs are logical; the OS
shares the cores. One translator per CPU with one thread each beats fewer translators with more
threads: a second intra-op thread speeds one article's translation up by only ~10% here.
"""

from __future__ import annotations

from dataclasses import dataclass

ANALYSIS_CPUS = 0.25
# Reading asks for less than analysis also so that Ray Data does not fuse the two into one task
# per input file, which would analyse a whole file in one task, one article after another.
READ_CPUS = 0.05
# Kept free of translators: one analysis task and one read task can always run.
RESERVED_CPUS = ANALYSIS_CPUS + READ_CPUS


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
        return self.actors * self.cpus_per_actor + RESERVED_CPUS <= cluster_cpus + 1e-9


def plan(cluster_cpus: float, actors: int | None, cpus_per_actor: float | None) -> Plan:
    """`--actors` and `--cpus-per-actor`, filled in from the cluster's CPUs where not given."""
    free = max(cluster_cpus - RESERVED_CPUS, RESERVED_CPUS)
    if actors is None and cpus_per_actor is None:
        actors = max(1, int(cluster_cpus))
    if actors is None:
        assert cpus_per_actor is not None
        actors = max(1, int(free // cpus_per_actor))
    if cpus_per_actor is None:
        cpus_per_actor = free / actors
    return Plan(actors, cpus_per_actor)
