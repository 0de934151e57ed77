#!/usr/bin/env bash
# HTTP load benchmark of the decision endpoints. Starts a throwaway PostgreSQL, lets the service (Release) create
# its schema and account, seeds a realistic account (bench/load/seed.sql: 1,000 users in 50 groups, 200 managed
# policies of 5 to 10 statements, boundaries on 10% of users), pre-generates request bodies, restarts the service
# with the ceiling endpoint on, signs in as the asking service (a user allowed iam:Authorize on the account's users),
# warms the service, then drives with wrk from loopback, in each round and in turn:
#   ceiling   POST /api/v1/benchmarks/ceiling: parses a body of the same size and answers a constant
#   single    POST /api/v1/authorize: one decision for a random principal, action and resource of the mix
#   batch     POST /api/v1/authorize/batch: 100 such decisions per request
# and prints each round, the medians over the rounds, and whether the targets are met.
#   bench/load/run.sh                          3 rounds of 15 s per endpoint, 64 connections, 2 wrk threads
#   ROUNDS=5 DURATION=30 CONNECTIONS=64 THREADS=2 bench/load/run.sh
#   TRACE=1 bench/load/run.sh                  also prints a CPU profile of single decisions (dotnet-trace)
#   SERVE=1 bench/load/run.sh                  seeds and warms, then leaves the service running to profile by hand
# Needs the .NET 10 SDK; installs Debian's wrk, curl and postgresql packages when missing. Always removes the
# cluster and stops the service. Exits 1 if a request failed; a missed target is reported, not an error.
set -euo pipefail

root_dir=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root_dir"

log() { printf 'load: %s\n' "$*" >&2; }

# shellcheck source=scripts/lib/postgres.sh
. "$root_dir/scripts/lib/postgres.sh"

rounds=${ROUNDS:-3}
duration=${DURATION:-15}
connections=${CONNECTIONS:-64}
threads=${THREADS:-2}
singles=20000
batches=200
password="Load-benchmark-root-1"

# shellcheck source=scripts/lib/api.sh
. "$root_dir/scripts/lib/api.sh"
trap api_cleanup EXIT INT TERM

missing=()
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
command -v curl >/dev/null 2>&1 || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

api_build

pg_start
psql=("$pg_bin/psql" --no-psqlrc --quiet --set ON_ERROR_STOP=1 --host 127.0.0.1 --port "$pg_port" --username postgres)
"${psql[@]}" --dbname postgres --command 'CREATE DATABASE iam'
q() { "${psql[@]}" --dbname iam --tuples-only --no-align --command "$1"; }

# The service as measured: warnings only in its log (the benchmark measures the service, not its console), and
# the ceiling endpoint on.
start_api() {
  api_start IAM_ROOT_PASSWORD="$password" Logging__LogLevel__Default=Warning Benchmarks__CeilingEndpoint=true
}

log "creating the schema and the account"
start_api
api_stop

log "seeding the account"
"${psql[@]}" --dbname iam --file bench/load/seed.sql >/dev/null
"${psql[@]}" --dbname iam --command 'VACUUM (ANALYZE)'
q "SELECT 'users ' || (SELECT count(*) FROM users) || ', groups ' || (SELECT count(*) FROM groups)
   || ', managed policies ' || (SELECT count(*) FROM managed_policies)
   || ', users with a boundary ' || (SELECT count(*) FROM users WHERE permissions_boundary_policy_id IS NOT NULL)
   || ', memberships ' || (SELECT count(*) FROM group_memberships)
   || ', attachments ' || (SELECT count(*) FROM user_policy_attachments) || ' to users, '
   || (SELECT count(*) FROM group_policy_attachments) || ' to groups'" >&2

