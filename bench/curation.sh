#!/usr/bin/env bash
# Curation under load (issue 16), on the published Release build, SQLite store (STORE=postgres-spec to use a server),
# after 5 s of changes that warm the write path up (counted at the end, not timed):
#  (a) reads alone: wrk on /api/facts?subject=ghent (an answer every accepted change invalidates) for DURATION s;
#  (b) the same reads while a script proposes and accepts RATE changes a second through the API (new facts, each
#      proposed by a contributor's token and accepted by an editor's), paced, for DURATION s. SUBJECTS=spread (the
#      default) gives the new facts to the cities, organisations, sectors and technologies in turn, as a team adds
#      facts all over: Ghent's answer gains one in ~80 and is recomputed after every change (each empties the cache);
#      SUBJECTS=ghent gives them all to Ghent, so the answer read also grows a hundredfold during the run;
#  then counts: every change the script was told was accepted is in the feed (/api/changes) and in the facts.
# Prints read p50/p99 and errors for (a) and (b), changes sent/accepted/errors, and the counts.
# Usage: bench/curation.sh   (DURATION=20 RATE=100 CONNECTIONS=8 SUBJECTS=spread WRITERS=8 by default)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
. "$ROOT/bench/lib.sh"
DURATION=${DURATION:-20}
RATE=${RATE:-100}
CONNECTIONS=${CONNECTIONS:-8}
SUBJECTS=${SUBJECTS:-spread}
WRITERS=${WRITERS:-8}   # client threads sharing the rate, each paced
PORT=5086
need wrk:wrk curl:curl
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

publish_atlas "$work/atlas"
atlas="$work/atlas/atlas"
db="$work/atlas.db"
echo 'a long enough passphrase' | "$atlas" users add ann --role contributor --db "$db" >/dev/null
echo 'a long enough passphrase' | "$atlas" users add ben --role editor --db "$db" >/dev/null
propose=$("$atlas" tokens add ann --scope read,propose --db "$db" 2>/dev/null)
review=$("$atlas" tokens add ben --scope read,edit --db "$db" 2>/dev/null)
"$atlas" serve --port $PORT --db "$db" --rate-limit 0 >/dev/null &
wait_for "http://127.0.0.1:$PORT/readyz" 120
url="http://127.0.0.1:$PORT/api/facts?subject=ghent"
curl -fsS -o /dev/null "$url"
if [ "$SUBJECTS" = ghent ]; then
  echo '["ghent"]' > "$work/subjects.json"
else
  for type in places organisations sectors technologies; do
    kind=$([ "$type" = places ] && echo "&kind=city" || echo "")
    curl -fsS "http://127.0.0.1:$PORT/api/$type?pageSize=100$kind"
    echo
  done | python3 -c 'import json, sys; print(json.dumps([i["id"] for line in sys.stdin if line.strip() for i in json.loads(line)["items"]]))' > "$work/subjects.json"
fi
echo "new facts on $(python3 -c 'import json, sys; print(len(json.load(open(sys.argv[1]))))' "$work/subjects.json") subject(s) in turn ($SUBJECTS)"

read_stats() {   # prints "p50 p99 requests errors" of a wrk run with --latency
  awk '/ 50%/ {p50=$2} / 99%/ {p99=$2} /requests in/ {req=$1} /Non-2xx|Socket errors/ {err=err" "$0} END {print "p50 " p50 ", p99 " p99 ", " req " requests" (err == "" ? ", 0 errors" : "," err)}' "$1"
}

