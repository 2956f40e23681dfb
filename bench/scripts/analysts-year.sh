#!/usr/bin/env bash
# The analysts' views of Kleline's default 1999 (docs/analysts.md), timed: on one `ledger run`, the default
# year simulated and settled as default-year.sh does it, then
#   - GET /v1/settlement-summary of the whole year (curl, three times: its time and size);
#   - the dashboard's load time in a headless Chromium, from the navigation's start to the year's figures
#     on screen, as the page itself measures it (three loads, driven through chromedriver's WebDriver API);
#   - the five questions of docs/analysts.md with `ledger sql --year 1999`: each command's load and query time.
# Needs the jar, chromium and chromedriver (Debian's chromium, chromium-driver), curl and jq:
#   ./mvnw -B -q package -pl ledger-cli -am -DskipTests && bench/scripts/analysts-year.sh [work-dir]
# With LEDGER_API_URL and LEDGER_API_KEY set, it measures that running ledger instead of starting one.
set -euo pipefail

. "$(dirname "$0")/ledger-run.sh" "$@"

if [ -n "${LEDGER_API_URL:-}" ] && [ -n "${LEDGER_API_KEY:-}" ]; then
    api=$LEDGER_API_URL
    key=$LEDGER_API_KEY
else
    start_ledger_run
    echo "ledger run: API $api (logs in $work); load $(load)"
    t0=$(now)
    java $opts -jar "$jar" simulate --api-url "$api" --api-key "$key" > "$work/simulate.log" 2> "$work/simulate.err"
    await_year_projected
    java $opts -jar "$jar" settle --from 1999-01-01 --to 1999-12-31 --api-url "$api" --api-key "$key" > "$work/settle.log" 2>&1
    echo "the year simulated, projected and settled in $(since "$t0") s; $(tail -1 "$work/settle.log")"
fi
auth="Authorization: Bearer $key"

echo "GET /v1/settlement-summary?from=1999-01-01&to=1999-12-31 (load $(load)):"
for i in 1 2 3; do
    curl -s -o "$work/summary.json" -w "  %{time_total} s, %{size_download} bytes, HTTP %{http_code}\n" -H "$auth" \
        "$api/v1/settlement-summary?from=1999-01-01&to=1999-12-31"
done
jq -r '"  rows " + (.totals[0].figures.rows|tostring) + ", merchants " + (.merchants|length|tostring)
    + ", partners " + (.partners|length|tostring) + ", days " + (.days|length|tostring)
    + ", open rows " + (.openRows|tostring)' "$work/summary.json"

port=$((20000 + RANDOM % 20000))
chromedriver --port=$port > "$work/chromedriver.log" 2>&1 &
pids+=($!)
driver="http://127.0.0.1:$port"
for _ in $(seq 1 30); do curl -s "$driver/status" | grep -q '"ready": *true' && break; sleep 0.5; done
echo "the dashboard, the whole year, in a headless Chromium (load $(load)):"
for i in 1 2 3; do
    session=$(curl -s -X POST "$driver/session" -H 'Content-Type: application/json' -d '{"capabilities":{"alwaysMatch":{
        "goog:chromeOptions":{"args":["--headless=new","--no-sandbox","--disable-dev-shm-usage","--window-size=1400,1800"]}}}}' \
        | jq -r '.value.sessionId')
    curl -s -X POST "$driver/session/$session/url" -H 'Content-Type: application/json' \
        -d "{\"url\":\"$api/dashboard#key=$key&from=1999-01-01&to=1999-12-31\"}" > /dev/null
    state=""
    for _ in $(seq 1 240); do
        state=$(curl -s -X POST "$driver/session/$session/execute/sync" -H 'Content-Type: application/json' \
            -d '{"script":"return document.body.dataset.state + \" \" + (document.getElementById(\"status\").dataset.sinceNavigationMs || \"\") + \" \" + document.getElementById(\"status\").textContent","args":[]}' \
            | jq -r '.value')
        case $state in ready*|error*) break ;; esac
        sleep 0.25
    done
    echo "  load $i: $state" | sed 's/^  load \([0-9]\): ready \([0-9]*\) /  load \1: figures on screen \2 ms after the navigation started; /'
    curl -s -X DELETE "$driver/session/$session" > /dev/null
done

q1="SELECT m.partnerId, count(DISTINCT r.merchantId) AS merchants, sum(r.commission) AS commission FROM settlement_rows r JOIN merchants m USING (merchantId) GROUP BY m.partnerId ORDER BY commission DESC, m.partnerId LIMIT 5"
q2="SELECT merchantId, sum(gross) AS gross, sum(chargebacks) AS chargebacks FROM settlement_rows GROUP BY merchantId HAVING sum(chargebacks) * 100 > sum(gross) ORDER BY chargebacks DESC"
q3="SELECT strftime(date, '%Y-%m') AS month, sum(count) AS transactions, sum(gross) AS gross, sum(net) AS net, sum(gross) // sum(count) AS grossPerTransaction FROM settlement_rows GROUP BY month ORDER BY month"
q4="SELECT merchantId, count(*) AS openRows, sum(net - paidOut) AS due FROM settlement_rows WHERE status = 'OPEN' AND net > paidOut GROUP BY merchantId ORDER BY due DESC, merchantId LIMIT 10"
q5="SELECT date, sum(count) AS transactions, sum(gross) AS gross FROM settlement_rows GROUP BY date ORDER BY gross DESC, date LIMIT 5"
echo "ledger sql --year 1999, the five questions of docs/analysts.md (load $(load)):"
n=0
for q in "$q1" "$q2" "$q3" "$q4" "$q5"; do
    n=$((n + 1))
    t=$(now)
    java $opts -jar "$jar" sql --year 1999 --api-url "$api" --api-key "$key" "$q" > "$work/sql-$n.out" 2> "$work/sql-$n.err"
    echo "  question $n: $(since "$t") s in all; $(grep -o 'loaded .*' "$work/sql-$n.err" | tail -1); query: $(tail -1 "$work/sql-$n.err")"
done
echo "answers in $work/sql-*.out"
