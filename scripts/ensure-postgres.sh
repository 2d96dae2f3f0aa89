#!/usr/bin/env bash
# The store's tests run on SQLite and on PostgreSQL both: start the local server when it is not
# answering. A server elsewhere is named by LEDE_TEST_POSTGRES and left alone. No server fails the
# run here, with what to do, rather than skipping half of the store's tests.
set -u
url="${LEDE_TEST_POSTGRES:-postgres://postgres@127.0.0.1:5432/postgres}"
if [ -n "${LEDE_TEST_POSTGRES:-}" ]; then exit 0; fi
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then exit 0; fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  echo "starting PostgreSQL ${version} for the store's tests…" >&2
  pg_ctlcluster --skip-systemctl-redirect "${version}" main start >&2 || true
  for _ in $(seq 1 30); do
    if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then exit 0; fi
    sleep 1
  done
fi
echo "PostgreSQL is not answering at ${url}: the store's tests need it (Debian: apt-get install postgresql;" \
  "then pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start), or set LEDE_TEST_POSTGRES" >&2
exit 1
