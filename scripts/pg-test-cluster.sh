#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, benchmarks and CI.
#
#   scripts/pg-test-cluster.sh start            -> prints postgres://demarche@127.0.0.1:PORT/demarche_test
#   scripts/pg-test-cluster.sh stop   URL|DIR   -> stops the cluster and deletes its directory
#   scripts/pg-test-cluster.sh halt   URL|DIR   -> pg_ctl stop -m fast, keeps the data (fault tests)
#   scripts/pg-test-cluster.sh resume URL|DIR   -> starts a halted cluster again on the same port
#   scripts/pg-test-cluster.sh dir    URL       -> prints the cluster's directory
#   scripts/pg-test-cluster.sh bindir           -> prints the PostgreSQL binaries directory (exit 2 if none)
#
# CI:  export DEMARCHE_TEST_PG=$(scripts/pg-test-cluster.sh start); npm test; scripts/pg-test-cluster.sh stop "$DEMARCHE_TEST_PG"
#
# The cluster lives in a fresh directory /tmp/demarche-pg.XXXXXX (data/, socket, log, port). Access is
# "trust" on 127.0.0.1 and the socket only: it is a test cluster, never expose it. initdb refuses to
# run as root, so as root every PostgreSQL binary runs as the "postgres" OS user, which owns the directory.
# Durability is relaxed (fsync off): the data is disposable, and tests run several times faster.
set -euo pipefail

die() { echo "pg-test-cluster: $*" >&2; exit 1; }

find_bindir() {
  if [[ -n "${PG_BINDIR:-}" && -x "$PG_BINDIR/initdb" ]]; then echo "$PG_BINDIR"; return; fi
  if command -v pg_config >/dev/null 2>&1; then
    local d; d=$(pg_config --bindir 2>/dev/null || true)
    if [[ -n "$d" && -x "$d/initdb" ]]; then echo "$d"; return; fi
  fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  # Debian/Ubuntu keep versioned binaries out of PATH; take the newest.
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin /usr/local/pgsql/bin /opt/homebrew/opt/postgresql*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$d/initdb" ]]; then echo "$d"; return; fi
  done
  return 2
}

# Runs a PostgreSQL binary as the cluster owner (the postgres OS user when we are root).
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then
    if command -v runuser >/dev/null 2>&1; then runuser -u postgres -- "$@"
    else su postgres -s /bin/sh -c "$(printf '%q ' "$@")"; fi
  else
    "$@"
  fi
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# URL or directory -> the cluster directory.
resolve_dir() {
  local target=${1:-${DEMARCHE_TEST_PG:-}}
  [[ -n "$target" ]] || die "which cluster? pass its URL or directory"
  if [[ -d "$target" && -f "$target/port" ]]; then echo "$target"; return; fi
  local port; port=$(sed -nE 's#^postgres(ql)?://[^/]*:([0-9]+)/.*#\2#p' <<<"$target")
  [[ -n "$port" ]] || die "not a cluster directory or postgres:// URL with a port: $target"
  local f
  for f in "${TMPDIR:-/tmp}"/demarche-pg.*/port; do
    if [[ -f "$f" && "$(cat "$f")" == "$port" ]]; then dirname "$f"; return; fi
  done
  die "no test cluster found for port $port"
}

pg_start() {
  local dir=$1 port=$2
  as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 30 \
    -o "-p $port -k $dir -h 127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null
}

cmd_start() {
  local dir port i
  dir=$(mktemp -d "${TMPDIR:-/tmp}/demarche-pg.XXXXXX")
  chmod 755 "$dir"
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres: "$dir"
    as_owner test -w "$dir" || { rm -rf "$dir"; die "the postgres user cannot write to $dir; set TMPDIR to a directory it can reach (e.g. /tmp)"; }
  fi
  as_owner "$BIN/initdb" -D "$dir/data" -U demarche --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || as_owner "$BIN/initdb" -D "$dir/data" -U demarche --auth=trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  for i in $(seq 1 20); do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    port_in_use "$port" && continue
    if pg_start "$dir" "$port" 2>>"$dir/start.err"; then
      as_owner sh -c "echo $port > '$dir/port'"
      as_owner "$BIN/createdb" -h 127.0.0.1 -p "$port" -U demarche demarche_test
      echo "postgres://demarche@127.0.0.1:$port/demarche_test"
      return
    fi
  done
  tail -n 20 "$dir/log" >&2 2>/dev/null || true
  die "could not start PostgreSQL (see $dir/log)"
}

cmd_halt() {
  local dir; dir=$(resolve_dir "${1:-}")
  as_owner "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
}

cmd_resume() {
  local dir; dir=$(resolve_dir "${1:-}")
  pg_start "$dir" "$(cat "$dir/port")"
}

cmd_stop() {
  local dir; dir=$(resolve_dir "${1:-}")
  as_owner "$BIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  bindir) find_bindir || { echo "pg-test-cluster: no PostgreSQL binaries found" >&2; exit 2; } ;;
  start|stop|halt|resume)
    BIN=$(find_bindir) || { echo "pg-test-cluster: no PostgreSQL binaries found (install postgresql or set PG_BINDIR)" >&2; exit 2; }
    if [[ $(id -u) -eq 0 ]] && ! id postgres >/dev/null 2>&1; then die "running as root needs a 'postgres' OS user"; fi
    "cmd_$1" "${2:-}" ;;
  dir) resolve_dir "${2:-}" ;;
  *) echo "usage: $0 start | stop URL|DIR | halt URL|DIR | resume URL|DIR | dir URL | bindir" >&2; exit 64 ;;
esac