# the script proposing and accepting changes (writes the ids of the accepted ones on a last line "IDS [...]")
cat > "$work/writer.py" <<'PY'
import http.client, json, sys, threading, time
port, propose, review, rate, duration, run = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]), sys.argv[7]
subjects = json.load(open(sys.argv[6]))
threads = int(sys.argv[8])
sent, accepted, errors, ids = [0], [0], [], []
lock = threading.Lock()
def call(c, method, path, token, body):
    c.request(method, path, json.dumps(body), {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    r = c.getresponse()
    return r.status, json.loads(r.read() or b"{}")
def worker(n):
    c = http.client.HTTPConnection("127.0.0.1", port)
    start, i = time.monotonic(), 0
    while True:
        due = start + i * threads / rate          # paced: this thread's share of the rate
        now = time.monotonic()
        if due - start >= duration: break
        if due > now: time.sleep(due - now)
        fid = f"bench-{run}-{n}-{i}"
        fact = {"id": fid, "subject": subjects[(n + i * threads) % len(subjects)], "predicate": "described-as", "source": "article-7-cities",
                "statement": {"fr": f"Essai {fid}.", "nl": f"Test {fid}.", "en": f"Bench {fid}."},
                "locator": {"section": "3. Gand", "passage": "heading", "phrase": "le modèle de l’industrie 4.0"}}
        try:
            s, p = call(c, "POST", "/api/proposals", propose, {"kind": "new", "fact": fact, "reason": "bench"})
            with lock: sent[0] += 1
            if s != 201: raise Exception(f"propose {s}")
            s, _ = call(c, "POST", f"/api/proposals/{p['id']}/accept", review, {"reason": "bench"})
            if s != 200: raise Exception(f"accept {s}")
            with lock: accepted[0] += 1; ids.append(fid)
        except Exception as e:
            with lock: errors.append(str(e))
            c = http.client.HTTPConnection("127.0.0.1", port)
        i += 1
t0 = time.monotonic()
ts = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
for t in ts: t.start()
for t in ts: t.join()
elapsed = time.monotonic() - t0
print(f"    changes: {sent[0]} proposed, {accepted[0]} accepted in {elapsed:.1f} s ({accepted[0] / elapsed:.1f}/s), {len(errors)} errors {sorted(set(errors))[:3]}")
print("IDS " + json.dumps(ids))
PY

# the write path warmed up as the reads are by (a): 5 s of changes at the same rate, counted after the run but not timed
echo "warm-up: changes for 5 s (not measured)"
python3 "$work/writer.py" "$PORT" "$propose" "$review" "$RATE" 5 "$work/subjects.json" warm "$WRITERS" > "$work/warm.txt"

echo "(a) reads alone ($CONNECTIONS connections, ${DURATION} s; load average $(cut -d' ' -f1-3 /proc/loadavg)):"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" > "$work/alone.txt"
echo "    $(read_stats "$work/alone.txt")"

echo "(b) the same reads while $RATE changes a second are proposed and accepted:"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" > "$work/loaded.txt" &
wrk_pid=$!
python3 "$work/writer.py" "$PORT" "$propose" "$review" "$RATE" "$DURATION" "$work/subjects.json" run "$WRITERS" > "$work/writes.txt"
wait $wrk_pid
echo "    reads: $(read_stats "$work/loaded.txt")"
grep -v '^IDS ' "$work/writes.txt"
cat "$work/warm.txt" "$work/writes.txt" | grep '^IDS ' | cut -c5- | python3 -c 'import json, sys; print(json.dumps([i for line in sys.stdin for i in json.loads(line)]))' > "$work/ids.json"

python3 - "$PORT" "$work/ids.json" <<'PY'
import csv, io, json, sys, urllib.request
port, ids = sys.argv[1], set(json.load(open(sys.argv[2])))
feed, before = set(), None
while True:
    q = f"http://127.0.0.1:{port}/api/changes?pageSize=500" + (f"&before={before}" if before else "")
    page = json.load(urllib.request.urlopen(q))
    feed |= {c["fact"] for c in page["items"] if (c.get("fact") or "").startswith("bench-")}
    if not page.get("next"): break
    before = page["items"][-1]["seq"]
rows = csv.DictReader(io.StringIO(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/facts.csv").read().decode("utf-8")))
served = {r["id"] for r in rows if r["id"].startswith("bench-")}
print(f"    counted after the run: {len(ids)} accepted, {len(ids & feed)} in /api/changes, {len(ids & served)} served in /api/facts; lost: {len(ids - feed) + len(ids - served)}")
PY