# The request mix: a random user; an action and a resource from a fixed list of 13 (reads, writes, deletes
# under prod/, IAM writes, conditions on the source IP, the region, MFA and the principal's team tag); the
# user's own team 70% of the time; a context (source IP and region) 70% of the time.
log "generating $singles request bodies and $batches batches of 100"
mix="
  WITH acct AS (SELECT account_id AS a FROM accounts),
  principals AS (
    SELECT array_agg(format('arn:aws:iam::%s:user%s%s', acct.a, u.path, u.name) ORDER BY u.id) AS arn,
           array_agg(substr(t.value, 6)::int ORDER BY u.id) AS team
    FROM users AS u JOIN user_tags AS t ON t.user_id = u.id AND t.normalized_key = 'TEAM', acct),
  templates AS (
    SELECT array_agg(action ORDER BY k) AS action, array_agg(replace(resource, 'ACCT', acct.a) ORDER BY k) AS resource
    FROM acct, (VALUES
      (1, 's3:GetObject', 'arn:aws:s3:::team-%s-data/reports/2026/summary.pdf'),
      (2, 's3:ListBucket', 'arn:aws:s3:::team-%s-data'),
      (3, 's3:PutObject', 'arn:aws:s3:::team-%s-data/uploads/batch-7.csv'),
      (4, 's3:DeleteObject', 'arn:aws:s3:::team-%s-data/prod/old.log'),
      (5, 'ec2:DescribeInstances', '*'),
      (6, 'dynamodb:Query', 'arn:aws:dynamodb:us-east-1:ACCT:table/orders-%s'),
      (7, 'dynamodb:DeleteTable', 'arn:aws:dynamodb:us-east-1:ACCT:table/orders-%s'),
      (8, 'sqs:SendMessage', 'arn:aws:sqs:us-east-1:ACCT:queue-%s-events'),
      (9, 'lambda:InvokeFunction', 'arn:aws:lambda:us-east-1:ACCT:function:svc-%s-api'),
      (10, 'kms:Decrypt', 'arn:aws:kms:us-east-1:ACCT:key/team-%s'),
      (11, 'logs:PutLogEvents', 'arn:aws:logs:us-east-1:ACCT:log-group:/app/team-%s:log-stream:web-1'),
      (12, 'iam:CreateAccessKey', 'arn:aws:iam::ACCT:user/ops-%s'),
      (13, 'cloudwatch:GetMetricData', '*')) AS t(k, action, resource)),
  picks AS (
    SELECT i, 1 + floor(random() * 1000)::int AS u, 1 + floor(random() * 13)::int AS t,
           random() < 0.7 AS own_team, floor(random() * 20)::int AS other_team, random() AS c
    FROM generate_series(1, COUNT) AS i)
  SELECT i, json_strip_nulls(json_build_object(
           'principalArn', p.arn[u], 'action', m.action[t],
           'resource', format(m.resource[t], CASE WHEN own_team THEN p.team[u] ELSE other_team END),
           'context', CASE WHEN c < 0.3 THEN NULL
             WHEN c < 0.6 THEN json_build_object('aws:SourceIp', '10.1.2.3', 'aws:RequestedRegion', 'us-east-1')
             WHEN c < 0.8 THEN json_build_object('aws:SourceIp', '203.0.113.9', 'aws:RequestedRegion', 'eu-west-1')
             ELSE json_build_object('aws:SourceIp', '10.20.30.40', 'aws:RequestedRegion', 'ap-south-1') END
         ))::text AS body
  FROM picks, principals AS p, templates AS m"
bodies="$pg_work/bodies"
mkdir -p "$bodies"
# setseed prints an empty line first.
q "SELECT setseed(0.7); SELECT body FROM (${mix//COUNT/$singles}) AS r ORDER BY i" | grep -v '^$' \
  >"$bodies/single.jsonl"
q "SELECT setseed(0.8);
   SELECT '{\"requests\":[' || string_agg(body, ',' ORDER BY i) || ']}'
   FROM (${mix//COUNT/$((batches * 100))}) AS r GROUP BY (i - 1) / 100 ORDER BY (i - 1) / 100" \
  | grep -v '^$' >"$bodies/batch.jsonl"
# Every user once, 100 to a batch, to load the whole account into the cache before anything is measured.
q "SELECT '{\"requests\":[' || string_agg(json_build_object('principalArn', format('arn:aws:iam::%s:user%s%s',
     (SELECT account_id FROM accounts), path, name), 'action', 's3:GetObject', 'resource', '*')::text, ',') || ']}'
   FROM (SELECT row_number() OVER (ORDER BY id) AS n, path, name FROM users) AS u GROUP BY (n - 1) / 100" \
  >"$bodies/every-user.jsonl"
