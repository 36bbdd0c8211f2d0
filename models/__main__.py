"""`python -m models list` and `python -m models install [name] [--dest DIR] [--from-dir DIR]`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from models.catalogue import INSTALL_ROOT, load_catalogue
from models.install import InstallError, install


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m models", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="list the catalogue's models")
    add = sub.add_parser("install", help="download, convert to CTranslate2 and install a model")
    add.add_argument("name", nargs="?", help="catalogue name (default: the catalogue's default)")
    add.add_argument("--dest", type=Path, default=INSTALL_ROOT, help="install root directory")
    add.add_argument(
        "--from-dir", type=Path, help="a local copy of the Hugging Face checkpoint (no download)"
    )
    add.add_argument("--force", action="store_true", help="replace an existing install")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    catalogue = load_catalogue()
    if args.command == "list":
        for entry in catalogue.models.values():
            mark = " (default)" if entry.name == catalogue.default else ""
            print(
                f"{entry.name}{mark}\t{entry.repo}@{entry.revision[:12]}\t{entry.licence}\t"
                f"{'/'.join(entry.source_languages)} -> {'/'.join(entry.target_languages)}\t"
                f"~{entry.size_on_disk_mb} MB {entry.quantization}"
            )
        return 0
    try:
        entry = catalogue.get(args.name)
        origin = (
            f"the local directory {args.from_dir}"
            if args.from_dir is not None
            else f"{entry.repo}@{entry.revision[:12]}"
        )
        print(f"installing {entry.name} from {origin} ...", flush=True)
        dest = install(entry, args.dest, source_dir=args.from_dir, force=args.force)
    except (InstallError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"installed {entry.name} in {dest}")
    if dest != Path("models/installed") / entry.name:
        print(f"point the service at it: BRIEF_MODEL_DIR={dest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
