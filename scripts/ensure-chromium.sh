#!/usr/bin/env bash
# The browser tests drive Debian's chromium; install it when missing and we may (root with apt).
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser tests…" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null && exit 0
fi
echo "chromium is not installed and cannot be installed here: browser tests will be skipped (sudo apt-get install chromium)" >&2
exit 0
