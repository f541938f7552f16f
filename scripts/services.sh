#!/usr/bin/env bash
# Make Redis, PostgreSQL and MariaDB available on loopback for hooklatch's store test suites, and
# print the matching `export HOOKLATCH_*_URL=...` lines on stdout:
#
#     eval "$(bash scripts/services.sh)"
#
# For each server: if it already answers on its loopback port, it is used as is. Otherwise the
# script installs what is missing (apt-get, only as root), starts the server bound to 127.0.0.1,
# and waits until it answers. Then it creates the `hooklatch` database in PostgreSQL and MariaDB.
# Running it again changes nothing. A HOOKLATCH_*_URL already set in the environment is kept and
# that server is left alone. Logs go to stderr, so stdout stays eval-able.
#
# Connection defaults (what the URLs say): Redis without auth, PostgreSQL user `postgres` with
# trust auth on 127.0.0.1, MariaDB `root` with an empty password on 127.0.0.1.
set -euo pipefail

REDIS_PORT="${HOOKLATCH_REDIS_PORT:-6379}"
PG_PORT="${HOOKLATCH_PG_PORT:-5432}"
MYSQL_PORT="${HOOKLATCH_MYSQL_PORT:-3306}"
DB_NAME=hooklatch
WAIT_SECONDS="${HOOKLATCH_SERVICES_WAIT:-60}"

