#!/usr/bin/env bash
# Installs (or upgrades in place) ASE on a Debian 12 / Ubuntu 24.04 mini-PC, from the checkout this
# script sits in. Run as root:   sudo installer/install.sh
#
#   --root DIR      dry run: write every file under DIR (DIR/opt/ase, DIR/etc/..., DIR/var/lib/ase)
#                   and print, instead of running, what needs a real system (apt, useradd, chown to
#                   ase, systemctl, udevadm, npm). Same as ASE_INSTALL_ROOT=DIR.
#   --port N        HTTP port written to a new /etc/ase/ase.env (default 8080; an existing file is kept)
#   --with-tunnel   also install cloudflared from Cloudflare's apt repository (remote access)
#   --no-start      install and enable, but do not start
#   -h, --help      this text
#
# What goes where: app in /opt/ase/app (the previous version stays in /opt/ase/app.prev), config in
# /etc/ase/ase.env, data in /var/lib/ase, units in /etc/systemd/system, udev rules in
# /etc/udev/rules.d. See installer/README.md.
set -euo pipefail

readonly MIN_NODE_MAJOR=24
readonly NODE_BIN=/usr/bin/node
readonly NPM_BIN=/usr/bin/npm
readonly KEEP_UPGRADE_BACKUPS=5
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SOURCE_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
readonly SCRIPT_DIR SOURCE_DIR

ROOT="${ASE_INSTALL_ROOT:-}"
PORT=8080
WITH_TUNNEL=0
START=1

say() { printf '==> %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --root) ROOT="${2:?--root needs a directory}"; shift 2 ;;
    --root=*) ROOT="${1#--root=}"; shift ;;
    --port) PORT="${2:?--port needs a number}"; shift 2 ;;
    --port=*) PORT="${1#--port=}"; shift ;;
    --with-tunnel) WITH_TUNNEL=1; shift ;;
    --no-start) START=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
done
if ! [[ "$PORT" =~ ^[0-9]+$ ]] || [ "$PORT" -lt 1 ] || [ "$PORT" -gt 65535 ]; then
  die "--port must be 1-65535, got $PORT"
fi

DRY_RUN=0
if [ -n "$ROOT" ]; then
  mkdir -p "$ROOT"
  ROOT="$(cd "$ROOT" && pwd)"
  [ "$ROOT" != / ] || die "--root / is a real install: leave --root out"
  DRY_RUN=1
fi
readonly ROOT DRY_RUN

# The install layout, as seen on the target system (prefix with p() to touch the files).
readonly OPT=/opt/ase APP=/opt/ase/app APP_NEW=/opt/ase/app.new APP_PREV=/opt/ase/app.prev
readonly DATA=/var/lib/ase ETC=/etc/ase ENV_FILE=/etc/ase/ase.env
readonly UNIT_DIR=/etc/systemd/system UDEV_RULES=/etc/udev/rules.d/99-ase-serial.rules
readonly UNITS=(ase.service ase-tunnel.service ase-tunnel.path ase-tunnel-reload.service)

p() { printf '%s%s' "$ROOT" "$1"; }

# Runs a command that needs the real system; a dry run prints it instead.
run() {
  if [ "$DRY_RUN" = 1 ]; then
    printf '[dry-run] %s\n' "$(printf '%q ' "$@" | sed 's/ $//')"
  else
    "$@"
  fi
}
run_in() {
  local dir="$1"
  shift
  if [ "$DRY_RUN" = 1 ]; then
    printf '[dry-run] (cd %q && %s)\n' "$dir" "$(printf '%q ' "$@" | sed 's/ $//')"
  else
    (cd "$(p "$dir")" && "$@")
  fi
}
# Ownership by the ase user exists only on a real system (a dry run's user is not created).
own() { run chown "$1" "$2"; }

