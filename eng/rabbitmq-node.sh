#!/usr/bin/env bash
# Runs a private RabbitMQ node from Debian's rabbitmq-server package in the foreground, bound to 127.0.0.1,
# with its own epmd, ports and data folder, so it never touches a system broker and several can run side by side.
# SIGTERM or SIGINT stops the node and its epmd. Used by the app host and by the tests.
#
# usage: eng/rabbitmq-node.sh DATA_DIR AMQP_PORT MANAGEMENT_PORT DIST_PORT EPMD_PORT
set -euo pipefail

if [ $# -ne 5 ]; then
  echo "usage: $0 DATA_DIR AMQP_PORT MANAGEMENT_PORT DIST_PORT EPMD_PORT" >&2
  exit 2
fi
data_dir=$(mkdir -p "$1" && cd "$1" && pwd)
amqp_port=$2 management_port=$3 dist_port=$4 epmd_port=$5
server=/usr/lib/rabbitmq/bin/rabbitmq-server
epmd=$(ls /usr/lib/erlang/erts-*/bin/epmd 2>/dev/null | head -n 1 || true)
if [ ! -x "$server" ] || [ -z "$epmd" ]; then
  echo "rabbitmq-server is not installed: sudo apt-get install -y rabbitmq-server" >&2
  exit 3
fi

mkdir -p "$data_dir/mnesia" "$data_dir/log"
cat > "$data_dir/rabbitmq.conf" <<CONF
loopback_users = none
listeners.tcp.default = 127.0.0.1:$amqp_port
management.tcp.port = $management_port
management.tcp.ip = 127.0.0.1
CONF
echo '[rabbitmq_management].' > "$data_dir/enabled_plugins"
: > "$data_dir/rabbitmq-env.conf"

# The node name follows the data folder: one folder, one node.
export HOME="$data_dir"
export ERL_EPMD_ADDRESS=127.0.0.1 ERL_EPMD_PORT="$epmd_port"
export RABBITMQ_NODENAME="forum-$(printf '%s' "$data_dir" | cksum | cut -d' ' -f1)@localhost"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$amqp_port" RABBITMQ_DIST_PORT="$dist_port"
export RABBITMQ_MNESIA_BASE="$data_dir/mnesia" RABBITMQ_LOG_BASE="$data_dir/log"
export RABBITMQ_CONFIG_FILE="$data_dir/rabbitmq.conf" RABBITMQ_ENABLED_PLUGINS_FILE="$data_dir/enabled_plugins"
export RABBITMQ_CONF_ENV_FILE="$data_dir/rabbitmq-env.conf" RABBITMQ_PID_FILE="$data_dir/node.pid"
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}"

"$epmd" -address 127.0.0.1 -port "$epmd_port" &
epmd_pid=$!
"$server" &
node_pid=$!
echo "RabbitMQ node $RABBITMQ_NODENAME: amqp://guest:guest@127.0.0.1:$amqp_port/, management http://127.0.0.1:$management_port/"

stop() {
  kill -TERM "$node_pid" 2>/dev/null || true
  wait "$node_pid" 2>/dev/null || true
  kill -TERM "$epmd_pid" 2>/dev/null || true
  wait "$epmd_pid" 2>/dev/null || true
}
trap 'stop; exit 0' TERM INT

set +e
wait "$node_pid"
status=$?
set -e
kill -TERM "$epmd_pid" 2>/dev/null || true
wait "$epmd_pid" 2>/dev/null || true
# Only the trap above stops the node on purpose. A node that ends by itself failed, even when it says 0 (it does when
# it cannot boot, e.g. a port in use), so whoever started it must see a failure.
echo "The RabbitMQ node $RABBITMQ_NODENAME stopped by itself (exit code $status); its log: $RABBITMQ_LOG_BASE" >&2
exit $((status == 0 ? 1 : status))
