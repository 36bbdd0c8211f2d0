#!/usr/bin/env python3
"""Smoke test of the built container image (standard library only; needs a Docker daemon).

    python3 scripts/smoke_image.py [--image supplybrief:latest] [--docker docker]
                                   [--model-python .venv/bin/python] [--network host] [--keep]

Run 1, no model: the container runs as compose.yaml runs it (read-only root, /tmp tmpfs, all
capabilities dropped, no-new-privileges) on a free 127.0.0.1 port and must answer /healthz 200,
/readyz 200 with translation unavailable, /docs 200 HTML, the page and its stylesheet,
POST /v1/brief with a short Norwegian article 200 JSON with claims; it must run as a non-root
user with the venv's python, and `docker inspect` must show its HEALTHCHECK turn healthy. The
image must hold no pip (nor setuptools): `which pip` fails, `python -m pip` fails, for the venv
and the base's python.

Run 2, a tiny random-weight CTranslate2 model (tests/tiny_model.py, built with the repository's
.venv python) mounted read-only at the model directory: /readyz?require=translation 200 and
POST /v1/translate 200; the health check here is compose.yaml's `healthcheck.test`.

Prints the image size (`docker image inspect -f '{{.Size}}'`) and exits 1 if any check failed.
"""

from __future__ import annotations

import argparse
import json
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# The image's BRIEF_MODEL_DIR and VOLUME (Dockerfile).
MODEL_DIR_IN_IMAGE = "/app/models/installed/opus-mt-tc-big-gmq-en"
ARTICLE = (
    "Nord-Korea har sendt artillerigranater til Russland, ifølge sørkoreansk etterretning. "
    "Pyongyang avviser dette.\n\n"
    "Norge skal levere flere NASAMS-systemer til Ukraina, sier forsvarsministeren."
)
# compose.yaml's hardening, so the smoke test runs the image the way compose does; the claim
# store's data directory is writable there (a volume), here a tmpfs owned by the service's user.
HARDENING = (
    "--read-only",
    "--tmpfs",
    "/tmp",
    "--tmpfs",
    "/app/data:uid=10001,gid=10001",
    "--cap-drop",
    "ALL",
    "--security-opt",
    "no-new-privileges:true",
)
STARTUP_TIMEOUT_S = 180.0
HEALTHY_TIMEOUT_S = 150.0


