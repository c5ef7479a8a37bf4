#!/usr/bin/env bash
# The browser the serve tests drive (tests/test_serve_browser.py): Debian's chromium and its matching
# chromedriver, so no browser is downloaded at test time. apt-get runs only when one of them is missing.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "ci: chromium is missing and this is not root: the browser tests will skip" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends chromium chromium-driver fonts-dejavu-core
