#!/usr/bin/env bash
# ensure_browser: the Chromium the website's browser tests drive (Microsoft.Playwright with the distribution's browser;
# Playwright's own browser download is not used), from the distribution's packages when missing. Exports
# FORUM_CHROMIUM, the path the tests launch. Sourced.
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
ensure_browser() {
  if ! command -v chromium >/dev/null 2>&1; then
    echo "==> Installing chromium from the distribution's packages for the website's browser tests..."
    apt_install chromium
  fi
  FORUM_CHROMIUM="$(command -v chromium)"
  export FORUM_CHROMIUM
}
