#!/bin/sh
# Installs what Heard needs to build and test on Debian 12 (or a derivative), using sudo
# when not run as root. Safe to run again: packages already present are left alone.
set -eu
packages="build-essential cmake pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev liblua5.4-dev
libcmocka-dev libjansson-dev fonts-droid-fallback fonts-symbola valgrind desktop-file-utils
libutf8proc-dev libstemmer-dev libhunspell-dev hunspell-en-us hunspell-en-gb liblinear-dev"
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -z "$missing" ]; then
  echo "install-deps: all packages present"
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then as_root=""; else as_root="sudo"; fi
echo "install-deps: installing$missing"
$as_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq $missing
