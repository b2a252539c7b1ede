#!/usr/bin/env bash
# Live check against Lemmy, built from its own repository: two Lemmy instances and
# one Collegium instance on this machine federate over real HTTP (see check.py for
# what is checked). Not part of CI: building Lemmy takes about 15 minutes.
#
#   scripts/interop/lemmy/run.sh /path/to/lemmy-checkout
#
# Needs PostgreSQL on 127.0.0.1:5432 (trust authentication, user postgres) and
# permission to add three host names for 127.0.0.1 to /etc/hosts (Lemmy tells
# instances apart by host name, not by port). Lemmy's translations submodule must
# be checked out in crates/email/translations.
set -euo pipefail
lemmy_src=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work="$root/target/lemmy-check"
mkdir -p "$work"
# Where Lemmy is built (LEMMY_TARGET to reuse an earlier build).
lemmy_target=${LEMMY_TARGET:-$work/lemmy-target}

grep -q "lemmy-alpha" /etc/hosts || echo "127.0.0.1 lemmy-alpha lemmy-beta collegium-test" >>/etc/hosts

echo "== building Lemmy (debug: it allows plain http and local addresses) and Collegium"
(cd "$lemmy_src" && python3 "$here/pg15_migrations.py" &&
  RUSTUP_TOOLCHAIN=stable CARGO_TARGET_DIR="$lemmy_target" cargo build -p lemmy_server)
(cd "$root" && cargo build --bin collegium)
lemmy_bin="$lemmy_target/debug/lemmy_server"

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
start_lemmy() {
  for x in alpha beta; do
    LEMMY_TEST_FAST_FEDERATION=1 RUST_LOG="warn,lemmy_apub=info,activitypub_federation=info" \
      LEMMY_CONFIG_LOCATION="$here/lemmy_$x.hjson" "$lemmy_bin" >>"$work/lemmy_$x.log" 2>&1 &
    pids+=($!)
  done
}
wait_for() { for _ in $(seq 1 120); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done; echo "$1 did not start" >&2; exit 1; }

echo "== fresh databases"
for db in lemmy_alpha lemmy_beta; do
  psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
done
rm -rf "$work/collegium" "$work"/lemmy_*.log && mkdir -p "$work/collegium"

echo "== Lemmy: first start (migrations, admin), then without its rate limits"
start_lemmy
wait_for http://lemmy-alpha:8541/api/v3/site
wait_for http://lemmy-beta:8551/api/v3/site
kill "${pids[@]}" && wait "${pids[@]}" 2>/dev/null || true
pids=()
for db in lemmy_alpha lemmy_beta; do
  psql -h 127.0.0.1 -U postgres -d "$db" -q -c "UPDATE local_site_rate_limit SET \
    message_max_requests = 100000, post_max_requests = 100000, register_max_requests = 100000, \
    comment_max_requests = 100000, search_max_requests = 100000, image_max_requests = 100000"
done
start_lemmy

echo "== Collegium"
export COLLEGIUM_DOMAIN=collegium-test:8600 COLLEGIUM_PLAIN_HTTP=true COLLEGIUM_LISTEN=127.0.0.1:8600 \
  COLLEGIUM_ALLOW_LOCAL_ADDRESSES=true COLLEGIUM_DATA_DIR="$work/collegium"
collegium="$root/target/debug/collegium"
"$collegium" migrate >/dev/null
echo franfranfran | "$collegium" user create fran --email fran@school.example --role facilitator --password-stdin
"$collegium" serve >"$work/collegium.log" 2>&1 &
pids+=($!)
wait_for http://collegium-test:8600/api/v1/instance
wait_for http://lemmy-alpha:8541/api/v3/site
wait_for http://lemmy-beta:8551/api/v3/site

echo "== the check (logs in $work)"
python3 "$here/check.py"
