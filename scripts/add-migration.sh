#!/usr/bin/env bash
# Adds a migration with the same name to both providers' migration projects.
# Usage: ./scripts/add-migration.sh NAME
set -euo pipefail
name=${1:?usage: $0 MIGRATION_NAME}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
for provider in Postgres Sqlite; do
  project=src/IamService.Migrations.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
