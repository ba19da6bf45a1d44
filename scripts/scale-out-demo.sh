#!/usr/bin/env bash
# Two portal instances on one machine (two loopback ports) sharing one PostgreSQL, with nginx in front
# (ip_hash stickiness, WebSocket upgrade for Blazor). Checks that a sign-in on instance A is valid on
# instance B, that a form token issued by A is accepted by B, and that a Blazor circuit works through nginx.
# Everything it starts (instances, nginx, the private cluster) is stopped again at the end. See docs/operations.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh
source scripts/lib/bench-tools.sh

ensure_dotnet
ensure_postgres_server
command -v nginx >/dev/null 2>&1 || [[ -x /usr/sbin/nginx ]] || as_root_install nginx "nginx, the reverse proxy in front of the two instances"
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
build_bench

work=$(mktemp -d /tmp/cfit-scale-out-XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  [[ -f $work/nginx.pid ]] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  stop_cluster_in "$work/postgres"
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 20000))
    ss -ltn 2>/dev/null | grep -q ":$port " || { echo "$port"; return; }
  done
}

portal_dir=$(dirname "$BENCH_PORTAL_DLL")
start_instance() {
  local name=$1 port=$2
  # Development only for the package static assets from the build output; both instances use the same private
  # cluster folder, so the second one reuses the cluster the first one started: one PostgreSQL for both.
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" \
    ASPNETCORE_FORWARDEDHEADERS_ENABLED=true \
    EmbeddedPostgres__Directory="$work/postgres" Mail__DropFolder="$work/mail" \
    RateLimits__FormPostsPerMinute=1000 Serilog__MinimumLevel__Default=Warning \
    dotnet "$BENCH_PORTAL_DLL" --contentRoot "$portal_dir" >"$work/instance-$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && { echo "instance $name ready on 127.0.0.1:$port"; return; }
    sleep 1
  done
  echo "instance $name did not start; its log:" >&2
  tail -n 40 "$work/instance-$name.log" >&2
  exit 1
}

port_a=$(free_port)
port_b=$(free_port)
port_proxy=$(free_port)
start_instance A "$port_a"
start_instance B "$port_b"

mkdir -p "$work/nginx-temp"
chmod 777 "$work/nginx-temp"
cat >"$work/nginx.conf" <<NGINX
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
worker_processes 1;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/nginx-temp/body;
  proxy_temp_path $work/nginx-temp/proxy;
  fastcgi_temp_path $work/nginx-temp/fastcgi;
  uwsgi_temp_path $work/nginx-temp/uwsgi;
  scgi_temp_path $work/nginx-temp/scgi;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' close; }
  upstream portal {
    ip_hash;
    server 127.0.0.1:$port_a;
    server 127.0.0.1:$port_b;
  }
  server {
    listen 127.0.0.1:$port_proxy;
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 1h;
    }
  }
}
NGINX
"$nginx_bin" -c "$work/nginx.conf" -p "$work"
echo "nginx on 127.0.0.1:$port_proxy in front of both instances"

"${bench_tool[@]}" instances "http://127.0.0.1:$port_proxy/" "http://127.0.0.1:$port_a/" "http://127.0.0.1:$port_b/"
