# Shared helpers of the benchmark scripts (sourced, not run).

# Publishes the atlas in Release into $1 (once per script run).
publish_atlas() {
  dotnet publish "$ROOT/src/Atlas.Cli" -c Release -o "$1" --nologo -v quiet >/dev/null
}

# Waits until URL answers 200; prints nothing, fails after $2 seconds (default 30).
wait_for() {
  local url=$1 limit=${2:-30} i=0
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    i=$((i + 1))
    [ "$i" -gt $((limit * 20)) ] && { echo "no answer from $url" >&2; return 1; }
    sleep 0.05
  done
}

# Milliseconds since the epoch.
now_ms() { date +%s%3N; }

# Installs Debian packages that are missing (benchmarks only: the tests need none of them).
need() {
  local missing=()
  for tool in "$@"; do command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
