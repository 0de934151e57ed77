# shellcheck shell=bash
# Starts and stops a throwaway PostgreSQL cluster in a temporary folder on a free loopback port.
# Sourced by scripts that need one; they define log() first. After pg_start, these are set:
#   pg_bin   the server's bin folder (psql is there too)
#   pg_work  the temporary folder (data, socket, postgres.log); pg_stop removes it
#   pg_port  the port on 127.0.0.1; the superuser is postgres, with trust authentication
# pg_install alone only sets pg_bin. Both install Debian's postgresql package first when no PostgreSQL server
# binaries are found.

find_pg_bindir() {
  local dir
  for dir in $(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V -r); do
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

pg_install() {
  pg_bin=$(find_pg_bindir || true)
  if [ -z "$pg_bin" ]; then
    log "no PostgreSQL server found; installing Debian's postgresql package"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    pg_bin=$(find_pg_bindir) || { log "postgresql was installed but initdb was not found"; exit 1; }
  fi
}

pg_port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_start() {
  pg_install
  # PostgreSQL refuses to run as root: run the cluster as the postgres user then.
  run_pg=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    run_pg=(runuser -u postgres --)
  fi

  pg_work=$(mktemp -d "${TMPDIR:-/tmp}/iam-test-pg.XXXXXX")
  chmod 700 "$pg_work"
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pg_work"; fi
  pg_data="$pg_work/data"

  "${run_pg[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust --encoding=UTF8 --no-locale >/dev/null

  local started="" _
  for _ in $(seq 1 20); do
    pg_port=$(( 20000 + RANDOM % 40000 ))
    pg_port_is_free "$pg_port" || continue
    # Durability settings are off: the cluster lives for one run.
    if "${run_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -l "$pg_work/postgres.log" -w -t 60 start \
        -o "-p $pg_port -k $pg_work -c listen_addresses=127.0.0.1 -c max_connections=400 -c fsync=off \
            -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
      started=yes
      break
    fi
  done
  if [ -z "$started" ]; then
    log "PostgreSQL did not start; its log follows"
    cat "$pg_work/postgres.log" >&2 || true
    exit 1
  fi
  log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (data in $pg_work)"
}

pg_stop() {
  [ -n "${pg_work:-}" ] || return 0
  if [ -f "$pg_data/postmaster.pid" ]; then
    "${run_pg[@]}" "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pg_work"
}
