#!/usr/bin/env bash
# Shows how the identity store's hot lists run at scale: starts a throwaway PostgreSQL, lets the service create
# its schema and account, seeds it (scripts/seed-scale.sh), then signs in as root and calls each list endpoint
# over HTTP five times while auto_explain logs the plan (EXPLAIN ANALYZE, BUFFERS) of every statement the service
# runs. Prints, per request, the number of statements, the median execution time of each and its plan from the
# last run; fails when any plan has a Seq Scan. The policy cache heartbeat, on a connection of its own, is left
# out of the counts.
#   ./scripts/scale-plans.sh                       100,000 users, 10,000 groups, 10,000 managed policies
#   ./scripts/scale-plans.sh USERS GROUPS POLICIES
# Needs the .NET 10 SDK; installs Debian's postgresql package (and curl) when missing. Always removes the
# cluster and stops the service.
set -euo pipefail

root_dir=$(cd "$(dirname "$0")/.." && pwd)
cd "$root_dir"

log() { printf 'scale-plans.sh: %s\n' "$*" >&2; }

# shellcheck source=scripts/lib/postgres.sh
. "$root_dir/scripts/lib/postgres.sh"

users=${1:-100000}
groups=${2:-10000}
policies=${3:-10000}
runs=5

# shellcheck source=scripts/lib/api.sh
. "$root_dir/scripts/lib/api.sh"
trap api_cleanup EXIT INT TERM
password="Scale-plans-root-1"

if ! command -v curl >/dev/null 2>&1; then
  log "installing curl"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl >/dev/null
fi

api_build
pg_start
psql=("$pg_bin/psql" --no-psqlrc --quiet --set ON_ERROR_STOP=1 --host 127.0.0.1 --port "$pg_port" --username postgres)
"${psql[@]}" --dbname postgres --command 'CREATE DATABASE iam'
database="postgresql://postgres@127.0.0.1:$pg_port/iam"

# q SQL: one value from the seeded store.
q() { "${psql[@]}" --dbname iam --tuples-only --no-align --command "$1"; }

log "creating the schema and the account"
api_start IAM_ROOT_PASSWORD="$password"
api_stop

"$root_dir/scripts/seed-scale.sh" "$database" "$users" "$groups" "$policies"

# The marker of a page in the middle of a list: the normalized name the previous page ended with, base64url.
marker_at_middle() {
  local name
  name=$(q "SELECT normalized_name FROM users WHERE $1 ORDER BY normalized_name
            OFFSET (SELECT count(*) / 2 FROM users WHERE $1) LIMIT 1")
  printf '%s' "$name" | base64 -w0 | tr '+/' '-_' | tr -d '='
}

# The name of the holder with the most rows in a link table, and that count.
busiest() {
  q "SELECT e.name || ' ' || count(*) FROM $1 AS e JOIN $2 AS l ON l.$3 = e.id
     GROUP BY e.id, e.name ORDER BY count(*) DESC, e.name LIMIT 1"
}

read -r user_in_most_groups user_group_count <<<"$(busiest users group_memberships user_id)"
read -r biggest_group biggest_group_size <<<"$(busiest groups group_memberships group_id)"
read -r median_group median_group_size <<<"$(q "
  WITH sizes AS (SELECT g.name, count(*) AS size FROM groups AS g JOIN group_memberships AS m ON m.group_id = g.id
                 GROUP BY g.id, g.name)
  SELECT name || ' ' || size FROM sizes ORDER BY size, name OFFSET (SELECT count(*) / 2 FROM sizes) LIMIT 1")"
read -r user_with_most_policies user_policy_count <<<"$(busiest users user_policy_attachments user_id)"
audit_users=$(q "SELECT count(*) FROM users WHERE path LIKE '/audit/%'")
engineering_users=$(q "SELECT count(*) FROM users WHERE path LIKE '/engineering/%'")

# Every later session of the service logs the plan and the execution time of each statement it runs.
for setting in "session_preload_libraries = 'auto_explain'" "auto_explain.log_min_duration = 0" \
    "auto_explain.log_analyze = on" "auto_explain.log_buffers = on"; do
  "${psql[@]}" --dbname postgres --command "ALTER DATABASE iam SET $setting"
done
api_start
# Root may call every list; its sign-in runs before the first mark, so its statements are counted nowhere.
token=$(api_sign_in root "$password")
auth=(-H "Authorization: Bearer $token")

attached_policies_path="/api/v1/users/$user_with_most_policies/attached-policies"
cases=(
  "users, first page|/api/v1/users?maxItems=100"
  "users, middle page|/api/v1/users?maxItems=100&marker=$(marker_at_middle 'true')"
  "users under /engineering/ ($engineering_users), first page|/api/v1/users?pathPrefix=/engineering/&maxItems=100"
  "users under /engineering/, middle page|/api/v1/users?pathPrefix=/engineering/&maxItems=100&marker=$(
    marker_at_middle "path LIKE '/engineering/%'")"
  "users under /audit/ ($audit_users), first page|/api/v1/users?pathPrefix=/audit/&maxItems=100"
  "groups of $user_in_most_groups ($user_group_count)|/api/v1/users/$user_in_most_groups/groups"
  "users of $biggest_group ($biggest_group_size), first page|/api/v1/groups/$biggest_group/users?maxItems=100"
  "users of $median_group ($median_group_size)|/api/v1/groups/$median_group/users?maxItems=100"
  "attached policies of $user_with_most_policies ($user_policy_count)|$attached_policies_path"
)

