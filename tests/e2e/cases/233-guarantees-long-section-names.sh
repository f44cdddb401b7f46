# A section name longer than libinih keeps (49 bytes between the
# brackets: "guarantee " and an id of 39) is refused once, on its line,
# with the limit and the fix. libinih passed its keys on under the cut
# name, so each was "key outside any section", then the section lacked
# "promise" and "kind", and the length was never named. Lines: at most 198
# bytes (not characters).
#
# Names by hand: ש is 2 bytes in UTF-8 (\327\251), é 2 (\303\251).
#   20 ש      40 bytes + 10 = 50: one over
#   30 é      60 bytes + 10 = 70
#   19 é, x   39 bytes + 10 = 49: fits
#   calendar: 41 a + 9 = 50: one over, a name of at most 40
rep() { # TEXT N: N copies of TEXT (printf escapes allowed)
    i=0
    while [ "$i" -lt "$2" ]; do printf "$1"; i=$((i + 1)); done
}
SHIN20=$(rep '\327\251' 20)
E30=$(rep '\303\251' 30)
E19X=$(rep '\303\251' 19)x
A41=$(repeat_char a 41)
printf 'outage_id,started_at,restored_at\nO1,2026-10-10 00:00,2026-10-12 00:00\n' > o.csv
guarantees() { # ID...: a file with a [guarantee ID] section for each
    printf '[filing]\ncarrier = C\ncommission = K\ntimezone = UTC\n'
    for id in "$@"; do
        printf '[guarantee %s]\npromise = P\nsource = S\nkind = restoration\nwithin = 24h\n' "$id"
    done
}
run_g() { # FILE
    run_ombud run -q --guarantees "$1" --outages o.csv --period 2026-10 --out out
}

guarantees "$E19X" > fits.ini
run_g fits.ini
expect_exit 0

# Both long ids said once each, and the good guarantee after them is
# read: nothing else is said.
guarantees "$SHIN20" "$E30" ok > long.ini
run_g long.ini
expect_exit 65
expect_eq "one error per long name, on its line" \
"long.ini:5: error: [guarantee $SHIN20]: section name of 50 bytes, more than the 49 the INI reader (libinih) keeps: use a shorter id (at most 39 bytes)
long.ini:10: error: [guarantee $E30]: section name of 70 bytes, more than the 49 the INI reader (libinih) keeps: use a shorter id (at most 39 bytes)" \
    "$(cat "$ERR")"

{ guarantees ok; printf '[calendar %s]\nhours = mon-fri 08:00-20:00\n' "$A41"; } > cal.ini
run_g cal.ini
expect_exit 65
expect_eq "a calendar's name" \
    "cal.ini:10: error: [calendar $A41]: section name of 50 bytes, more than the 49 the INI reader (libinih) keeps: use a shorter name (at most 40 bytes)" \
    "$(cat "$ERR")"

# 198 bytes fit on a line and 199 do not, however many characters: the
# promise line is "promise = " (10 bytes) and 94 é (188), then one x more.
guarantees ok | sed "s/^promise = P\$/promise = $(rep '\303\251' 94)/" > l198.ini
run_g l198.ini
expect_exit 0
guarantees ok | sed "s/^promise = P\$/promise = $(rep '\303\251' 94)x/" > l199.ini
run_g l199.ini
expect_exit 65
expect_stderr_has 'l199.ini:6: error: line longer than 198 bytes; continue a long value on indented lines'
