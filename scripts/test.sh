#!/usr/bin/env bash
# Runs every test of the solution against a throwaway PostgreSQL that this script starts and always removes.
#   ./scripts/test.sh                    everything
#   ./scripts/test.sh --filter Boot      extra arguments go to `dotnet test`
# Installs Debian's postgresql package first when no PostgreSQL server binaries are found.
set -euo pipefail

root_dir=$(cd "$(dirname "$0")/.." && pwd)
cd "$root_dir"

log() { printf 'test.sh: %s\n' "$*" >&2; }

# shellcheck source=scripts/lib/postgres.sh
. "$root_dir/scripts/lib/postgres.sh"

trap 'status=$?; pg_stop; exit "$status"' EXIT INT TERM

pg_start

export IAM_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Include Error Detail=true"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

set +e
dotnet test IamService.sln --nologo "$@" 2>&1 | tee "$pg_work/dotnet-test.log"
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
' "$pg_work/dotnet-test.log"
exit "$status"