log "bodies: single $(awk '{ s += length($0) } END { printf "%d", s / NR }' "$bodies/single.jsonl") bytes on \
average, batch $(awk '{ s += length($0) } END { printf "%d", s / NR }' "$bodies/batch.jsonl") bytes"

start_api
# The asking service is a user allowed iam:Authorize on the account's users, as another service would be, so that
# each decision also checks that permission; root, which skips it, is for setting the account up only.
root_token=$(api_sign_in root "$password")
root_auth=(-H "Authorization: Bearer $root_token" -H 'Content-Type: application/json')
client_password="Load-benchmark-client-1"
curl -fsS -o /dev/null "${root_auth[@]}" -d '{"userName":"load-client"}' "$api/api/v1/users"
curl -fsS -o /dev/null -X PUT "${root_auth[@]}" "$api/api/v1/users/load-client/inline-policies/AskForDecisions" \
  -d "{\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",
       \"Action\":\"iam:Authorize\",\"Resource\":\"arn:aws:iam::$(q 'SELECT account_id FROM accounts'):user/*\"}]}}"
curl -fsS -o /dev/null -X PUT "${root_auth[@]}" "$api/api/v1/users/load-client/login-profile" \
  -d "{\"password\":\"$client_password\",\"passwordResetRequired\":false}"
token=$(api_sign_in load-client "$client_password")
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')

log "warming: every principal once, then $((duration / 3 + 1)) s on each endpoint"
while IFS= read -r body; do
  curl -fsS -o /dev/null "${auth[@]}" -d "$body" "$api/api/v1/authorize/batch"
done <"$bodies/every-user.jsonl"
decisions=$(head -n 20 "$bodies/batch.jsonl" | while IFS= read -r body; do
  curl -fsS "${auth[@]}" -d "$body" "$api/api/v1/authorize/batch"; echo; done \
  | grep -oE '"(decision|errorCode)":"[A-Za-z]+"' | sed -E 's/.*:"(.*)"/\1/' | sort | uniq -c \
  | awk '{ printf "%s%s %s", sep, $2, $1; sep = ", " }')
log "decisions of the first 2,000 questions of the mix: $decisions"

lua="$root_dir/bench/load/post.lua"
# drive NAME PATH BODIES SECONDS: one wrk run; its output goes to $pg_work/NAME.txt.
drive() {
  wrk -t "$threads" -c "$connections" -d "$4s" --timeout 5s --latency -s "$lua" "$api$2" -- "$3" "$token" \
    >"$pg_work/$1.txt"
}
drive warm-ceiling /api/v1/benchmarks/ceiling "$bodies/single.jsonl" $((duration / 3 + 1))
drive warm-single /api/v1/authorize "$bodies/single.jsonl" $((duration / 3 + 1))
drive warm-batch /api/v1/authorize/batch "$bodies/batch.jsonl" $((duration / 3 + 1))

# SERVE=1: leave the warmed service running for profiling by hand instead of measuring; Ctrl-C stops it.
if [ "${SERVE:-}" = 1 ]; then
  printf '%s\n' "$token" >"$pg_work/token"
  log "serving at $api (pid $api_pid); bodies in $bodies, the asking service's token in $pg_work/token; Ctrl-C stops it"
  wait "$api_pid"
  exit 0
fi

# summarize NAME: requests/s, p50 and p99 in ms, and failed requests of one wrk output.
summarize() {
  awk '
    function ms(v) {
      if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v + 0
    }
    /Requests\/sec:/ { rps = $2 }
    /^ +50%/ { p50 = ms($2) }
    /^ +99%/ { p99 = ms($2) }
    /Non-2xx or 3xx responses:/ { failed += $NF }
    /Socket errors:/ { gsub(",", ""); failed += $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, failed }
  ' "$pg_work/$1.txt"
}

