#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the tests that exercise PostgreSQL.
#   scripts/pg-cluster.sh start   prints `export ...` lines to eval: the connection string in
#                                 the variable TestDatabases reads, and DM_PG_DIR
#   scripts/pg-cluster.sh stop    stops it and removes its folder
# Uses Debian's postgresql binaries (/usr/lib/postgresql/<major>/bin). initdb refuses to run
# as root, so as root the cluster runs as the `postgres` user.
set -euo pipefail
# A free loopback port, unless DM_PG_PORT names one (several clusters may run at once).
port="${DM_PG_PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$dir" ] || { echo "PostgreSQL binaries not found (apt-get install -y postgresql)" >&2; return 1; }
  echo "$dir"
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    bin=$(pg_bin)
    major=$(basename "$(dirname "$bin")")
    dir=$(mktemp -d /tmp/dm-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U backstage --auth=trust >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=300 -c fsync=off" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "export DM_PG_DIR=$dir"
    echo "export DM_PG_BIN=$bin"
    echo "export BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING=postgresql://backstage@127.0.0.1:$port"
    echo "export DM_PG_URL=postgresql://backstage@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -n "${DM_PG_DIR:-}" ] && [ -d "$DM_PG_DIR" ] || exit 0
    as_owner "$DM_PG_BIN/pg_ctl" -D "$DM_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$DM_PG_DIR"
    ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
