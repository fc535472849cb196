#!/bin/sh
# A whole headless session of the microwave (tests/data/play/microwave-two-rounds.txt, with
# its screenshots) under valgrind's memcheck: no invalid reads or writes, no use of
# uninitialised values, no definite or indirect leaks. Suppressions are in
# tests/valgrind.supp (only SDL, driver and fontconfig internals, each explained).
# Usage: tests/valgrind_play.sh PATH/TO/heard   (from the repository root; ctest does this)
# Exits 77 (skipped) when valgrind is missing or heard was built with AddressSanitizer,
# which cannot run under valgrind.
set -eu
heard=${1:-build/heard}
cd "$(dirname "$0")/.."
if ! command -v valgrind > /dev/null 2>&1; then
  echo "valgrind_play: valgrind is not installed (tools/install-deps.sh installs it); skipped"
  exit 77
fi
if ldd "$heard" 2> /dev/null | grep -q 'libasan'; then
  echo "valgrind_play: $heard is built with AddressSanitizer; skipped"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed "s|SHOTS|$tmp|" tests/data/play/microwave-two-rounds.txt > "$tmp/input.txt"
status=0
SDL_VIDEODRIVER=dummy valgrind --tool=memcheck --leak-check=full \
  --errors-for-leak-kinds=definite,indirect --error-exitcode=1 --num-callers=30 \
  --suppressions=tests/valgrind.supp --log-file="$tmp/valgrind.log" \
  "$heard" play microwave --headless --input "$tmp/input.txt" --data-dir "$tmp/data" \
  > "$tmp/out.txt" 2>&1 || status=$?
if [ "$status" -ne 0 ] || ! grep -q "Session saved to" "$tmp/out.txt"; then
  echo "valgrind_play: exit $status"
  cat "$tmp/out.txt" "$tmp/valgrind.log"
  exit 1
fi
for shot in 01-players 05-rate 09-summary; do
  [ -s "$tmp/$shot.bmp" ] || { echo "valgrind_play: no $shot.bmp"; exit 1; }
done
grep -E "ERROR SUMMARY|definitely lost|indirectly lost" "$tmp/valgrind.log" | sed 's/^==[0-9]*== *//'
