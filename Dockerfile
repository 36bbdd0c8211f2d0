# supplybrief: slim runtime image. The translation model is NOT in the image: install it on the
# host (`python -m models install`) and mount its directory (see compose.yaml and the README).
#   docker build -t supplybrief .
#   docker run -p 127.0.0.1:8000:8000 \
#     -v "$PWD/models/installed/opus-mt-tc-big-gmq-en:/app/models/installed/opus-mt-tc-big-gmq-en:ro" \
#     supplybrief
# Where no registry can be reached, scripts/build_image.sh makes a local Debian base image
# (debootstrap) and builds with `--build-arg BASE=supplybrief-base:bookworm`, then smoke-tests it.

# The base of both stages: any Debian-like image with python3 (>= 3.10) and its venv module.
# python:3.11-slim by default; the same image must serve both stages (the venv's interpreter is
# a symlink to the base's python3).
ARG BASE=python:3.11-slim

# --- build: install the package and its dependencies into a venv ---------------------------------
FROM ${BASE} AS build
# Optional, for networks that need them; the neutral defaults mean PyPI and pip's own CA bundle.
#   PIP_INDEX        an index URL to use instead of PyPI (pip --index-url)
#   PIP_EXTRA_INDEX  further index URLs, space-separated (pip --extra-index-url)
#   EXTRA_CA_CERTS   PEM text of CA certificates pip must also trust (a TLS-inspecting proxy);
#                    used in this stage only, never in the runtime image
ARG PIP_INDEX=
ARG PIP_EXTRA_INDEX=
ARG EXTRA_CA_CERTS=
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_PROGRESS_BAR=off
WORKDIR /src
# Only what the package needs: no tests, benchmarks, seeds or model weights (see .dockerignore).
COPY pyproject.toml README.md constraints.txt ./
COPY service ./service
# `python3`, not `python`: a plain Debian base has no `python`. The venv's own pip, setuptools and
# wheel are removed once the package is in, so the copied venv carries no installer.
RUN set -eu; \
    python3 -m venv /opt/venv; \
    if [ -n "$EXTRA_CA_CERTS" ]; then \
      cat "$(/opt/venv/bin/python -c 'import pip._vendor.certifi as c; print(c.where())')" \
        > /tmp/pip-ca.pem; \
      printf '%s\n' "$EXTRA_CA_CERTS" >> /tmp/pip-ca.pem; \
      export PIP_CERT=/tmp/pip-ca.pem; \
    fi; \
    extra=""; \
    for url in $PIP_EXTRA_INDEX; do extra="$extra --extra-index-url $url"; done; \
    /opt/venv/bin/python -m pip install ${PIP_INDEX:+--index-url "$PIP_INDEX"} $extra -c constraints.txt . ; \
    /opt/venv/bin/python -m pip uninstall -y pip setuptools wheel; \
    rm -f /tmp/pip-ca.pem /opt/venv/bin/pip /opt/venv/bin/pip3* /opt/venv/bin/easy_install*; \
    if /opt/venv/bin/python -c 'import pip' 2>/dev/null; then echo 'pip left in the venv' >&2; exit 1; fi; \
    cd / && /opt/venv/bin/python -c 'import service.app'

# --- runtime ---------------------------------------------------------------------------------------
FROM ${BASE}
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PATH=/opt/venv/bin:$PATH \
    BRIEF_MODEL_DIR=/app/models/installed/opus-mt-tc-big-gmq-en \
    BRIEF_LOG_FORMAT=json
# No installer in the runtime image: the base's pip, setuptools and wheel go. A Debian base has
# them as packages (and the venv module with ensurepip's wheels, which the copied venv does not
# need); python:3.11-slim has them in /usr/local, where pip removes itself. Then the service's
# user and the model directory.
RUN set -eu; \
    if command -v dpkg-query >/dev/null 2>&1; then \
      pkgs="$(dpkg-query -W -f '${Package} ${db:Status-Status}\n' 'python3*-venv' 'python3-pip*' \
                'python3-setuptools*' 'python3-wheel*' 2>/dev/null | awk '$2 == "installed" {print $1}')"; \
      if [ -n "$pkgs" ]; then dpkg --purge $pkgs; fi; \
    fi; \
    for py in /usr/local/bin/python3 /usr/bin/python3; do \
      if [ -x "$py" ] && "$py" -c 'import pip' 2>/dev/null; then \
        PIP_BREAK_SYSTEM_PACKAGES=1 PIP_ROOT_USER_ACTION=ignore "$py" -m pip uninstall -y -q pip setuptools wheel; \
      fi; \
    done; \
    rm -rf /usr/local/lib/python3*/ensurepip/_bundled /usr/share/python-wheels \
      /usr/local/bin/pip /usr/local/bin/pip3* /root/.cache; \
    for name in pip pip3; do \
      if command -v "$name" >/dev/null 2>&1; then echo "$name is still in the image" >&2; exit 1; fi; \
    done; \
    groupadd --system --gid 10001 app; \
    useradd --system --uid 10001 --gid app --home-dir /app --no-create-home \
      --shell /usr/sbin/nologin app; \
    mkdir -p /app/models/installed/opus-mt-tc-big-gmq-en /app/data; \
    chown -R app:app /app
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
USER 10001:10001
# The model directory (Settings.model_dir, above as BRIEF_MODEL_DIR): mount the installed model
# here. Empty, the service still starts and /v1/translate answers 503 with the install command.
VOLUME ["/app/models/installed/opus-mt-tc-big-gmq-en"]
EXPOSE 8000
# `python` is the venv's (/opt/venv/bin comes first on PATH; a Debian base has no other `python`).
# No curl in a slim image: the check uses the interpreter that is already there.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python", "-c", "import sys, urllib.request; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"]
# Inside the container the service listens on all interfaces; publish the port deliberately.
CMD ["python", "-m", "service", "serve", "--host", "0.0.0.0", "--port", "8000"]
