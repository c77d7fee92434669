#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for `make test-browser` when either is missing.
# apt-get needs root: as root it runs directly, otherwise through sudo (which may ask for a password).
set -euo pipefail
if command -v chromium > /dev/null && command -v chromedriver > /dev/null; then
  exit 0
fi
if ! command -v apt-get > /dev/null; then
  echo "install_chromium.sh: no apt-get here; install chromium and its chromedriver, then rerun" >&2
  exit 2
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo > /dev/null || { echo "install_chromium.sh: not root and no sudo to run apt-get" >&2; exit 2; }
  SUDO=sudo
fi
echo "== installing chromium and chromium-driver (Debian packages)" >&2
$SUDO apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium chromium-driver
