#!/usr/bin/env bash
# Runs every test of the solution against a throwaway PostgreSQL that this script starts and always removes.
#   ./scripts/test.sh                    everything
#   ./scripts/test.sh --filter Boot      extra arguments go to `dotnet test`
# Installs Debian's postgresql package first when no PostgreSQL server binaries are found.
set -euo pipefail

root_dir=$(cd "$(dirname "$0")/.." && pwd)
cd "$root_dir"

log() { printf 'test.sh: %s\n' "$*" >&2; }

find_pg_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  return 1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

pg_bin=$(find_pg_bindir || true)
if [ -z "$pg_bin" ]; then
  log "no PostgreSQL server found; installing Debian's postgresql package"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  pg_bin=$(find_pg_bindir) || { log "postgresql was installed but initdb was not found"; exit 1; }
fi

# PostgreSQL refuses to run as root: run the cluster as the postgres user then.
run_pg=()
if [ "$(id -u)" -eq 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  run_pg=(runuser -u postgres --)
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/iam-test-pg.XXXXXX")
chmod 700 "$work"
[ "$(id -u)" -eq 0 ] && chown postgres: "$work"
data="$work/data"

cleanup() {
  local status=$?
  if [ -f "$data/postmaster.pid" ]; then
    "${run_pg[@]}" "$pg_bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT INT TERM

"${run_pg[@]}" "$pg_bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

started=""
for _ in $(seq 1 20); do
  port=$(( 20000 + RANDOM % 40000 ))
  port_is_free "$port" || continue
  # Durability settings are off: the cluster lives for one test run.
  if "${run_pg[@]}" "$pg_bin/pg_ctl" -D "$data" -l "$work/postgres.log" -w -t 60 start \
      -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off \
          -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
    started=yes
    break
  fi
done
if [ -z "$started" ]; then
  log "PostgreSQL did not start; its log follows"
  cat "$work/postgres.log" >&2 || true
  exit 1
fi
log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $work)"

export IAM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Include Error Detail=true"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

set +e
dotnet test IamService.sln --nologo "$@" 2>&1 | tee "$work/dotnet-test.log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the test projects.
awk '
  /(Passed|Failed)!/ && /Total:/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") failed += $(i + 1)
      if ($i == "Passed:") passed += $(i + 1)
      if ($i == "Skipped:") skipped += $(i + 1)
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$work/dotnet-test.log"
exit "$status"
