#!/usr/bin/env bash
# apt_install PACKAGE...: installs packages from the distribution (with sudo when not root). Sourced by the scripts
# that install what the two commands need.
apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}