class Smoke:
    def __init__(self, args: argparse.Namespace) -> None:
        self.docker: str = args.docker
        self.image: str = args.image
        self.network: str | None = args.network
        self.keep: bool = args.keep
        self.model_python = Path(args.model_python)
        self.failures: list[str] = []
        self.containers: list[str] = []

    # --- reporting --------------------------------------------------------------------------------
    def check(self, name: str, ok: bool, detail: str = "") -> bool:
        print(
            f"  {'PASS' if ok else 'FAIL'}  {name}{f'  ({detail})' if detail else ''}", flush=True
        )
        if not ok:
            self.failures.append(name)
        return ok

    # --- docker -----------------------------------------------------------------------------------
    def run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [self.docker, *args], capture_output=True, text=True, timeout=timeout, check=False
        )

    def image_config(self) -> dict[str, Any]:
        out = self.run("image", "inspect", "-f", "{{json .Config}}", self.image)
        if out.returncode != 0:
            sys.exit(f"image {self.image} not found: {out.stderr.strip()}")
        config: dict[str, Any] = json.loads(out.stdout)
        return config

    def start(
        self, label: str, *, extra: Sequence[str] = (), health_cmd: str | None = None
    ) -> tuple[str, str]:
        """Start a container; returns (name, base URL)."""
        port = free_port()
        name = f"supplybrief-smoke-{label}-{port}"
        args = ["run", "-d", "--name", name, *HARDENING, *extra]
        # Check every 2 s instead of the image's 30 s so "healthy" shows up quickly; the command,
        # timeout and retries stay the image's (or compose's, with health_cmd).
        args += ["--health-interval", "2s"]
        command: list[str] = []
        if self.network == "host":
            # No port publishing without a bridge: serve on the free port in the host's network.
            args += ["--network", "host"]
            command = [
                "python",
                "-m",
                "service",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ]
            health_cmd = (health_cmd or self.image_health_cmd()).replace(
                "127.0.0.1:8000", f"127.0.0.1:{port}"
            )
        else:
            args += ["-p", f"127.0.0.1:{port}:8000"]
        if health_cmd:
            args += ["--health-cmd", health_cmd]
        out = self.run(*args, self.image, *command)
        if out.returncode != 0:
            sys.exit(f"docker run failed: {out.stderr.strip()}")
        self.containers.append(name)
        return name, f"http://127.0.0.1:{port}"

    def image_health_cmd(self) -> str:
        test = (self.image_config().get("Healthcheck") or {}).get("Test") or []
        if not test:
            return compose_health_cmd()
        return test[1] if test[0] == "CMD-SHELL" else shlex.join(test[1:])

    def logs(self, name: str) -> str:
        out = self.run("logs", "--tail", "40", name)
        return (out.stdout + out.stderr).strip()

    def last_error(self, name: str) -> str:
        """The last line of the last traceback the service logged (JSON log lines)."""
        out = self.run("logs", name)
        last = ""
        for line in (out.stdout + out.stderr).splitlines():
            record = load_json(line.encode("utf-8"))
            trace = record.get("exc_info") or record.get("message") or line
            if "Traceback" in str(trace) or "Error" in str(trace):
                last = str(trace).strip().splitlines()[-1]
        return last

    def wait_until_up(self, name: str, url: str) -> bool:
        started = time.monotonic()
        while time.monotonic() - started < STARTUP_TIMEOUT_S:
            state = self.run("inspect", "-f", "{{.State.Status}}", name).stdout.strip()
            if state != "running":
                return self.check(
                    "the service starts and keeps running",
                    False,
                    f"container {state}; the service logged: {self.last_error(name)}",
                )
            try:
                status, _, _ = http(url + "/healthz", timeout=5)
                if status == 200:
                    return self.check(
                        "GET /healthz 200", True, f"up after {time.monotonic() - started:.1f} s"
                    )
            except OSError:
                pass
            time.sleep(0.5)
        print(self.logs(name))
        return self.check("GET /healthz 200", False, f"no answer in {STARTUP_TIMEOUT_S:.0f} s")

    def wait_healthy(self, name: str) -> None:
        started = time.monotonic()
        status = ""
        while time.monotonic() - started < HEALTHY_TIMEOUT_S:
            status = self.run(
                "inspect", "-f", "{{if .State.Health}}{{.State.Health.Status}}{{end}}", name
            ).stdout.strip()
            if status in {"healthy", "unhealthy", ""}:
                break
            time.sleep(1)
        took = time.monotonic() - started
        detail = f"docker inspect: {status or 'no health check'} (waited {took:.1f} s)"
        if not self.check("health status becomes healthy", status == "healthy", detail):
            print(self.run("inspect", "-f", "{{json .State.Health}}", name).stdout)

    def non_root(self, name: str) -> None:
        out = self.run("exec", name, "id", "-u")
        uid = out.stdout.strip()
        self.check(
            "process runs as a non-root user",
            out.returncode == 0 and uid not in {"", "0"},
            f"id -u = {uid or out.stderr.strip()}",
        )

    def cleanup(self) -> None:
        for name in self.containers:
            if self.keep:
                print(f"  kept container {name}")
            else:
                self.run("rm", "-f", "-v", name)
        self.containers.clear()

    # --- the runs ---------------------------------------------------------------------------------
    def run_without_model(self) -> None:
        print(f"== run 1: {self.image}, no model")
        name, url = self.start("nomodel")
        if not self.wait_until_up(name, url):
            return
        status, headers, body = http(url + "/readyz")
        ready = load_json(body)
        available = (ready.get("translation") or {}).get("available")
        self.check(
            "GET /readyz 200, translation unavailable",
            status == 200 and available is False,
            f"{status} {body[:120]!r}",
        )
        status, _, _ = http(url + "/readyz?require=translation")
        self.check(
            "GET /readyz?require=translation 503 without a model", status == 503, str(status)
        )
        status, headers, body = http(url + "/docs")
        self.check(
            "GET /docs 200 HTML (Swagger UI)",
            status == 200
            and headers.get("content-type", "").startswith("text/html")
            and b"swagger" in body.lower(),
            f"{status} {headers.get('content-type')}",
        )
        status, headers, body = http(url + "/")
        self.check(
            "GET / 200 HTML (service/templates)",
            status == 200 and headers.get("content-type", "").startswith("text/html"),
            str(status),
        )
        status, headers, body = http(url + "/static/brief.css")
        self.check(
            "GET /static/brief.css 200 (service/static)",
            status == 200 and len(body) > 0,
            f"{status}, {len(body)} bytes",
        )
        status, headers, body = http(url + "/v1/brief", {"text": ARTICLE})
        brief = load_json(body)
        claims = brief.get("claims")
        detail = f"{status} {headers.get('content-type')}"
        if isinstance(claims, list):
            detail += f", {len(claims)} claims: " + "; ".join(
                f"{c.get('supplier')} -> {c.get('recipient')} ({c.get('stance')})"
                for c in claims[:4]
            )
        else:
            detail += f" {body[:200]!r}"
        if status >= 500:
            detail += f"; the service logged: {self.last_error(name)}"
        self.check(
            "POST /v1/brief (nb article) 200 JSON with claims",
            status == 200
            and headers.get("content-type", "").startswith("application/json")
            and isinstance(claims, list)
            and len(claims) > 0,
            detail,
        )
        status, headers, _ = http(url + "/v1/brief", {"text": ARTICLE}, accept="text/html")
        self.check(
            "POST /v1/brief Accept: text/html 200 HTML",
            status == 200 and headers.get("content-type", "").startswith("text/html"),
            str(status),
        )
        self.non_root(name)
        out = self.run(
            "exec", name, "python", "-c", "import sys; print(sys.prefix, sys.version.split()[0])"
        )
        prefix = out.stdout.split()
        self.check(
            "`python` in the container is the venv's",
            out.returncode == 0 and prefix[:1] == ["/opt/venv"],
            out.stdout.strip() or out.stderr.strip(),
        )
        cmdline = self.run("exec", name, "cat", "/proc/1/cmdline").stdout.replace("\0", " ").strip()
        self.check("PID 1 is the service", "service serve" in cmdline, cmdline)
        self.wait_healthy(name)
        self.cleanup()

    def no_pip(self) -> None:
        print("== no pip in the image")
        out = self.run("run", "--rm", "--entrypoint", "which", self.image, "pip", "pip3")
        self.check(
            "`which pip pip3` finds nothing",
            out.returncode == 1 and not out.stdout.strip(),
            f"exit {out.returncode}{(': ' + out.stdout.strip()) if out.stdout.strip() else ''}",
        )
        out = self.run(
            "run", "--rm", "--entrypoint", "python", self.image, "-m", "pip", "--version"
        )
        said = (out.stdout + out.stderr).strip().splitlines()
        self.check("`python -m pip` fails", out.returncode != 0, said[-1] if said else "")
        # Every interpreter in the image, the venv's and the base's, and any installer left on disk.
        script = r"""
found=0
for py in /opt/venv/bin/python /usr/local/bin/python3 /usr/bin/python3; do
  [ -x "$py" ] || continue
  for mod in pip setuptools; do
    if "$py" -c "import $mod" 2>/dev/null; then echo "$py: import $mod works"; found=1; fi
  done
done
left=$(find /usr /opt -xdev \( -name 'pip' -o -name 'pip3*' -o -name 'pip-*' \
          -o -name 'setuptools' -o -name 'setuptools-*' \) 2>/dev/null)
if [ -n "$left" ]; then echo "$left"; found=1; fi
exit $found
"""
        out = self.run("run", "--rm", "--entrypoint", "sh", self.image, "-c", script)
        self.check(
            "no pip or setuptools for any interpreter or on disk",
            out.returncode == 0,
            (out.stdout + out.stderr).strip().replace("\n", "; ") or "none found",
        )

    def run_with_model(self) -> None:
        print("== run 2: tiny CTranslate2 model mounted read-only")
        scratch = Path(tempfile.mkdtemp(prefix="supplybrief-smoke-"))
        try:
            model_dir = scratch / "model"
            build = subprocess.run(
                [
                    str(self.model_python),
                    "-c",
                    "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); "
                    "from tests.tiny_model import build_tiny_model; "
                    "build_tiny_model(Path(sys.argv[2]))",
                    str(ROOT),
                    str(model_dir),
                ],
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
            )
            files = sorted(p.name for p in model_dir.iterdir()) if model_dir.is_dir() else []
            if not self.check(
                "tests/tiny_model.py builds a model",
                build.returncode == 0 and {"model.bin", "source.spm", "target.spm"} <= set(files),
                ", ".join(files) or build.stderr.strip()[-300:],
            ):
                return
            # The container's user (uid 10001) must be able to read it.
            for path in [scratch, model_dir, *model_dir.iterdir()]:
                path.chmod(0o755 if path.is_dir() else 0o644)
            name, url = self.start(
                "model",
                extra=["-v", f"{model_dir}:{MODEL_DIR_IN_IMAGE}:ro"],
                health_cmd=compose_health_cmd(),
            )
            if not self.wait_until_up(name, url):
                return
            status, _, body = http(url + "/readyz?require=translation")
            ready = load_json(body)
            self.check(
                "GET /readyz?require=translation 200",
                status == 200 and (ready.get("translation") or {}).get("available") is True,
                f"{status} {body[:160]!r}",
            )
            status, headers, body = http(
                url + "/v1/translate",
                {
                    "text": [
                        "Norge skal levere flere NASAMS-systemer til Ukraina.",
                        "Iran innrømmer at landet har levert droner til Russland.",
                    ],
                    "source_language": "auto",
                },
            )
            answer = load_json(body)
            translations = answer.get("translations")
            self.check(
                "POST /v1/translate 200",
                status == 200
                and isinstance(translations, list)
                and len(translations) == 2
                and all(isinstance(t, str) for t in translations),
                f"{status}, languages {answer.get('source_languages')}, "
                f"model {(answer.get('model') or {}).get('name')}",
            )
            status, _, body = http(url + "/v1/brief", {"text": ARTICLE})
            brief = load_json(body)
            detail = f"{status}, {len(brief.get('claims') or [])} claims"
            if status >= 500:
                detail += f"; the service logged: {self.last_error(name)}"
            self.check(
                "POST /v1/brief 200 with a translation",
                status == 200 and brief.get("translation") is not None,
                detail,
            )
            self.non_root(name)
            self.wait_healthy(name)
        finally:
            self.cleanup()
            shutil.rmtree(scratch, ignore_errors=True)

    def report_size(self) -> None:
        size = int(self.run("image", "inspect", "-f", "{{.Size}}", self.image).stdout.strip() or 0)
        base = (self.image_config().get("Labels") or {}).get(
            "org.opencontainers.image.description", ""
        )
        print(f"== image {self.image}: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB)")
        if base:
            print(f"   base: {base}")


