#!/bin/sh
# Install the Debian packages ombud needs to build, test and run, when any
# is missing. Used by `make demo`, `make check` and .ci/run. Idempotent:
# when everything is present it installs nothing and says nothing.
set -eu

PACKAGES="gcc make pkg-config
libcsv-dev libsqlite3-dev libglib2.0-dev libxlsxwriter-dev libcairo2-dev
libpango1.0-dev libfontconfig-dev libinih-dev libminizip-dev libssl-dev libpq-dev
tzdata fonts-dejavu-core gettext
libcmocka-dev sqlite3 poppler-utils unzip zip postgresql qpdf libxml2-utils
clang libclang-rt-14-dev libxml2-dev valgrind time"

missing=""
for p in $PACKAGES; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "installing:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "ombud: these Debian packages are missing:$missing" >&2
    echo "ombud: install them as root: apt-get install$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
