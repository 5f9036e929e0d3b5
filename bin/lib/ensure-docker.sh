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

# The AWS CLIs the CLI tests drive: `aws` v1 from pip is usually on the PATH; Debian's awscli package adds
# CLI v2 as /usr/bin/aws. Debian's docker-registry (distribution 2.8) is the loopback registry the image
# pull tests push to and pull from. Debian's chromium and chromium-driver run the dashboard's browser tests
# (headless, through Selenium). Best effort: the tests skip a client that is absent and say so.
ecs_ensure_test_clients() {
  if [ ! -x /usr/bin/aws ] && [ "$(id -u)" = 0 ] && ecs_is_debian_like; then
    ecs_apt_install awscli || ecs_log "warning: Debian's awscli (AWS CLI v2) could not be installed; its tests will be skipped"
  fi
  if ! command -v docker-registry >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && ecs_is_debian_like; then
    ecs_apt_install docker-registry || ecs_log "warning: Debian's docker-registry could not be installed; the image pull tests will be skipped"
  fi
  if { [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; } && [ "$(id -u)" = 0 ] && ecs_is_debian_like; then
    ecs_apt_install chromium chromium-driver || ecs_log "warning: Debian's chromium could not be installed; the dashboard's browser tests will be skipped"
  fi
  return 0
}
