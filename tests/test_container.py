"""The container files, checked by reading them (no Docker engine runs in CI or here).

What a build would get wrong silently is pinned: a non-root user, the health check on /healthz
(run for real against a live server), the model directory as a volume at the path the settings
use, and no model weights copied into the image.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
from pathlib import Path, PurePosixPath

import yaml

from service.app import create_app
from service.config import DEFAULT_MODEL_DIR, Settings
from tests.conftest import SEEDS
from tests.live_server import serve

ROOT = SEEDS.parent


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs of the Dockerfile, continuation lines joined."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    logical, current = [], ""
    for line in text.splitlines():
        stripped = line.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if stripped.startswith("#"):
            continue
        current += " " + stripped.removesuffix("\\") if current else stripped.removesuffix("\\")
        if not stripped.endswith("\\"):
            logical.append(current.strip())
            current = ""
    pairs = []
    for item in logical:
        keyword, _, rest = item.partition(" ")
        pairs.append((keyword.upper(), rest.strip()))
    return pairs


def _runtime_stage() -> list[tuple[str, str]]:
    ins = _instructions()
    last_from = max(i for i, (k, _) in enumerate(ins) if k == "FROM")
    return ins[last_from:]


def _env(stage: list[tuple[str, str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for keyword, args in stage:
        if keyword == "ENV":
            for pair in shlex.split(args):
                key, _, value = pair.partition("=")
                env[key] = value
    return env


def test_every_stage_is_python_311_slim() -> None:
    # The base is a build argument (a local base where no registry is reachable); its default,
    # what users build on, is python:3.11-slim for every stage.
    ins = _instructions()
    defaults = dict(a.partition("=")[::2] for k, a in ins if k == "ARG" and "=" in a)
    bases = [a.split()[0] for k, a in ins if k == "FROM"]
    resolved = [defaults.get(b.removeprefix("${").removesuffix("}"), b) for b in bases]
    assert bases and all(b == "python:3.11-slim" for b in resolved)


def test_runs_as_a_non_root_user() -> None:
    users = [args for k, args in _runtime_stage() if k == "USER"]
    assert users, "the runtime stage must set USER"
    user = users[-1].split(":")[0]
    assert user not in {"root", "0"}
    keywords = [k for k, _ in _runtime_stage()]
    assert keywords.index("USER") < keywords.index("CMD")


def test_model_directory_is_a_volume_at_the_settings_path() -> None:
    stage = _runtime_stage()
    workdir = PurePosixPath([a for k, a in stage if k == "WORKDIR"][-1])
    volumes = [v for k, a in stage if k == "VOLUME" for v in json.loads(a)]
    model_dir = _env(stage)["BRIEF_MODEL_DIR"]
    assert volumes == [model_dir]
    # The explicit setting and the relative default agree, so either way the mount is found.
    assert PurePosixPath(model_dir) == workdir / PurePosixPath(DEFAULT_MODEL_DIR.as_posix())
    assert Settings(model_dir=model_dir).model_dir.as_posix() == model_dir


def test_no_model_weights_are_copied() -> None:
    copies = [a for k, a in _instructions() if k in {"COPY", "ADD"}]
    sources = {s for a in copies if "--from=" not in a for s in a.split()[:-1]}
    assert sources == {"pyproject.toml", "README.md", "constraints.txt", "service"}
    # The analysis pipelines trained here ship with the package (a few MB each, see
    # models/nlp/); translation weights never do.
    pipelines = ROOT / "service" / "nlp" / "pipelines"
    weights = [
        p
        for p in (ROOT / "service").rglob("*")
        if p.is_file()
        and pipelines not in p.parents
        and (p.suffix in {".bin", ".spm", ".safetensors", ".pt"} or p.stat().st_size > 5_000_000)
    ]
    assert weights == []
    shipped = [p for p in pipelines.rglob("*") if p.is_file()]
    assert sum(p.stat().st_size for p in shipped) < 20_000_000 * 4
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {"models", ".venv", ".git", "tests"} <= set(ignored)


def test_serves_on_all_interfaces_port_8000() -> None:
    stage = _runtime_stage()
    cmd = json.loads([a for k, a in stage if k == "CMD"][-1])
    assert cmd[:4] == ["python", "-m", "service", "serve"]
    assert cmd[cmd.index("--host") + 1] == "0.0.0.0" and cmd[cmd.index("--port") + 1] == "8000"
    assert [a for k, a in stage if k == "EXPOSE"] == ["8000"]


def _healthcheck_command() -> list[str]:
    args = [a for k, a in _runtime_stage() if k == "HEALTHCHECK"][-1]
    assert "--interval=" in args and "--start-period=" in args
    command: list[str] = json.loads(args[args.index("CMD") + 3 :].strip())
    return command


def test_healthcheck_passes_against_a_live_server(tmp_path: Path) -> None:
    command = _healthcheck_command()
    assert command[0] == "python" and "/healthz" in command[-1]
    with serve(create_app(Settings(model_dir=tmp_path / "none"))) as url:
        port = url.rsplit(":", 1)[1]
        script = command[-1].replace("127.0.0.1:8000", f"127.0.0.1:{port}")
        ok = subprocess.run([sys.executable, *command[1:-1], script], timeout=30)
    assert ok.returncode == 0
    # And it fails when nothing answers (port of a stopped server).
    down = subprocess.run([sys.executable, *command[1:-1], script], capture_output=True, timeout=30)
    assert down.returncode != 0


def test_compose_runs_the_image_with_the_model_volume() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    (service,) = compose["services"].values()
    assert service["build"] == "."
    model_dir = _env(_runtime_stage())["BRIEF_MODEL_DIR"]
    targets = [v.split(":")[1] for v in service["volumes"]]
    # The model, and the claim store's SQLite directory (the root filesystem is read-only).
    assert targets == [model_dir, "/app/data"]
    assert all(p.startswith("127.0.0.1:") for p in service["ports"])
