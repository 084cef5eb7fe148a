#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests (CI runs as root on a fresh
# Debian machine). Playwright's own browser download is never used: `npx playwright install`
# cannot reach its download host here.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing: run as root, or: sudo apt-get install -y --no-install-recommends chromium fonts-wqy-microhei" >&2
  exit 1
fi

echo "Installing Chromium from Debian's packages…"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-wqy-microhei >/dev/null
/usr/bin/chromium --version 2>/dev/null || true
