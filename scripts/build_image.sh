#!/usr/bin/env bash
# Build the supplybrief container image on a machine that cannot pull from a container registry,
# then smoke-test it (scripts/smoke_image.py).
#
#   scripts/build_image.sh               # dockerd if needed, base if missing, build, smoke test
#   scripts/build_image.sh --no-smoke    # build only
#   scripts/build_image.sh --smoke-only  # test the image already built
#   scripts/build_image.sh --no-cache    # rebuild every layer (passed to docker build)
#
# Steps:
#   1. start dockerd if no daemon answers (needs root; falls back to the vfs storage driver, then
#      to no bridge/iptables, in which case builds and the smoke test use the host network);
#   2. make the local base image (BASE_IMAGE, default supplybrief-base:bookworm) if it is missing:
#      `debootstrap --variant=minbase` from the Debian mirror apt already uses here, plus python3,
#      python3-venv and ca-certificates, imported with `docker import`. Idempotent: an existing
#      base image is reused (REBUILD_BASE=1 makes it again);
#   3. `docker build --build-arg BASE=$BASE_IMAGE -t $IMAGE .`, passing the pip index and extra
#      CA certificates the build container needs (see pip_build_args below);
#   4. scripts/smoke_image.py against the image; it prints the image size.
#
# Settings (environment): IMAGE (supplybrief:latest), BASE_IMAGE (supplybrief-base:bookworm),
# SUITE (bookworm), DEBIAN_MIRROR / DEBIAN_SECURITY_MIRROR (default: read from apt's sources),
# PIP_INDEX_URL / PIP_EXTRA_INDEX_URL (default: the host's pip configuration, http(s) URLs only),
# EXTRA_CA_CERTS_FILE (default: the local CAs in /usr/local/share/ca-certificates, if any),
# NETWORK (docker build --network; default: host only when the daemon has no bridge network),
# DOCKER (docker), PYTHON (the repository's .venv/bin/python, for the smoke test's tiny model).
set -euo pipefail

# Every path is derived from this script's location: <repo>/scripts/build_image.sh.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMAGE="${IMAGE:-supplybrief:latest}"
BASE_IMAGE="${BASE_IMAGE:-supplybrief-base:bookworm}"
SUITE="${SUITE:-bookworm}"
DOCKER="${DOCKER:-docker}"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
SCRATCH="${TMPDIR:-/tmp}"

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# --- 1. a Docker daemon ---------------------------------------------------------------------------
docker_ok() { "$DOCKER" info >/dev/null 2>&1; }

ensure_dockerd() {
  if docker_ok; then return; fi
  command -v dockerd >/dev/null || die "no Docker daemon answers and dockerd is not installed (apt-get install -y docker.io)"
  [ "$(id -u)" = 0 ] || die "no Docker daemon answers; starting one needs root"
  local logfile="$SCRATCH/supplybrief-dockerd.log" attempt
  # Each attempt: the daemon's extra flags. The default first, then the fallbacks for kernels or
  # sandboxes without overlayfs, and without iptables/bridges.
  for attempt in "" "--storage-driver=vfs" "--storage-driver=vfs --iptables=false --bridge=none"; do
    log "starting dockerd ${attempt:-(default settings)}; log in $logfile"
    # shellcheck disable=SC2086  # $attempt is a list of flags
    nohup dockerd $attempt >"$logfile" 2>&1 &
    local pid=$! waited=0
    while [ "$waited" -lt 60 ]; do
      if docker_ok; then log "dockerd is up (pid $pid; it keeps running after this script)"; return; fi
      kill -0 "$pid" 2>/dev/null || break
      sleep 1; waited=$((waited + 1))
    done
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    tail -n 5 "$logfile" >&2 || true
  done
  die "could not start dockerd (see $logfile)"
}

# docker build --network: host when the daemon has no bridge network (dockerd --bridge=none).
build_network() {
  if [ -n "${NETWORK:-}" ]; then echo "$NETWORK"
  elif "$DOCKER" network inspect bridge >/dev/null 2>&1; then echo ""
  else echo host
  fi
}

# --- 2. the local base image ----------------------------------------------------------------------
# The first URI of apt's sources (deb822 .sources, then one-line .list) whose path ends in $1.
apt_uri() {
  local suffix="$1" uri=""
  uri="$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | awk 'tolower($1) == "uris:" { for (i = 2; i <= NF; i++) print $i }' \
    | grep -E "/${suffix}/?\$" | head -n 1 || true)"
  if [ -z "$uri" ]; then
    uri="$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; break } }' \
      | grep -E "/${suffix}/?\$" | head -n 1 || true)"
  fi
  echo "${uri%/}"
}

