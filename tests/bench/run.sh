#!/usr/bin/env bash
# The benchmark table: builds Heard in release mode (build-release) and prints one table
# with today's figure, the target and a verdict for each of:
#   start to first frame (headless), CPU while idle for 10 s in a real window under Xvfb,
#   peak resident memory during a full headless session, CPU time from a keystroke to the
#   next frame with a 60-turn transcript, analyser replies per second (features alone, and
#   with the Lua rules), and loading and verifying a 200-turn session.
# Run from anywhere; takes about a minute. docs/hardening.md explains each row.
#   tests/bench/run.sh            build, measure, print the table
#   BUILD=dir tests/bench/run.sh  use (and build) another folder
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build-release}
runs=${RUNS:-11}

echo "building $build (Release)..." >&2
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release > /dev/null
targets="heard bench_frame bench_analysis bench_session"
grep -q 'bench_replay' tests/CMakeLists.txt && [ -f tests/bench/bench_replay.c ] && targets="$targets bench_replay"
# shellcheck disable=SC2086
cmake --build "$build" -j"$(nproc 2>/dev/null || echo 2)" --target $targets > /dev/null

heard=$build/heard
tmp=$(mktemp -d)
xvfb=
cleanup() {
  [ -n "$xvfb" ] && kill "$xvfb" 2> /dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
export SDL_VIDEODRIVER=dummy

rows=()
row() { # name, value, unit, target text, pass (1/0)
  local verdict=missed
  [ "$5" = 1 ] && verdict=ok
  rows+=("$(printf '%s\t%s %s\t%s\t%s' "$1" "$2" "$3" "$4" "$verdict")")
}
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }' && echo 1 || echo 0; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a >= b) }' && echo 1 || echo 0; }

# 1. Start to first frame: the whole process, exec to the end of its first frame and exit.
echo "start to first frame..." >&2
times=()
for _ in $(seq "$runs"); do
  t0=$(date +%s%N)
  "$heard" --headless --frames 1 --data-dir "$tmp/data" > /dev/null
  t1=$(date +%s%N)
  times+=($(((t1 - t0) / 1000)))
done
us=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
ms=$(awk -v u="$us" 'BEGIN { printf "%.1f", u / 1000 }')
row "start to first frame (headless, median of $runs)" "$ms" ms "< 60 ms" "$(lt "$ms" 60)"

# 2. CPU while idle for 10 s, real window under Xvfb: on the title (no caret), and on the
# players screen (a caret that blinks), reporting the busier of the two.
idle_cpu() { # args: heard's arguments; prints percent of one core over 10 s
  DISPLAY=$display SDL_VIDEODRIVER=x11 "$heard" "$@" --data-dir "$tmp/data" > /dev/null 2>&1 &
  local pid=$! n0 n1
  sleep 2
  # CPU time in nanoseconds, summed over the process's threads (/proc/PID/task/*/schedstat)
  n0=$(cat /proc/"$pid"/task/*/schedstat | awk '{ s += $1 } END { print s }')
  sleep 10
  n1=$(cat /proc/"$pid"/task/*/schedstat | awk '{ s += $1 } END { print s }')
  kill "$pid"
  wait "$pid" 2> /dev/null || true
  awk -v t=$((n1 - n0)) 'BEGIN { printf "%.2f", t / 1e9 * 100 / 10 }'
}
if command -v Xvfb > /dev/null; then
  echo "idle CPU under Xvfb (about 25 s)..." >&2
  display=:$((90 + RANDOM % 100))
  Xvfb "$display" -screen 0 1280x800x24 > /dev/null 2>&1 &
  xvfb=$!
  sleep 1
  title=$(idle_cpu)
  players=$(idle_cpu play microwave)
  worst=$(awk -v a="$title" -v b="$players" 'BEGIN { print (a > b ? a : b) }')
  row "CPU while idle 10 s (Xvfb window; title $title %, players+caret $players %)" \
    "$worst" "% of a core" "< 1 %" "$(lt "$worst" 1)"
else
  rows+=("$(printf 'CPU while idle 10 s\tskipped: Xvfb is not installed\t< 1 %%\t-')")
fi

# 3. Peak resident memory during a full session, headless, from the test input file.
echo "peak memory of a full session..." >&2
sed "s|SHOTS|$tmp|" tests/data/play/microwave-two-rounds.txt > "$tmp/input.txt"
kib=$(/usr/bin/time -f '%M' "$heard" play microwave --headless --input "$tmp/input.txt" \
  --data-dir "$tmp/data" 2>&1 > /dev/null | tail -1)
mib=$(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }')
row "peak resident memory, full session (headless)" "$mib" MiB "< 50 MiB" "$(lt "$mib" 50)"

# 4. Keystroke to frame with a 60-turn transcript (CPU time, median).
echo "keystroke to frame..." >&2
frame=$("$build/tests/bench_frame" 2000 | sed -n 's/.*median \([0-9.]*\) ms.*/\1/p')
row "keystroke to frame, 60-turn transcript (CPU, median)" "$frame" ms "< 2 ms" "$(lt "$frame" 2)"

# 5. Analyser replies per second.
echo "analyser..." >&2
"$build/tests/bench_analysis" > "$tmp/analysis.txt"
feat=$(sed -n 's/^features (.*: \([0-9]*\) replies\/s/\1/p' "$tmp/analysis.txt")
rules=$(sed -n 's/^features + full lexicon + Lua rules: \([0-9]*\) replies\/s/\1/p' "$tmp/analysis.txt")
row "analyser, features alone" "$feat" "replies/s" ">= 100000" "$(ge "$feat" 100000)"
row "analyser, features + Lua rules" "$rules" "replies/s" ">= 20000" "$(ge "$rules" 20000)"

# 6. Loading and verifying a 200-turn session.
echo "session load and verify..." >&2
if [ -x "$build/tests/bench_replay" ]; then
  "$build/tests/bench_replay" > "$tmp/replay.txt"
  load=$(sed -n 's/^verify, median of [0-9]* runs: \([0-9.]*\) ms.*/\1/p' "$tmp/replay.txt")
  turns=$(sed -n 's/^session: \([0-9]*\) turns.*/\1/p' "$tmp/replay.txt")
  row "session load + verify, $turns turns (bench_replay)" "$load" ms "< 50 ms" "$(lt "$load" 50)"
else
  "$build/tests/bench_session" > "$tmp/session.txt"
  load=$(sed -n 's/^load: \([0-9.]*\) ms.*/\1/p' "$tmp/session.txt")
  row "session load only, 200 turns (bench_session; no bench_replay)" "$load" ms "< 50 ms" \
    "$(lt "$load" 50)"
fi

{
  printf 'measure\ttoday\ttarget\tverdict\n'
  printf -- '-------\t-----\t------\t-------\n'
  printf '%s\n' "${rows[@]}"
} | column -t -s $'\t'
