# shellcheck shell=bash
# Sourced by bin/ecs-emulator and bin/test. Makes sure a Docker engine answers, installing and starting
# Debian's engine when we are root on Debian/Ubuntu and none runs. Never stops or reconfigures an engine
# that already answers.

ecs_docker_answers() {
  command -v docker >/dev/null 2>&1 && timeout 10 docker version --format '{{.Server.Version}}' >/dev/null 2>&1
}

ecs_log() { printf 'ecs-emulator: %s\n' "$*" >&2; }

ecs_is_debian_like() {
  [ -r /etc/os-release ] && grep -qiE '^(ID|ID_LIKE)=.*(debian|ubuntu)' /etc/os-release
}

ecs_apt_install() {
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  ecs_log "installing ${missing[*]} with apt-get"
  if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/tmp/ecs-emulator-apt.log 2>&1; then
    apt-get update -q >>/tmp/ecs-emulator-apt.log 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >>/tmp/ecs-emulator-apt.log 2>&1 || {
      ecs_log "apt-get install ${missing[*]} failed; see /tmp/ecs-emulator-apt.log"; return 1; }
  fi
}

# Installs the host packages the sample images are built from (static busybox). Root on Debian only;
# elsewhere the caller reports what is missing.
ecs_ensure_busybox() {
  case "$(LC_ALL=C ldd /bin/busybox 2>&1)" in *"not a dynamic"*) return 0 ;; esac
  if [ "$(id -u)" = 0 ] && ecs_is_debian_like; then ecs_apt_install busybox-static; return; fi
  ecs_log "a statically linked busybox is needed to build the sample images: install busybox-static"
  return 1
}

ecs_ensure_docker() {
  if ecs_docker_answers; then return 0; fi
  case "${DOCKER_HOST:-unix:///var/run/docker.sock}" in
    unix:///var/run/docker.sock) ;;
    *) ecs_log "no Docker engine answers at $DOCKER_HOST: start it (or unset DOCKER_HOST to use the local engine)"; return 1 ;;
  esac
  if [ "$(id -u)" != 0 ] || ! ecs_is_debian_like; then
    ecs_log "no Docker engine answers: install and start Docker (or set DOCKER_HOST), then run this again"
    return 1
  fi
  command -v dockerd >/dev/null 2>&1 || ecs_apt_install docker.io || return 1
  ecs_apt_install busybox-static || return 1
  local log=/var/log/ecs-emulator-dockerd.log
  if ! pgrep -x dockerd >/dev/null 2>&1; then
    ecs_log "starting dockerd (log: $log)"
    # Fully detached: a daemon that inherits our stdout would keep a CI runner's pipe open after we exit.
    setsid nohup dockerd >"$log" 2>&1 </dev/null &
  fi
  local i
  for i in $(seq 1 120); do
    ecs_docker_answers && return 0
    sleep 0.5
  done
  ecs_log "dockerd did not answer within 60 s; last lines of $log:"
  tail -n 20 "$log" >&2 2>/dev/null
  return 1
}

# The clients the CLI tests and the conformance scenarios (conformance/) drive: `aws` v1 and boto3 from pip
# (as `python3 -m awscli` and `import boto3`; Debian's python3-boto3 when pip cannot), Debian's awscli package
# (AWS CLI v2 as /usr/bin/aws), Node with the AWS SDK for JavaScript v3 in conformance/clients/js/node_modules
# (project-local, never global), Debian's docker-registry (distribution 2.8), the loopback registry the image
# pull tests push to and pull from, and Debian's chromium and chromium-driver, which run the dashboard's browser
# tests (headless, through Selenium). Idempotent; best effort: the tests skip a client that is absent and say so.
ecs_ensure_test_clients() {
  local root_debian=false
  [ "$(id -u)" = 0 ] && ecs_is_debian_like && root_debian=true
  if [ ! -x /usr/bin/aws ] && [ "$root_debian" = true ]; then
    ecs_apt_install awscli || ecs_log "warning: Debian's awscli (AWS CLI v2) could not be installed; its tests will be skipped"
  fi
  if ! command -v docker-registry >/dev/null 2>&1 && [ "$root_debian" = true ]; then
    ecs_apt_install docker-registry || ecs_log "warning: Debian's docker-registry could not be installed; the image pull tests will be skipped"
  fi
  if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import awscli, boto3' >/dev/null 2>&1; then
    ecs_log "installing the AWS CLI v1 and boto3 with pip"
    python3 -m pip install -q awscli boto3 >/tmp/ecs-emulator-pip.log 2>&1 \
      || python3 -m pip install -q --break-system-packages awscli boto3 >>/tmp/ecs-emulator-pip.log 2>&1 \
      || ecs_log "warning: pip could not install awscli and boto3 (see /tmp/ecs-emulator-pip.log)"
  fi
  # Without pip: Debian's boto3 (1.26; it predates AWS_ENDPOINT_URL, so that scenario is skipped, saying so).
  if command -v python3 >/dev/null 2>&1 && ! python3 -c 'import boto3' >/dev/null 2>&1 && [ "$root_debian" = true ]; then
    ecs_apt_install python3-boto3 || ecs_log "warning: neither pip nor apt could install boto3; its scenarios will be skipped"
  fi
  if ! command -v npm >/dev/null 2>&1 && [ "$root_debian" = true ]; then
    ecs_apt_install nodejs npm || ecs_log "warning: Node could not be installed; the JavaScript scenarios will be skipped"
  fi
  local js
  js=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)/conformance/clients/js
  if command -v npm >/dev/null 2>&1 && { [ ! -d "$js/node_modules/@aws-sdk/client-ecs" ] \
      || [ "$js/package-lock.json" -nt "$js/node_modules/.package-lock.json" ]; }; then
    ecs_log "installing the AWS SDK for JavaScript v3 into conformance/clients/js/node_modules"
    (cd "$js" && npm install --no-audit --no-fund --loglevel=error >/tmp/ecs-emulator-npm.log 2>&1) \
      || ecs_log "warning: npm install failed (see /tmp/ecs-emulator-npm.log); the JavaScript scenarios will be skipped"
  fi
  if { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; } && [ "$root_debian" = true ]; then
    ecs_apt_install chromium chromium-driver || ecs_log "warning: Debian's chromium could not be installed; the dashboard's browser tests will be skipped"
  fi
  return 0
}
