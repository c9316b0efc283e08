#!/usr/bin/env bash
# Installs Debian's headless Chromium for the browser tests when it is missing (the tests drive
# /usr/bin/chromium with playwright-core; no browser is ever downloaded by npm).
# Without root or apt the browser tests skip and say so; CI runs as root and gets it.
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-chromium: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get); browser tests will skip." >&2
  exit 0
fi
echo "ensure-chromium: installing Debian's chromium for the browser tests..." >&2
export DEBIAN_FRONTEND=noninteractive
(apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "ensure-chromium: install failed; browser tests will skip." >&2
exit 0
