#!/usr/bin/env bash
# Measures the engine shell: start to first frame (headless, median of runs), CPU while the
# title screen sits idle for 10 s in a real window under Xvfb (percent of one core, from
# /proc), and peak resident memory. Prints one line per figure.
# Usage: tests/bench/bench_shell.sh [path/to/heard]   (default: build-release/heard)
set -euo pipefail
heard=${1:-build-release/heard}
runs=${RUNS:-11}
data=$(mktemp -d)
trap 'rm -rf "$data"; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true' EXIT

# Start to first frame: the whole process, from exec to the end of its first frame and exit.
times=()
for _ in $(seq "$runs"); do
  t0=$(date +%s%N)
  "$heard" --headless --frames 1 --data-dir "$data" > /dev/null
  t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000 )))
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
printf 'start to first frame (headless, median of %d)\t%d.%03d ms\n' "$runs" $((median / 1000)) $((median % 1000))

# Peak resident memory of a headless run of 120 frames.
rss=$(/usr/bin/time -f '%M' "$heard" --headless --frames 120 --data-dir "$data" 2>&1 >/dev/null | tail -1)
printf 'peak resident memory (headless, 120 frames)\t%d.%d MiB\n' $((rss / 1024)) $(( (rss % 1024) * 10 / 1024 ))

# Idle CPU with a real window under Xvfb.
if command -v Xvfb > /dev/null; then
  display=:$(( 90 + RANDOM % 100 ))
  Xvfb "$display" -screen 0 1280x800x24 > /dev/null 2>&1 &
  xvfb=$!
  sleep 1
  DISPLAY=$display "$heard" --data-dir "$data" > /dev/null 2>&1 &
  pid=$!
  sleep 2
  tck=$(getconf CLK_TCK)
  read -r u0 s0 < <(awk '{print $14, $15}' "/proc/$pid/stat")
  sleep 10
  read -r u1 s1 < <(awk '{print $14, $15}' "/proc/$pid/stat")
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  ticks=$(( (u1 + s1) - (u0 + s0) ))
  # percent of one core = ticks / (10 s * tck) * 100, printed with two decimals
  printf 'CPU while idle on the title, 10 s (Xvfb window)\t%s %% of one core\n' \
    "$(awk -v t="$ticks" -v hz="$tck" 'BEGIN { printf "%.2f", t * 100 / (10 * hz) }')"
  printf 'peak resident memory (Xvfb window, idle)\t%d.%d MiB\n' $((hwm / 1024)) $(( (hwm % 1024) * 10 / 1024 ))
else
  echo "CPU while idle: skipped (Xvfb is not installed)"
fi
