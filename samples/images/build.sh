#!/usr/bin/env bash
# Builds the sample images ecs-emulator/sample-web:1 and :2 without pulling anything: a rootfs holding
# the host's static busybox (package busybox-static) and the app scripts, imported with `docker import`.
# Idempotent: an image is rebuilt only when it is missing or was built from other sources
# (label ecs-emulator.sample-hash). Usage: build.sh [--force]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
force=${1:-}
busybox=${BUSYBOX:-/bin/busybox}
is_static() { case "$(LC_ALL=C ldd "$1" 2>&1)" in *"not a dynamic"*) return 0 ;; *) return 1 ;; esac; }

if [ ! -x "$busybox" ] || ! is_static "$busybox"; then
  echo "build.sh: a statically linked busybox is needed at $busybox (Debian/Ubuntu: apt-get install busybox-static)" >&2
  exit 1
fi

hash=$( (cat "$0" "$here"/sample-web/*; sha256sum "$busybox") | sha256sum | cut -c1-16)

build_one() { # build_one VERSION
  local version=$1 image=ecs-emulator/sample-web:$1
  local have
  have=$(docker image inspect -f '{{index .Config.Labels "ecs-emulator.sample-hash"}}' "$image" 2>/dev/null || true)
  if [ "$force" != "--force" ] && [ "$have" = "$hash" ]; then return 0; fi
  local root
  root=$(mktemp -d)
  trap 'rm -rf "$root"' RETURN
  mkdir -p "$root"/{bin,app,etc,tmp,proc,sys,dev,root}
  chmod 1777 "$root/tmp"
  cp "$busybox" "$root/bin/busybox"
  for applet in $("$busybox" --list); do
    [ "$applet" = busybox ] || ln -s busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  cp "$here/sample-web/run" "$here/sample-web/handle" "$root/app/"
  echo "$version" >"$root/app/version"
  tar -C "$root" -c . | docker import \
    --change 'CMD ["/app/run"]' \
    --change 'EXPOSE 8080' \
    --change 'ENV PATH=/bin' \
    --change "LABEL ecs-emulator.sample-hash=$hash" \
    --change "LABEL org.opencontainers.image.title=sample-web org.opencontainers.image.version=$version" \
    - "$image" >/dev/null
  echo "built $image"
}

build_one 1
build_one 2