log() { printf '[services] %s\n' "$*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}
have() { command -v "$1" >/dev/null 2>&1; }
is_root() { [ "$(id -u)" = 0 ]; }

# --- probes -------------------------------------------------------------------------------------

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

redis_up() {
  if have redis-cli; then
    [ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" = PONG ]
  else
    port_open "$REDIS_PORT"
  fi
}

pg_up() {
  if have pg_isready; then pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; else port_open "$PG_PORT"; fi
}

mysql_client() { if have mariadb; then echo mariadb; else echo mysql; fi; }

mysql_up() {
  if have mariadb-admin; then
    mariadb-admin --connect-timeout=2 -h 127.0.0.1 -P "$MYSQL_PORT" -u root ping >/dev/null 2>&1 ||
      port_open "$MYSQL_PORT"
  else
    port_open "$MYSQL_PORT"
  fi
}

wait_for() { # name probe logfile
  local name="$1" probe="$2" logfile="$3" waited=0
  until "$probe"; do
    if [ "$waited" -ge "$WAIT_SECONDS" ]; then
      die "$name did not answer on 127.0.0.1 within ${WAIT_SECONDS}s (log: $logfile)."
    fi
    sleep 1
    waited=$((waited + 1))
  done
  log "$name answers on 127.0.0.1."
}

# --- installation -------------------------------------------------------------------------------

pg_version() { { ls /usr/lib/postgresql 2>/dev/null || true; } | sort -V | tail -n 1; }
mariadbd_bin() {
  local bin
  for bin in /usr/sbin/mariadbd /usr/sbin/mysqld; do
    if [ -x "$bin" ]; then
      echo "$bin"
      return 0
    fi
  done
  return 0
}

APT_UPDATED=0
apt_install() { # packages...
  [ "$#" -gt 0 ] || return 0
  if ! is_root; then
    die "missing: $*. Install them (sudo apt-get install -y $*) or run this script as root."
  fi
  have apt-get || die "missing: $*, and apt-get is not available to install them."
  if [ "$APT_UPDATED" = 0 ]; then
    log "apt-get update"
    apt-get update -qq >&2
    APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# Install, in one apt run, what the servers that do not answer (and the clients used to create the
# databases) need.
install_missing() {
  local packages=()
  if [ -z "${HOOKLATCH_REDIS_URL:-}" ] && ! redis_up && ! have redis-server; then
    packages+=(redis-server)
  fi
  if [ -z "${HOOKLATCH_PG_URL:-}" ]; then
    if ! pg_up && [ -z "$(pg_version)" ]; then
      packages+=(postgresql)
    elif ! have psql; then
      packages+=(postgresql-client)
    fi
  fi
  if [ -z "${HOOKLATCH_MYSQL_URL:-}" ]; then
    if ! mysql_up && [ -z "$(mariadbd_bin)" ]; then
      packages+=(mariadb-server)
    elif ! have mariadb && ! have mysql; then
      packages+=(mariadb-client)
    fi
  fi
  apt_install "${packages[@]}"
}

# --- Redis --------------------------------------------------------------------------------------

start_redis() {
  # Root uses the Debian package's directories; anyone else a private one.
  local dir=/var/lib/redis logdir=/var/log/redis
  if ! is_root; then
    dir="${TMPDIR:-/tmp}/hooklatch-redis"
    logdir="$dir"
  fi
  mkdir -p "$dir" "$logdir"
  log "starting redis-server on 127.0.0.1:$REDIS_PORT"
  # `-::1` binds IPv6 loopback when the host has it and is skipped otherwise.
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" \
    --appendonly no --dir "$dir" --logfile "$logdir/ci.log" >&2
  wait_for Redis redis_up "$logdir/ci.log"
}

# --- PostgreSQL ---------------------------------------------------------------------------------

as_postgres() { if is_root; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
pg_sql() { psql -X -q -w -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

start_postgres() {
  local version
  version="$(pg_version)"
  [ -n "$version" ] || die "no PostgreSQL installation under /usr/lib/postgresql."
  if [ ! -d "/etc/postgresql/$version/main" ]; then
    log "creating PostgreSQL cluster $version/main"
    pg_createcluster --port "$PG_PORT" "$version" main >&2
  fi
  log "starting PostgreSQL $version/main on 127.0.0.1:$PG_PORT"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
  wait_for PostgreSQL pg_up "/var/log/postgresql/postgresql-$version-main.log"
  # A fresh Debian cluster wants a password on 127.0.0.1; the URL has none, so trust loopback
  # for this development/CI server (rules are read top-down: insert ours first).
  if ! pg_sql -c 'SELECT 1' >/dev/null 2>&1; then
    local hba="/etc/postgresql/$version/main/pg_hba.conf"
    [ -w "$hba" ] || die "cannot connect as postgres on 127.0.0.1 and cannot edit $hba."
    log "allowing trust auth on loopback in $hba"
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
    as_postgres "psql -X -q -c 'SELECT pg_reload_conf()'" >/dev/null
  fi
}

create_pg_database() {
  pg_sql -c 'SELECT 1' >/dev/null 2>&1 ||
    die "PostgreSQL answers on 127.0.0.1:$PG_PORT but user postgres cannot log in without a password; set HOOKLATCH_PG_URL yourself."
  if [ "$(pg_sql -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
    log "creating PostgreSQL database $DB_NAME"
    pg_sql -c "CREATE DATABASE $DB_NAME" >&2
  fi
}

# --- MariaDB ------------------------------------------------------------------------------------

my_sql() { "$(mysql_client)" --connect-timeout=5 -h 127.0.0.1 -P "$MYSQL_PORT" -u root "$@"; }

start_mariadb() {
  local bin
  bin="$(mariadbd_bin)"
  [ -n "$bin" ] || die "no mariadbd/mysqld binary found."
  if [ ! -d /var/lib/mysql/mysql ]; then
    log "initializing the MariaDB data directory"
    mariadb-install-db --user=mysql --datadir=/var/lib/mysql >&2
  fi
  install -d -o mysql -g mysql /run/mysqld 2>/dev/null || mkdir -p /run/mysqld
  log "starting MariaDB on 127.0.0.1:$MYSQL_PORT"
  start-stop-daemon --start --oknodo --background --exec "$bin" -- \
    --user=mysql --bind-address=127.0.0.1 --port="$MYSQL_PORT" >&2
  wait_for MariaDB mysql_up /var/log/mysql/error.log
  # A fresh install lets root in through the unix socket only; the URL logs in over TCP with an
  # empty password, so allow that too (loopback only, for this development/CI server).
  if ! my_sql -e 'SELECT 1' >/dev/null 2>&1 && is_root; then
    log "allowing root with an empty password on 127.0.0.1"
    "$(mysql_client)" -u root -e "
      ALTER USER root@localhost IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('');
      CREATE USER IF NOT EXISTS root@'127.0.0.1' IDENTIFIED BY '';
      GRANT ALL PRIVILEGES ON *.* TO root@'127.0.0.1' WITH GRANT OPTION;
      FLUSH PRIVILEGES;" >&2
  fi
}

create_mysql_database() {
  my_sql -e 'SELECT 1' >/dev/null 2>&1 ||
    die "MariaDB answers on 127.0.0.1:$MYSQL_PORT but root cannot log in with an empty password; set HOOKLATCH_MYSQL_URL yourself."
  my_sql -e "CREATE DATABASE IF NOT EXISTS \`$DB_NAME\`" >&2
}

# --- main ---------------------------------------------------------------------------------------

install_missing

if [ -n "${HOOKLATCH_REDIS_URL:-}" ]; then
  log "HOOKLATCH_REDIS_URL is set; using it."
elif redis_up; then
  log "Redis answers on 127.0.0.1:$REDIS_PORT; using it."
else
  start_redis
fi

if [ -n "${HOOKLATCH_PG_URL:-}" ]; then
  log "HOOKLATCH_PG_URL is set; using it."
else
  if pg_up; then log "PostgreSQL answers on 127.0.0.1:$PG_PORT; using it."; else start_postgres; fi
  create_pg_database
fi

if [ -n "${HOOKLATCH_MYSQL_URL:-}" ]; then
  log "HOOKLATCH_MYSQL_URL is set; using it."
else
  if mysql_up; then log "MariaDB answers on 127.0.0.1:$MYSQL_PORT; using it."; else start_mariadb; fi
  create_mysql_database
fi

printf "export HOOKLATCH_REDIS_URL='%s'\n" "${HOOKLATCH_REDIS_URL:-redis://127.0.0.1:$REDIS_PORT}"
printf "export HOOKLATCH_PG_URL='%s'\n" \
  "${HOOKLATCH_PG_URL:-postgres://postgres@127.0.0.1:$PG_PORT/$DB_NAME}"
printf "export HOOKLATCH_MYSQL_URL='%s'\n" \
  "${HOOKLATCH_MYSQL_URL:-mysql://root@127.0.0.1:$MYSQL_PORT/$DB_NAME}"
log "ready."