mark() { "${psql[@]}" --dbname iam --command "DO \$\$ BEGIN RAISE LOG 'scale-plans: %', \$m\$$1\$m\$; END \$\$"; }

for case in "${cases[@]}"; do
  label=${case%%|*}
  url=$api${case#*|}
  # The first call warms the caches and the connection pool; it is not measured.
  mark "-|0"
  if [ "$(curl -sS -o /dev/null -w '%{http_code}' "${auth[@]}" "$url")" != 200 ]; then
    log "skipping \"$label\": $url does not answer 200"
    continue
  fi
  for run in $(seq 1 "$runs"); do
    mark "$label|$run"
    curl -fsS -o /dev/null "${auth[@]}" "$url"
  done
done
mark "-|0"
api_stop

log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}'), $(nproc) cores"
# One report per request: statements per request, then each statement's median time over the runs and its plan.
awk -v runs="$runs" '
  function median(key, n,    i, j, t, v) {
    for (i = 1; i <= n; i++) v[i] = duration[key, i]
    for (i = 2; i <= n; i++) for (j = i; j > 1 && v[j - 1] > v[j]; j--) { t = v[j]; v[j] = v[j - 1]; v[j - 1] = t }
    return v[int((n + 1) / 2)]
  }
  / LOG:  scale-plans: / {
    sub(/.* LOG:  scale-plans: /, ""); split($0, m, "|"); label = m[1]; run = m[2]; statement = 0; inplan = 0
    if (label != "-" && !(label in seen)) { seen[label] = 1; order[++labels] = label }
    next
  }
  / LOG:  duration: [0-9.]+ ms  plan:/ {
    inplan = 0
    if (label == "" || label == "-") next
    statement++; count[label, run] = statement; inplan = 1
    sub(/.* LOG:  duration: /, ""); duration[label, statement, run] = $1 + 0
    plan[label, statement] = ""
    next
  }
  # The policy cache heartbeat and its connection check run on their own connection: not part of any request.
  /^\t+Query Text: SELECT (pg_notify\(|1$)/ {
    if (inplan) { statement--; count[label, run] = statement; inplan = 0 }
    next
  }
  /^\t/ { if (inplan) plan[label, statement] = plan[label, statement] "\n   " substr($0, 2); next }
  { inplan = 0 }
  END {
    for (l = 1; l <= labels; l++) {
      label = order[l]; n = count[label, 1]
      for (r = 2; r <= runs; r++) if (count[label, r] != n) n = n " (run " r ": " count[label, r] ")"
      printf "\n== %s: %s statement(s) per request\n", label, n
      for (s = 1; s <= count[label, 1]; s++) {
        printf "-- statement %d: median %.3f ms over %d runs; plan of the last run:%s\n",
          s, median(label SUBSEP s, runs), runs, plan[label, s]
        if (plan[label, s] ~ /Seq Scan on/) scans++
      }
    }
    if (scans) { printf "\n%d plan(s) with a Seq Scan\n", scans; exit 1 }
  }
' "$pg_work/postgres.log"