# --- helpers --------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def http(
    url: str, payload: Any = None, *, accept: str | None = None, timeout: float = 60
) -> tuple[int, dict[str, str], bytes]:
    """(status, lower-cased headers, body); HTTP errors are answers, not exceptions."""
    data = None if payload is None else json.dumps(payload).encode("utf-8")
    request = urllib.request.Request(url, data=data, method="GET" if data is None else "POST")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    if accept:
        request.add_header("Accept", accept)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return (
                response.status,
                {k.lower(): v for k, v in response.headers.items()},
                response.read(),
            )
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def load_json(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def compose_health_cmd() -> str:
    """compose.yaml's healthcheck `test: ["CMD", ...]` as a shell command for --health-cmd.

    Read without a YAML parser: the `test:` line is a flow sequence of double-quoted strings,
    which is JSON."""
    lines = (ROOT / "compose.yaml").read_text(encoding="utf-8").splitlines()
    in_healthcheck = False
    for line in lines:
        stripped = line.strip()
        if stripped.startswith("healthcheck:"):
            in_healthcheck = True
        elif in_healthcheck and stripped.startswith("test:"):
            test = json.loads(stripped.removeprefix("test:").strip())
            if test[0] == "CMD-SHELL":
                return str(test[1])
            return shlex.join(test[1:])
    sys.exit("compose.yaml has no healthcheck test line")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--image", default="supplybrief:latest")
    parser.add_argument("--docker", default="docker")
    parser.add_argument(
        "--model-python",
        default=str(ROOT / ".venv" / "bin" / "python"),
        help="interpreter with ctranslate2 + sentencepiece, for tests/tiny_model.py",
    )
    parser.add_argument("--network", choices=["host"], help="host: for a daemon without a bridge")
    parser.add_argument("--keep", action="store_true", help="leave the containers for inspection")
    smoke = Smoke(parser.parse_args())
    smoke.image_config()  # exits early if the image is missing
    started = time.monotonic()
    try:
        smoke.run_without_model()
        smoke.no_pip()
        smoke.run_with_model()
    finally:
        smoke.cleanup()
    smoke.report_size()
    took = time.monotonic() - started
    if smoke.failures:
        print(
            f"SMOKE TEST FAILED ({len(smoke.failures)}): {'; '.join(smoke.failures)} [{took:.0f} s]"
        )
        return 1
    print(f"SMOKE TEST PASSED [{took:.0f} s]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
