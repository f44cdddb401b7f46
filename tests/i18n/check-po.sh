#!/bin/sh
# check-po.sh PODIR LANG... - fail when a catalogue lacks a message.
#
# The messages are taken from the sources themselves (xgettext, as
# `make pot` does), so a text wrapped in _() but not yet translated is
# caught even when po/ombud.pot was not regenerated. Every message must
# be present, translated and not fuzzy in every PODIR/LANG.po, and every
# catalogue must compile with msgfmt --check (format strings match).
set -u
podir=$1; shift
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
srcs=$(ls src/*.c src/*/*.c | sort)
# shellcheck disable=SC2086
xgettext --from-code=UTF-8 --language=C -k --keyword=_ --keyword=N_ \
    --keyword=ombud_ngettext:1,2 -o "$tmp/now.pot" $srcs || exit 1
fail=0
for l in "$@"; do
    po="$podir/$l.po"
    if [ ! -f "$po" ]; then
        echo "i18n-check: $po: missing" >&2; fail=1; continue
    fi
    if ! msgcmp "$po" "$tmp/now.pot" 2>"$tmp/cmp"; then
        echo "i18n-check: $po lacks messages the sources use:" >&2
        sed 's/^/  /' "$tmp/cmp" >&2
        fail=1
    fi
    stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1) || {
        echo "i18n-check: $po: $stats" >&2; fail=1; continue; }
    case $stats in
        *untranslated*|*fuzzy*)
            echo "i18n-check: $po: $stats" >&2
            msgattrib --untranslated "$po" | grep '^msgid' | sed 's/^/  untranslated: /' >&2
            msgattrib --only-fuzzy "$po" | grep '^msgid' | sed 's/^/  fuzzy: /' >&2
            fail=1 ;;
    esac
    [ $fail -eq 0 ] && echo "i18n-check: $l: $stats"
done
exit $fail
