#!/usr/bin/env bash
# Makes sure a RabbitMQ broker can be had, installing Debian's rabbitmq-server when none can.
# Sourced by run.sh and test.sh.
#   ensure_broker run   -> a configured broker, the Debian package, or a running container engine will do
#   ensure_broker test  -> the tests start private nodes of the Debian package, so it must be installed

rabbitmq_installed() { [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; }

container_engine_answers() {
  command -v "${ASPIRE_CONTAINER_RUNTIME:-docker}" >/dev/null 2>&1 &&
    timeout 10 "${ASPIRE_CONTAINER_RUNTIME:-docker}" info >/dev/null 2>&1
}

source "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"

install_rabbitmq() {
  echo "==> Installing RabbitMQ from the distribution's packages (apt-get install rabbitmq-server)..."
  apt_install rabbitmq-server
  echo "==> rabbitmq-server $(dpkg-query -W -f='${Version}' rabbitmq-server) installed. ForumPlatform runs its own private node of it;"
  echo "    a system-wide RabbitMQ service, if the package started one, is not used."
}

ensure_broker() {
  local purpose=$1
  if [ "$purpose" = run ] && [ -n "${ConnectionStrings__messaging:-}" ]; then
    echo "==> Using the broker in ConnectionStrings__messaging."
  elif rabbitmq_installed; then
    echo "==> Using Debian's rabbitmq-server ($(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null || echo installed)) for a private node."
  elif [ "$purpose" = run ] && container_engine_answers; then
    echo "==> rabbitmq-server is not installed; a container engine answers, so the app host will run RabbitMQ in a container."
  elif command -v apt-get >/dev/null 2>&1; then
    echo "==> No RabbitMQ broker found."
    install_rabbitmq
  else
    echo "No RabbitMQ broker found and no apt-get to install one. Install rabbitmq-server, or set" >&2
    echo "ConnectionStrings__messaging=amqp://user:password@host:5672/ to use an existing broker." >&2
    return 1
  fi
}