results="$pg_work/results.txt"
: >"$results"
for round in $(seq 1 "$rounds"); do
  log "round $round of $rounds: ${duration} s per endpoint, $connections connections, $threads wrk threads"
  drive ceiling /api/v1/benchmarks/ceiling "$bodies/single.jsonl" "$duration"
  drive single /api/v1/authorize "$bodies/single.jsonl" "$duration"
  drive batch /api/v1/authorize/batch "$bodies/batch.jsonl" "$duration"
  read -r c_rps c_p50 c_p99 c_failed <<<"$(summarize ceiling)"
  read -r s_rps s_p50 s_p99 s_failed <<<"$(summarize single)"
  read -r b_rps b_p50 b_p99 b_failed <<<"$(summarize batch)"
  echo "$round $c_rps $c_p50 $c_p99 $c_failed $s_rps $s_p50 $s_p99 $s_failed $b_rps $b_p50 $b_p99 $b_failed" \
    | tee -a "$results" >&2
done

# TRACE=1 (with dotnet-trace on PATH): a CPU sample profile of the service under the single-decision load.
if [ "${TRACE:-}" = 1 ]; then
  log "tracing the service during $duration s of single decisions"
  dotnet-trace collect -p "$api_pid" --profile dotnet-sampled-thread-time \
    --duration "00:00:00:$(printf '%02d' "$duration")" -o "$pg_work/single.nettrace" >/dev/null &
  trace_pid=$!
  sleep 2
  drive traced /api/v1/authorize "$bodies/single.jsonl" "$((duration - 2))"
  wait "$trace_pid" || log "dotnet-trace failed"
  for kind in --inclusive ""; do
    # shellcheck disable=SC2086
    dotnet-trace report "$pg_work/single.nettrace" topN -n 40 $kind >&2
  done
fi

log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), $(nproc) cores ($(
  lscpu | sed -nE 's/^Model name: +//p' | head -n 1)), wrk $(wrk -v 2>&1 | awk 'NR == 1 { print $2 }')"
# One table: each round, then the medians (the ratio's median is over the rounds' own ratios).
awk -v connections="$connections" '
  function median(col,    i, j, t, v) {
    for (i = 1; i <= n; i++) v[i] = row[i, col]
    for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  {
    n++; for (c = 1; c <= NF; c++) row[n, c] = $c
    row[n, 14] = $6 / $2; row[n, 15] = $10 * 100; row[n, 16] = $5 + $9 + $13
  }
  function line(label, c_rps, c_p50, c_p99, s_rps, s_p50, s_p99, ratio, b_rps, b_p50, b_p99, b_dps, failed) {
    printf "| %s | %d | %.2f / %.2f | %d | %.2f / %.2f | %.0f%% | %d | %.2f / %.2f | %d | %d |\n", label,
      c_rps, c_p50, c_p99, s_rps, s_p50, s_p99, ratio * 100, b_rps, b_p50, b_p99, b_dps, failed
  }
  END {
    print "| round | ceiling req/s | p50 / p99 ms | authorize req/s | p50 / p99 ms | vs ceiling | batch req/s |" \
      " p50 / p99 ms | decisions/s | failed |"
    print "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    for (r = 1; r <= n; r++)
      line(r, row[r, 2], row[r, 3], row[r, 4], row[r, 6], row[r, 7], row[r, 8], row[r, 14], row[r, 10],
           row[r, 11], row[r, 12], row[r, 15], row[r, 16])
    line("median", median(2), median(3), median(4), median(6), median(7), median(8), median(14), median(10),
         median(11), median(12), median(15), median(16))
    ratio = median(14); p99 = median(8); dps = median(15); failed = 0
    for (r = 1; r <= n; r++) failed += row[r, 16]
    printf "\ntargets at %d connections: authorize >= 60%% of the ceiling: %s (%.0f%%); authorize p99 < 5 ms: %s" \
      " (%.2f ms); batch > 200,000 decisions/s: %s (%d)\n", connections, (ratio >= 0.6 ? "met" : "MISSED"),
      ratio * 100, (p99 < 5 ? "met" : "MISSED"), p99, (dps > 200000 ? "met" : "MISSED"), dps
    if (failed) { printf "%d request(s) failed: see the wrk outputs\n", failed; exit 1 }
  }
' "$results"
