"""Vendor the /claims page's JavaScript libraries from npm into service/static/vendor/.

    python scripts/vendor_js.py          # fetch the versions pinned below, write VENDOR.json
    python scripts/vendor_js.py --check  # exit 1 if a vendored file differs from VENDOR.json

To update a library: change its version in PACKAGES, run the script, look at the library's
changelog for breaking changes to the calls in service/static/claims.js, run
tests/test_store_page.py, and commit the files the script rewrote. Only `npm pack` is used (it
downloads the published tarball, runs no install scripts); nothing is fetched at run time: the
service serves these files itself, so the page works offline.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "service" / "static" / "vendor"
MANIFEST = VENDOR / "VENDOR.json"


@dataclass(frozen=True)
class Package:
    name: str
    version: str
    file: str  # the minified browser build inside the tarball (under package/)
    license: str  # the licence file inside the tarball


PACKAGES = (
    Package("cytoscape", "3.35.0", "dist/cytoscape.min.js", "LICENSE"),
    Package("chart.js", "4.6.1", "dist/chart.umd.min.js", "LICENSE.md"),
)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _licence_name(package: Package) -> str:
    return f"{package.name}.LICENSE.txt"


def fetch(package: Package, work: Path) -> dict[str, str]:
    """`npm pack` one package into `work`, copy its build and licence into VENDOR."""
    spec = f"{package.name}@{package.version}"
    out = subprocess.run(
        ["npm", "pack", spec, "--silent", "--pack-destination", str(work)],
        check=True,
        capture_output=True,
        text=True,
    )
    tarball = work / out.stdout.strip().splitlines()[-1]
    with tarfile.open(tarball) as tar:
        tar.extractall(work / package.name, filter="data")
    root = work / package.name / "package"
    target = VENDOR / Path(package.file).name
    shutil.copyfile(root / package.file, target)
    shutil.copyfile(root / package.license, VENDOR / _licence_name(package))
    return {
        "version": package.version,
        "file": target.name,
        "sha256": _sha256(target),
        "license": _licence_name(package),
        "source": f"npm pack {spec}: package/{package.file}",
    }


def check() -> int:
    manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    bad = [
        name
        for name, entry in manifest.items()
        if not (VENDOR / entry["file"]).is_file()
        or _sha256(VENDOR / entry["file"]) != entry["sha256"]
    ]
    for name in bad:
        print(f"{name}: vendored file missing or changed; rerun scripts/vendor_js.py")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    if parser.parse_args(argv).check:
        return check()
    VENDOR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="vendor-js-") as tmp:
        manifest = {p.name: fetch(p, Path(tmp)) for p in PACKAGES}
    MANIFEST.write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    versions = ", ".join(f"{name} {entry['version']}" for name, entry in manifest.items())
    print(f"wrote {MANIFEST.relative_to(ROOT)}: {versions}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
