# shellcheck shell=bash
# Builds, starts and stops the service (Release) on PostgreSQL for scripts that drive it over HTTP. Sourced after
# scripts/lib/postgres.sh, by scripts that define log() and root_dir first.
#   api_build            builds the service into $api_dir
#   api_start [VAR=...]  starts it on a free loopback port against the database iam of the running cluster,
#                        with extra environment variables, and waits until it is ready; sets api (its URL) and
#                        api_pid; its output goes to $pg_work/api.log
#   api_sign_in NAME PASSWORD
#                        prints the access token of a password sign-in to the running service
#   api_stop             stops it, if running
#   api_cleanup          the EXIT trap: stops the service and the cluster, keeping the script's exit status

api_dir="$root_dir/src/IamService.Api/bin/Release/net10.0"
api_pid=""

api_build() {
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
  log "building the service (Release)"
  dotnet build "$root_dir/src/IamService.Api" -c Release --nologo -v quiet -o "$api_dir" >/dev/null
}

api_start() {
  local port _
  for _ in $(seq 1 20); do
    port=$(( 20000 + RANDOM % 40000 ))
    pg_port_is_free "$port" && break
  done
  api="http://127.0.0.1:$port"
  (cd "$api_dir" && exec env Storage__Provider=Postgres Urls="$api" \
    ConnectionStrings__Iam="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=iam" \
    "$@" dotnet IamService.Api.dll >>"$pg_work/api.log" 2>&1) &
  api_pid=$!
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$api/health/ready" 2>/dev/null && return 0
    kill -0 "$api_pid" 2>/dev/null || break
    sleep 1
  done
  log "the service did not become ready; its log follows"
  cat "$pg_work/api.log" >&2
  exit 1
}

api_sign_in() {
  curl -fsS -H 'Content-Type: application/json' -d "{\"userName\":\"$1\",\"password\":\"$2\"}" \
    "$api/api/v1/auth/login" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}

api_stop() {
  if [ -n "$api_pid" ]; then
    kill "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
    api_pid=""
  fi
}

api_cleanup() {
  local status=$?
  api_stop
  pg_stop
  exit "$status"
}
