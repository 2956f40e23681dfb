#!/usr/bin/env bash
# Kleline's default 1999 end to end on one `ledger run`, timed step by step: ingest (`ledger simulate`),
# projection (from the first append until the catch-up barrier says every event is decided and every
# settlement row complete), settlement of the 365 dates, then `ledger verify`. Prints each step's wall
# time, the load average and the peak RSS of the `ledger run` process. Needs the jar:
#   ./mvnw -B -q package -pl ledger-cli -am -DskipTests && bench/scripts/default-year.sh [work-dir]
# Extra settle options in SETTLE_OPTS (e.g. SETTLE_OPTS="--concurrency 32").
set -euo pipefail

. "$(dirname "$0")/ledger-run.sh" "$@"

start_ledger_run
# The run's admin key: simulate and settle read LEDGER_API_KEY; verify finds it by --data-dir.
LEDGER_API_KEY=$key
export LEDGER_API_KEY
echo "ledger run: API $api, Kafka $kafka, registry $registry (logs in $work); load $(load)"

t0=$(now)
java $opts -jar "$jar" simulate --api-url "$api" > "$work/simulate.log" 2> "$work/simulate.err"
echo "ingest (ledger simulate): $(since "$t0") s; load $(load)"
await_year_projected
echo "projection (from the first append to every event decided): $(since "$t0") s; load $(load);" \
    "ledger run CPU so far $(cpu_seconds "$run") s (broker, registry, ingest, projector and API in one process)"
t2=$(now)
java $opts -jar "$jar" settle --from 1999-01-01 --to 1999-12-31 --api-url "$api" ${SETTLE_OPTS:-} > "$work/settle.log" 2>&1
echo "settlement (ledger settle, 365 dates): $(since "$t2") s; $(tail -1 "$work/settle.log")"
echo "the whole year (from the first append to every date settled): $(since "$t0") s"
t3=$(now)
verified=0
java -Xms256m -Xmx2g -XX:+UseSerialGC -jar "$jar" verify --data-dir "$work/data" > "$work/verify.log" 2>&1 || verified=$?
case $verified in
    0) ;;
    1) echo "verify found differences: $work/verify.log" ;;
    *) echo "verify could not run (exit code $verified): $(grep '^ledger verify:' "$work/verify.log" | tail -1)" ;;
esac
echo "verify: $(since "$t3") s; $(grep '^Verified in' "$work/verify.log"); load $(load)"
grep VmHWM /proc/$run/status | sed 's/^/ledger run peak RSS /'
echo "ledger run CPU in all: $(cpu_seconds "$run") s"
