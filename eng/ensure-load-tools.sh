#!/usr/bin/env bash
# ensure_load_tools: wrk and nginx, which the gateway-vs-nginx benchmark runs (bench/run.sh, and the test command's
# quick run of every scenario), from the distribution's packages when missing. Sourced.
source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
ensure_load_tools() {
  local missing=()
  command -v wrk >/dev/null 2>&1 || missing+=(wrk)
  command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "==> Installing ${missing[*]} from the distribution's packages for the gateway-vs-nginx benchmark..."
    apt_install "${missing[@]}"
  fi
}
