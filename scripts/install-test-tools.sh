#!/bin/sh
# Tools the test suite uses beyond Python packages: Debian's Chromium for the dashboard's browser test.
# Node.js/npm and a JDK are used when present. Run as root (CI) or with sudo; prints what it does.
set -e
if command -v chromium >/dev/null 2>&1; then
  echo "chromium: $(command -v chromium)"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "No apt-get: install Chromium yourself; the browser test is skipped without it." >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" = "0" ] || SUDO="sudo"
echo "Installing Debian's chromium (for the dashboard's browser test) ..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
echo "chromium: $(command -v chromium)"
