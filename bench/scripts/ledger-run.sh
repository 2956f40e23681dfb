# Sourced by the year scripts of bench/scripts (`. "$(dirname "$0")/ledger-run.sh" "$@"`), not run on its own: the
# jar, the work directory (the script's first argument, else a new temporary one), the timing helpers, and one
# `ledger run` started on a fresh data directory and stopped when the script exits.
# The `ledger run` JVM options: LEDGER_JAVA_OPTS, as for the ./ledger launcher (its default otherwise).

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
jar="$root/ledger-cli/target/ledger.jar"
work=${1:-$(mktemp -d)}
mkdir -p "$work"
[ -f "$jar" ] || { echo "no $jar: build it first (see the header of $0)" >&2; exit 1; }
opts=${LEDGER_JAVA_OPTS:-"-Xms64m -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1"}   # the ./ledger launcher's default
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat.
cpu_seconds() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"; }
# Every process the script starts in the background, stopped on exit.
pids=()
stop_started() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; }
trap stop_started EXIT

# Starts `ledger run` on a fresh $work/data (logs in $work/run.log) and waits until it serves; sets run (its pid),
# api, kafka and registry (its addresses) and key (its admin key).
start_ledger_run() {
    rm -rf "$work/data"
    java $opts -jar "$jar" run --data-dir "$work/data" --port 0 > "$work/run.log" 2>&1 &
    run=$!
    pids+=("$run")
    for _ in $(seq 1 180); do grep -q "Press Ctrl-C" "$work/run.log" && break; kill -0 "$run" || exit 1; sleep 1; done
    api=$(grep -o "HTTP API *http://[^ ]*" "$work/run.log" | awk '{print $NF}')
    kafka=$(grep -o "Kafka *[0-9.:]*" "$work/run.log" | head -1 | awk '{print $NF}')
    registry=$(grep -o "Schema registry *http://[^ ]*" "$work/run.log" | awk '{print $NF}')
    key=$(cat "$work/data/admin.key")
}

# Waits for the catch-up barrier of 1999's last date: it answers 200 once every event appended is decided and its
# settlement rows are complete.
await_year_projected() {
    until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 40 -H "Authorization: Bearer $key" \
            "$api/v1/settlements/1999-12-31?caughtUp=true")" = 200 ]; do
        sleep 1
    done
}