apt_install() { run env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"; }

node_major() {
  if [ -x "$NODE_BIN" ]; then "$NODE_BIN" -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; else echo 0; fi
}

preflight() {
  if [ "$DRY_RUN" = 1 ]; then
    say "Dry run into $ROOT: files are written there, system commands are only printed"
    return
  fi
  [ "$(id -u)" = 0 ] || die "run as root: sudo $0"
  [ -d /run/systemd/system ] || die "systemd is not running here (in a container, use the Dockerfile instead)"
  # shellcheck disable=SC1091
  if [ -r /etc/os-release ] && . /etc/os-release && [[ "${ID:-} ${ID_LIKE:-}" =~ (debian|ubuntu) ]]; then
    say "Installing on ${PRETTY_NAME:-$ID}"
  else
    warn "this installer is made for Debian 12 and Ubuntu 24.04; carrying on anyway"
  fi
  # One installer at a time.
  exec 9>/run/ase-install.lock
  flock -n 9 || die "another install.sh is running"
  # npm and tsc start through `env node`: make that the Node the service runs, so native modules
  # are built for its ABI even if another Node (nvm, /usr/local) comes first on root's PATH.
  PATH="$(dirname "$NODE_BIN"):$PATH"
  export PATH
}

ensure_packages() {
  local missing=()
  command -v make >/dev/null 2>&1 || missing+=(make)
  command -v g++ >/dev/null 2>&1 || missing+=(g++)
  command -v python3 >/dev/null 2>&1 || missing+=(python3)
  [ -s /etc/ssl/certs/ca-certificates.crt ] || missing+=(ca-certificates)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v gpg >/dev/null 2>&1 || missing+=(gnupg)
  if [ ${#missing[@]} -gt 0 ]; then
    # Native modules (better-sqlite3, argon2) fall back to a source build when no prebuilt fits;
    # Litestream needs the CA bundle to reach S3 over TLS.
    say "Installing packages: ${missing[*]}"
    run apt-get update
    apt_install "${missing[@]}"
  fi
}

# Adds an apt repository with its own signing key (kept in /etc/apt/keyrings).
add_apt_repo() {
  local name="$1" key_url="$2" line="$3"
  run install -d -m 0755 /etc/apt/keyrings
  if [ "$DRY_RUN" = 1 ]; then
    printf '[dry-run] curl -fsSL %q | gpg --dearmor -o /etc/apt/keyrings/%s.gpg\n' "$key_url" "$name"
  else
    curl -fsSL "$key_url" | gpg --dearmor --yes -o "/etc/apt/keyrings/$name.gpg"
  fi
  mkdir -p "$(p /etc/apt/sources.list.d)"
  printf '%s\n' "$line" >"$(p "/etc/apt/sources.list.d/$name.list")"
}

ensure_node() {
  local major
  major="$(node_major)"
  if [ "$major" -ge "$MIN_NODE_MAJOR" ]; then
    say "Node.js $("$NODE_BIN" --version) found at $NODE_BIN"
    return
  fi
  if [ "$major" = 0 ]; then
    say "Node.js is not installed at $NODE_BIN; installing Node.js $MIN_NODE_MAJOR LTS from NodeSource (deb.nodesource.com)"
  else
    say "Node.js $major at $NODE_BIN is too old (ASE needs $MIN_NODE_MAJOR LTS); installing Node.js $MIN_NODE_MAJOR from NodeSource (deb.nodesource.com)"
  fi
  add_apt_repo nodesource https://deb.nodesource.com/gpgkey/nodesource-repo.gpg.key \
    "deb [signed-by=/etc/apt/keyrings/nodesource.gpg] https://deb.nodesource.com/node_$MIN_NODE_MAJOR.x nodistro main"
  # Prefer NodeSource's nodejs over the distribution's older one.
  mkdir -p "$(p /etc/apt/preferences.d)"
  printf 'Package: nodejs\nPin: origin deb.nodesource.com\nPin-Priority: 600\n' >"$(p /etc/apt/preferences.d/nodesource)"
  run apt-get update
  apt_install nodejs
  if [ "$DRY_RUN" = 0 ]; then
    major="$(node_major)"
    [ "$major" -ge "$MIN_NODE_MAJOR" ] || die "Node.js $MIN_NODE_MAJOR could not be installed (found major $major at $NODE_BIN)"
    say "Node.js $("$NODE_BIN" --version) installed"
  fi
}

ensure_cloudflared() {
  [ "$WITH_TUNNEL" = 1 ] || return 0
  if [ "$DRY_RUN" = 0 ] && [ -x /usr/bin/cloudflared ]; then
    say "cloudflared found"
    return
  fi
  say "Installing cloudflared from Cloudflare's apt repository (pkg.cloudflare.com)"
  add_apt_repo cloudflare-main https://pkg.cloudflare.com/cloudflare-main.gpg \
    "deb [signed-by=/etc/apt/keyrings/cloudflare-main.gpg] https://pkg.cloudflare.com/cloudflared any main"
  run apt-get update
  apt_install cloudflared
}

# Copies the checkout into /opt/ase/app.new and builds it there, while the old version still runs.
stage_app() {
  say "Copying the app from $SOURCE_DIR"
  rm -rf "$(p "$APP_NEW")"
  mkdir -p "$(p "$APP_NEW")"
  # Build output, dependencies and local data are made fresh on the target, never copied. GNU tar
  # exits 1 when a file changed while it was read (someone editing the checkout): a warning only.
  {
    tar -C "$SOURCE_DIR" \
      --exclude=node_modules --exclude=./.git --exclude=./data --exclude=./dist --exclude=./server/dist --exclude=./ui/build \
      --exclude='./ui/.svelte-kit*' --exclude=./test-results --exclude=./playwright-report \
      --exclude=./coverage --exclude='*.db' --exclude='*.db-wal' --exclude='*.db-shm' --exclude=./.env \
      -cf - . || [ $? -eq 1 ]
  } | tar -C "$(p "$APP_NEW")" --no-same-owner -xf -
  # Root owns the code; the server (user ase) may read it but never change it.
  chmod -R u=rwX,go=rX "$(p "$APP_NEW")"

  say "Installing dependencies and building the staff app (a few minutes on a mini-PC)"
  run_in "$APP_NEW" "$NPM_BIN" ci --no-audit --no-fund
  run_in "$APP_NEW" "$NPM_BIN" run build:ui
  # Every runtime part as JavaScript in dist/ (server, contracts, devices, models, at the same
  # relative places; the server finds package.json and ui/build by walking up from its files).
  run_in "$APP_NEW" node_modules/.bin/tsc -p tsconfig.build.json --sourceMap false
  run_in "$APP_NEW" "$NPM_BIN" prune --omit=dev --no-audit --no-fund
  run_in "$APP_NEW" rm -rf ui/.svelte-kit
  if [ "$DRY_RUN" = 0 ]; then
    [ -f "$(p "$APP_NEW")/ui/build/200.html" ] || die "the staff app did not build (no ui/build/200.html)"
    [ -f "$(p "$APP_NEW")/dist/server/src/main.js" ] || die "the server did not build (no dist/server/src/main.js)"
    [ -x "$(p "$APP_NEW")/node_modules/@flydotio/litestream-linux-x64/litestream" ] ||
      warn "Litestream is not installed (it ships for linux-x64 only): off-site replication will be unavailable"
  fi
}

ensure_user() {
  if [ "$DRY_RUN" = 0 ] && getent passwd ase >/dev/null; then
    run usermod --append --groups dialout ase
  else
    # dialout: serial OBD adapters and printers (see 99-ase-serial.rules).
    run useradd --system --user-group --groups dialout --home-dir "$DATA" --no-create-home \
      --shell /usr/sbin/nologin --comment 'ASE shop server' ase
  fi
}

ensure_dirs_and_config() {
  install -d -m 0755 "$(p "$OPT")"
  install -d -m 0750 "$(p "$DATA")" "$(p "$DATA/backups")"
  # The tunnel token is a credential: the server keeps its folder 0700 too (remote-access/tunnel.ts).
  install -d -m 0700 "$(p "$DATA/tunnel")"
  own ase:ase "$DATA"
  own ase:ase "$DATA/backups"
  own ase:ase "$DATA/tunnel"
  install -d -m 0750 "$(p "$ETC")"
  own root:ase "$ETC"
  if [ -e "$(p "$ENV_FILE")" ]; then
    say "Keeping the configuration in $ENV_FILE"
  else
    say "Writing the configuration $ENV_FILE"
    (
      umask 027
      cat >"$(p "$ENV_FILE")" <<EOF
# ASE server configuration, read by ase.service (EnvironmentFile=). Upgrades keep this file.
# Keys: see "Configuration" in /opt/ase/app/README.md. An unknown ASE_* variable stops the start
# with a message naming it (systemctl status ase / journalctl -u ase).
ASE_DATA_DIR=$DATA
ASE_HOST=0.0.0.0
ASE_PORT=$PORT
ASE_LOG_LEVEL=info
EOF
    )
    chmod 0640 "$(p "$ENV_FILE")"
    own root:ase "$ENV_FILE"
  fi
}

app_version() {
  local pkg="$1/package.json"
  [ -f "$pkg" ] || {
    echo unknown
    return
  }
  sed -n 's/^  "version": "\([^"]*\)".*/\1/p' "$pkg" | head -n 1
}

# Copies the database before the new version can migrate it (the server also copies it before
# pending migrations; this copy is the installer's own, named after the version it came from).
backup_database() {
  local db
  db="$(p "$DATA/ase.db")"
  [ -f "$db" ] || {
    say "No database yet; nothing to back up"
    return 0
  }
  local target
  target="$DATA/backups/ase-before-upgrade-$(app_version "$(p "$APP")")-$(date -u +%Y%m%dT%H%M%SZ).db"
  say "Backing up the database to $target"
  local node=node
  [ "$DRY_RUN" = 1 ] || node="$NODE_BIN"
  # The new version's better-sqlite3 (a dry run has none built; the checkout's is used then).
  local -a copy=("$node" "$SCRIPT_DIR/backup-db.mjs" "$db" "$(p "$target")" "$(p "$APP_NEW")" "$SOURCE_DIR")
  # As the ase user, so SQLite's -wal/-shm files it may create stay the server's.
  [ "$DRY_RUN" = 1 ] || copy=(runuser -u ase -- "${copy[@]}")
  if ! "${copy[@]}" >/dev/null; then
    [ "$DRY_RUN" = 1 ] || systemctl start ase.service || true
    die "the database backup failed; nothing was changed (the old version was started again)"
  fi
  # Keep the newest few upgrade copies; migration copies in the same folder are the server's.
  local old
  while IFS= read -r old; do
    rm -f -- "$old"
  done < <(find "$(p "$DATA/backups")" -maxdepth 1 -name 'ase-before-upgrade-*.db' -printf '%T@ %p\n' |
    sort -rn | tail -n +$((KEEP_UPGRADE_BACKUPS + 1)) | cut -d' ' -f2-)
}

swap_app() {
  rm -rf "$(p "$APP_PREV")"
  [ ! -d "$(p "$APP")" ] || mv "$(p "$APP")" "$(p "$APP_PREV")"
  mv "$(p "$APP_NEW")" "$(p "$APP")"
}

install_system_files() {
  say "Installing systemd units and udev rules"
  install -d -m 0755 "$(p "$UNIT_DIR")" "$(dirname "$(p "$UDEV_RULES")")"
  local unit
  for unit in "${UNITS[@]}"; do
    install -m 0644 "$SOURCE_DIR/systemd/$unit" "$(p "$UNIT_DIR/$unit")"
  done
  install -m 0644 "$SCRIPT_DIR/99-ase-serial.rules" "$(p "$UDEV_RULES")"
  run systemctl daemon-reload
  run udevadm control --reload-rules
  run udevadm trigger --action=add --subsystem-match=tty
  # The tunnel only runs once the owner saves a token (ConditionPathExists= in its unit).
  run systemctl enable ase.service ase-tunnel.service ase-tunnel.path
}

configured_port() {
  local port
  port="$(sed -n 's/^ASE_PORT=\([0-9]*\).*/\1/p' "$(p "$ENV_FILE")" | tail -n 1)"
  echo "${port:-8080}"
}

wait_for_health() {
  local port="$1" url i
  url="http://127.0.0.1:$port/api/health"
  if [ "$DRY_RUN" = 1 ]; then
    printf '[dry-run] wait for %s\n' "$url"
    return 0
  fi
  say "Waiting for $url"
  for ((i = 0; i < 120; i++)); do
    if "$NODE_BIN" -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$url"; then
      return 0
    fi
    sleep 1
  done
  return 1
}

lan_addresses() {
  local ips
  ips="$(ip -4 -o addr show scope global 2>/dev/null | awk '{ split($4, a, "/"); print a[1] }')" || true
  [ -n "$ips" ] || ips="$(hostname -I 2>/dev/null | tr ' ' '\n' | grep -E '^[0-9.]+$')" || true
  printf '%s\n' "$ips" | sed '/^$/d'
}

main() {
  preflight
  local upgrade=0
  [ ! -d "$(p "$APP")" ] || upgrade=1

  ensure_packages
  ensure_node
  ensure_cloudflared
  stage_app
  ensure_user
  ensure_dirs_and_config

  if [ "$upgrade" = 1 ]; then
    say "Upgrading from $(app_version "$(p "$APP")") to $(app_version "$(p "$APP_NEW")")"
    run systemctl stop ase.service
    backup_database
  fi
  swap_app
  install_system_files

  if [ "$START" = 0 ]; then
    say "Installed; start it with: systemctl start ase"
    return
  fi
  local port
  port="$(configured_port)"
  run systemctl start ase-tunnel.path
  # Type=notify: restart returns once the server said READY=1 (or failed to).
  if ! run systemctl restart ase.service || ! wait_for_health "$port"; then
    printf '\nASE did not answer on port %s. See: journalctl -u ase -n 100\n' "$port" >&2
    if [ "$upgrade" = 1 ]; then
      printf 'To go back to the previous version:\n  systemctl stop ase\n  mv %s %s.failed && mv %s %s\n' \
        "$APP" "$APP" "$APP_PREV" "$APP" >&2
      printf '  cp the newest %s/backups/ase-before-upgrade-*.db to %s/ase.db (as user ase)\n  systemctl start ase\n' \
        "$DATA" "$DATA" >&2
    fi
    exit 1
  fi

  if [ "$DRY_RUN" = 1 ]; then
    printf '\nDry run finished: the files are under %s. A real install would answer at:\n' "$ROOT"
  else
    printf '\nASE is running. Open it from any computer or tablet in the shop:\n'
  fi
  local ip found=0
  while IFS= read -r ip; do
    printf '  http://%s:%s\n' "$ip" "$port"
    found=1
  done < <(lan_addresses)
  [ "$found" = 1 ] || printf '  http://%s:%s\n' "$(hostname)" "$port"
  printf 'The first visit creates the owner account. Logs: journalctl -u ase -f\n'
}

main
