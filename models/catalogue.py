"""The model catalogue (`catalogue.json`): the translation models `python -m models` installs."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CATALOGUE_FILE = Path(__file__).resolve().parent / "catalogue.json"
INSTALL_ROOT = Path(
    "models/installed"
)  # relative to the working directory, like Settings.model_dir


@dataclass(frozen=True)
class ModelEntry:
    """One installable model: where it comes from, its licence, and how to convert it."""

    name: str
    description: str
    repo: str
    revision: str
    licence: str
    source_languages: list[str]
    target_languages: list[str]
    quantization: str
    copy_files: list[str]
    size_on_disk_mb: int
    bleu: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelEntry:
        source = data["source"]
        conversion = data["conversion"]
        return cls(
            name=str(data["name"]),
            description=str(data.get("description", "")),
            repo=str(source["repo"]),
            revision=str(source["revision"]),
            licence=str(data["licence"]),
            source_languages=[str(x) for x in data["source_languages"]],
            target_languages=[str(x) for x in data["target_languages"]],
            quantization=str(conversion["quantization"]),
            copy_files=[str(x) for x in conversion["copy_files"]],
            size_on_disk_mb=int(data["size_on_disk_mb"]),
            bleu=dict(data.get("bleu", {})),
            raw=data,
        )

    def info(self) -> dict[str, Any]:
        """What the service reports about the model (written next to it as model_info.json)."""
        return {
            "name": self.name,
            "source": f"{self.repo}@{self.revision}",
            "licence": self.licence,
            "source_languages": self.source_languages,
            "target_languages": self.target_languages,
            "quantization": self.quantization,
            "bleu": self.bleu,
        }


@dataclass(frozen=True)
class Catalogue:
    default: str
    models: dict[str, ModelEntry]

    def get(self, name: str | None = None) -> ModelEntry:
        """The entry called `name` (the default when None); KeyError names the choices."""
        key = name or self.default
        if key not in self.models:
            raise KeyError(f"unknown model {key!r}; known: {', '.join(sorted(self.models))}")
        return self.models[key]


def load_catalogue(path: Path = CATALOGUE_FILE) -> Catalogue:
    """Parse the catalogue; a broken one fails here, not half-way through an install."""
    data = json.loads(path.read_text(encoding="utf-8"))
    entries = [ModelEntry.from_dict(item) for item in data["models"]]
    catalogue = Catalogue(default=str(data["default"]), models={e.name: e for e in entries})
    if len(catalogue.models) != len(entries):
        raise ValueError(f"{path.name}: duplicate model names")
    catalogue.get()  # the default must exist
    return catalogue