ROOTFS=""
cleanup_rootfs() {
  if [ -n "$ROOTFS" ] && [ -d "$ROOTFS" ]; then
    umount "$ROOTFS/proc" 2>/dev/null || true
    rm -rf --one-file-system "$ROOTFS"
  fi
  if [ -n "$ROOTFS" ]; then rm -f "$ROOTFS.debootstrap.log" "$ROOTFS.apt.log"; fi
}

ensure_base() {
  if [ "${REBUILD_BASE:-0}" != 1 ] && "$DOCKER" image inspect "$BASE_IMAGE" >/dev/null 2>&1; then
    log "base image $BASE_IMAGE exists; reusing it (REBUILD_BASE=1 to make it again)"
    return
  fi
  [ "$(id -u)" = 0 ] || die "making $BASE_IMAGE needs root (debootstrap, chroot)"
  if ! command -v debootstrap >/dev/null; then
    log "installing debootstrap"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  fi
  local mirror security
  mirror="${DEBIAN_MIRROR:-$(apt_uri debian)}"; mirror="${mirror:-http://deb.debian.org/debian}"
  security="${DEBIAN_SECURITY_MIRROR:-$(apt_uri debian-security)}"
  security="${security:-http://deb.debian.org/debian-security}"
  ROOTFS="$(mktemp -d "$SCRATCH/supplybrief-base.XXXXXX")"
  trap cleanup_rootfs EXIT
  log "debootstrap --variant=minbase $SUITE from $mirror into $ROOTFS (about a minute)"
  debootstrap --variant=minbase "$SUITE" "$ROOTFS" "$mirror" >"$ROOTFS.debootstrap.log" 2>&1 \
    || { tail -n 20 "$ROOTFS.debootstrap.log" >&2; die "debootstrap failed"; }
  rm -f "$ROOTFS.debootstrap.log"

  # Like Debian's own -slim images: no documentation, manual pages or translations (licences stay).
  cat >"$ROOTFS/etc/dpkg/dpkg.cfg.d/docker-slim" <<'EOF'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/lintian/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/locale/*
EOF
  find "$ROOTFS/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
  rm -rf "$ROOTFS"/usr/share/{man,groff,info,lintian,linda,locale}/*

  # The release, its updates and security fixes, from the same mirrors apt uses here.
  cat >"$ROOTFS/etc/apt/sources.list" <<EOF
deb $mirror $SUITE main
deb $mirror $SUITE-updates main
deb $security $SUITE-security main
EOF
  cp /etc/resolv.conf "$ROOTFS/etc/resolv.conf"
  printf '#!/bin/sh\nexit 101\n' >"$ROOTFS/usr/sbin/policy-rc.d"   # start no services
  chmod +x "$ROOTFS/usr/sbin/policy-rc.d"
  mount -t proc proc "$ROOTFS/proc"
  # apt runs as root in the chroot (no _apt sandbox user to drop to for downloads).
  echo 'APT::Sandbox::User "root";' >"$ROOTFS/etc/apt/apt.conf.d/99-build-sandbox"
  log "installing python3, python3-venv, ca-certificates in the chroot (log in $ROOTFS.apt.log)"
  chroot "$ROOTFS" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    sh -euc 'apt-get update -qq
             apt-get upgrade -y -qq
             apt-get install -y -qq --no-install-recommends python3 python3-venv ca-certificates
             apt-get clean' >"$ROOTFS.apt.log" 2>&1 \
    || { tail -n 20 "$ROOTFS.apt.log" >&2; die "installing python3 in the chroot failed"; }
  rm -f "$ROOTFS.apt.log" "$ROOTFS/etc/apt/apt.conf.d/99-build-sandbox"
  umount "$ROOTFS/proc"
  # Nothing of this machine or of the install run stays in the image.
  rm -f "$ROOTFS/usr/sbin/policy-rc.d"
  rm -rf "$ROOTFS"/var/lib/apt/lists/* "$ROOTFS"/var/cache/apt/* "$ROOTFS"/var/cache/debconf/*-old \
    "$ROOTFS"/var/log/* "$ROOTFS"/tmp/* "$ROOTFS"/root/.cache
  : >"$ROOTFS/etc/resolv.conf"
  : >"$ROOTFS/etc/hostname"
  printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$ROOTFS/etc/hosts"

  log "importing $ROOTFS as $BASE_IMAGE"
  # ENV PATH explicitly: an imported image has none, and `ENV PATH=/opt/venv/bin:$PATH` in the
  # Dockerfile would otherwise end in an empty entry (the current directory).
  tar --numeric-owner -C "$ROOTFS" -c . | "$DOCKER" import \
    --change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["python3"]' \
    --change "LABEL org.opencontainers.image.description=\"Debian $SUITE minbase + python3, python3-venv, ca-certificates (debootstrap)\"" \
    --message "debootstrap --variant=minbase $SUITE $mirror" \
    - "$BASE_IMAGE" >/dev/null
  cleanup_rootfs; ROOTFS=""; trap - EXIT
  "$DOCKER" run --rm "$BASE_IMAGE" python3 -c 'import sys, venv, ssl; print("base python", sys.version.split()[0])'
}

# --- 3. the image ---------------------------------------------------------------------------------
# What pip in the build container needs from the host's pip setup. Local paths (file:// indexes,
# find-links directories) cannot be reached from inside a build and are left out; PyPI itself is
# reached over the network. A TLS-inspecting proxy's CA goes in as EXTRA_CA_CERTS (PEM text).
host_pip_config() {  # $1: key, e.g. global.index-url
  python3 -m pip config get "$1" 2>/dev/null || true
}

http_urls() { tr -s ' ' '\n' | grep -E '^https?://' | tr '\n' ' ' | sed 's/ $//' || true; }

build_image() {
  local args=(--build-arg "BASE=$BASE_IMAGE" -t "$IMAGE")
  local index extra ca_text="" network
  index="$(printf '%s' "${PIP_INDEX_URL:-$(host_pip_config global.index-url)}" | http_urls)"
  extra="$(printf '%s' "${PIP_EXTRA_INDEX_URL:-$(host_pip_config global.extra-index-url)}" | http_urls)"
  [ -z "$index" ] || args+=(--build-arg "PIP_INDEX=$index")
  [ -z "$extra" ] || args+=(--build-arg "PIP_EXTRA_INDEX=$extra")
  if [ -n "${EXTRA_CA_CERTS_FILE:-}" ]; then
    ca_text="$(cat "$EXTRA_CA_CERTS_FILE")"
  elif compgen -G '/usr/local/share/ca-certificates/*.crt' >/dev/null; then
    # Debian's place for locally added CAs: what this host trusts beyond the public ones.
    ca_text="$(cat /usr/local/share/ca-certificates/*.crt)"
  fi
  [ -z "$ca_text" ] || args+=(--build-arg "EXTRA_CA_CERTS=$ca_text")
  network="$(build_network)"
  [ -z "$network" ] || args+=(--network "$network")
  log "docker build --build-arg BASE=$BASE_IMAGE -t $IMAGE${index:+ (index $index)}${extra:+ (extra index $extra)}${ca_text:+ (extra CA certificates)}${network:+ --network $network} $* $ROOT"
  "$DOCKER" build "${args[@]}" "$@" "$ROOT"
}

# --- 4. smoke test --------------------------------------------------------------------------------
smoke() {
  [ -x "$PYTHON" ] || die "$PYTHON not found: run \`make test\` (or \`make .venv/.installed\`) first; the smoke test builds its tiny model with it"
  local network smoke_args=(--image "$IMAGE" --docker "$DOCKER" --model-python "$PYTHON")
  network="$(build_network)"
  [ "$network" != host ] || smoke_args+=(--network host)
  log "smoke test: scripts/smoke_image.py ${smoke_args[*]}"
  python3 "$ROOT/scripts/smoke_image.py" "${smoke_args[@]}"
}

main() {
  local do_build=1 do_smoke=1 build_extra=()
  for arg in "$@"; do
    case "$arg" in
      --no-smoke) do_smoke=0 ;;
      --smoke-only) do_build=0 ;;
      --no-cache) build_extra+=("$arg") ;;
      -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
      *) die "unknown argument: $arg (see --help)" ;;
    esac
  done
  ensure_dockerd
  if [ "$do_build" = 1 ]; then
    ensure_base
    build_image "${build_extra[@]}"
  fi
  if [ "$do_smoke" = 1 ]; then smoke; fi
  log "image $IMAGE: $("$DOCKER" image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%.1f MB (%.1f MiB)", $1 / 1e6, $1 / 1048576}')"
}

main "$@"
