#!/usr/bin/env bash
# Fills a migrated, empty IamService store on PostgreSQL with many users, groups and managed policies
# (bench/scale/seed.sql), then vacuums and analyzes it.
#   ./scripts/seed-scale.sh DATABASE_URI [USERS [GROUPS [POLICIES]]]
#   ./scripts/seed-scale.sh postgresql://postgres@127.0.0.1:5432/iam            100,000 / 10,000 / 10,000
# The schema and the account come from the service itself: start it once against the database first
# (scripts/scale-plans.sh does all of it on a throwaway cluster). Installs Debian's postgresql package when
# no PostgreSQL binaries are found, for psql.
set -euo pipefail

root_dir=$(cd "$(dirname "$0")/.." && pwd)

log() { printf 'seed-scale.sh: %s\n' "$*" >&2; }

# shellcheck source=scripts/lib/postgres.sh
. "$root_dir/scripts/lib/postgres.sh"

database=${1:?usage: $0 DATABASE_URI [USERS [GROUPS [POLICIES]]]}
users=${2:-100000}
groups=${3:-10000}
policies=${4:-10000}

pg_install
psql=("$pg_bin/psql" --no-psqlrc --quiet --set ON_ERROR_STOP=1 --dbname "$database")

existing=$("${psql[@]}" --tuples-only --no-align --command 'SELECT count(*) FROM users')
if [ "$existing" -ne 0 ]; then
  log "the store already has $existing users; seed an empty one"
  exit 1
fi

log "seeding $users users, $groups groups and $policies managed policies"
start=$(date +%s)
PGOPTIONS="-c iam_seed.users=$users -c iam_seed.groups=$groups -c iam_seed.policies=$policies" \
  "${psql[@]}" --file "$root_dir/bench/scale/seed.sql" >/dev/null
# A live store is vacuumed by autovacuum; the visibility map lets index-only scans skip the heap.
"${psql[@]}" --command 'VACUUM (ANALYZE)'
log "seeded in $(( $(date +%s) - start )) s"

"${psql[@]}" --command "
  SELECT 'users' AS table_name, count(*) AS row_count FROM users
  UNION ALL SELECT 'groups', count(*) FROM groups
  UNION ALL SELECT 'managed_policies', count(*) FROM managed_policies
  UNION ALL SELECT 'managed_policy_versions', count(*) FROM managed_policy_versions
  UNION ALL SELECT 'group_memberships', count(*) FROM group_memberships
  UNION ALL SELECT 'user_policy_attachments', count(*) FROM user_policy_attachments
  UNION ALL SELECT 'group_policy_attachments', count(*) FROM group_policy_attachments
  ORDER BY row_count DESC"
