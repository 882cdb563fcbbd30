#!/usr/bin/env bash
# Makes sure Spectral (the OpenAPI linter the tests run over every service's document) is installed in
# eng/openapi-lint, installing Node.js and npm from the distribution's packages when they are missing.
# Sourced by test.sh.

source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"

install_node() {
  echo "==> Installing Node.js and npm from the distribution's packages (apt-get install nodejs npm), for Spectral..."
  apt_install nodejs npm
}

ensure_spectral() {
  local folder=eng/openapi-lint
  if [ -x "$folder/node_modules/.bin/spectral" ]; then
    echo "==> Using Spectral $("$folder/node_modules/.bin/spectral" --version) to lint the OpenAPI documents."
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
      install_node
    else
      echo "npm is needed to install Spectral (the OpenAPI linter the tests run); install Node.js and npm." >&2
      return 1
    fi
  fi
  echo "==> Installing Spectral into $folder (npm ci, pinned by its package-lock.json)..."
  npm ci --prefix "$folder" --no-audit --no-fund --loglevel=error >/dev/null
  echo "==> Spectral $("$folder/node_modules/.bin/spectral" --version) installed."
}
