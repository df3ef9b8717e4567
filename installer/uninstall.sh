#!/usr/bin/env bash
# Removes ASE from this machine: services, units, udev rules and the app in /opt/ase.
# The data (/var/lib/ase), the configuration (/etc/ase) and the ase user are KEPT, so a later
# install.sh picks up where this one left off, unless --purge is given.
#
#   --purge       also delete /var/lib/ase (database, photos, backups!), /etc/ase and the ase user
#   --root DIR    dry run on the files under DIR; system commands are printed, not run
#                 (same as ASE_INSTALL_ROOT=DIR)
#   -h, --help    this text
set -euo pipefail

ROOT="${ASE_INSTALL_ROOT:-}"
PURGE=0

say() { printf '==> %s\n' "$*"; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}
usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'; }

while [ $# -gt 0 ]; do
  case "$1" in
    --purge) PURGE=1; shift ;;
    --root) ROOT="${2:?--root needs a directory}"; shift 2 ;;
    --root=*) ROOT="${1#--root=}"; shift ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
done

DRY_RUN=0
if [ -n "$ROOT" ]; then
  [ -d "$ROOT" ] || die "--root $ROOT does not exist"
  ROOT="$(cd "$ROOT" && pwd)"
  [ "$ROOT" != / ] || die "--root / is a real uninstall: leave --root out"
  DRY_RUN=1
fi
readonly ROOT DRY_RUN PURGE

readonly UNITS=(ase.service ase-tunnel.service ase-tunnel.path ase-tunnel-reload.service)

p() { printf '%s%s' "$ROOT" "$1"; }
run() {
  if [ "$DRY_RUN" = 1 ]; then
    printf '[dry-run] %s\n' "$(printf '%q ' "$@" | sed 's/ $//')"
  else
    "$@"
  fi
}

if [ "$DRY_RUN" = 0 ]; then
  [ "$(id -u)" = 0 ] || die "run as root: sudo $0"
else
  say "Dry run in $ROOT: files are removed there, system commands are only printed"
fi

say "Stopping and disabling the ASE services"
# || true: a unit that was never installed is not an error here.
run systemctl disable --now ase-tunnel.path ase-tunnel.service ase.service || true

say "Removing units, udev rules and the app"
for unit in "${UNITS[@]}"; do
  rm -f "$(p "/etc/systemd/system/$unit")"
done
rm -f "$(p /etc/udev/rules.d/99-ase-serial.rules)"
run systemctl daemon-reload
run udevadm control --reload-rules
rm -rf "$(p /opt/ase)"

if [ "$PURGE" = 1 ]; then
  say "Purging the data (/var/lib/ase), the configuration (/etc/ase) and the ase user"
  rm -rf "$(p /var/lib/ase)" "$(p /etc/ase)"
  if [ "$DRY_RUN" = 1 ] || getent passwd ase >/dev/null; then
    run userdel ase
  fi
else
  say "Kept the data in /var/lib/ase and the configuration in /etc/ase (run with --purge to delete them)"
fi
say "ASE is uninstalled. Node.js and its NodeSource apt repository were left in place."
