# t_forms_kept.sh - what issue 13 asked of real XLSForms, on the command
# line, with tests/forms/good/kept: once(random()) drawn when the inspection
# starts and kept in its record (the same on every show, after answers, in
# the JSON record), once() of what is not answered yet waiting for it,
# random() alone new at each show; a trigger setting its items when its
# answer changes and leaving the inspector's own answer until it changes
# again; ${last-saved#ref} reading the officer's previous inspection.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
export FIELDCHECK_NOW=2026-12-01T09:00:00+08:00
fc enterprise add --code "$USCC1" --name 华东化工有限公司
cp -r "$FIELDCHECK_TOP/tests/forms/good/kept" "$WS/forms/"

expect_exit 0 "the form loads" forms check "$WS/forms/kept"
check "without a warning: once(), random(), triggers and last-saved are read" \
	lacks "warning" "$ERR"
expect_exit 0 "an inspection on it" inspection new --form kept --enterprise "$USCC1"
id=$(cat "$OUT")

# once(random())
value() { sed -n "s/^  $1 *= \(.*\)$/\1/p" "$OUT"; }
fc inspection show "$id"
draw=$(value draw) roll=$(value roll)
check "once(random()) is a number in [0, 1)" \
	awk -v d="$draw" 'BEGIN { exit !(d != "" && d + 0 >= 0 && d + 0 < 1) }'
check "it is in the record from the start, as an answer" \
	test "$(sql "SELECT value FROM answers WHERE item = 'draw'")" = "$draw"
check "once() of an answer not given yet waits: serial is empty" test -z "$(value serial)"
fc inspection answer "$id" site 码头
fc inspection answer "$id" site 库房
fc inspection show "$id"
check "the draw is kept after answers" test "$(value draw)" = "$draw"
check "serial kept the first site it had" test "$(value serial)" = "S-码头"
check "random() alone is drawn again at each reading" test "$(value roll)" != "$roll"
expect_exit 0 "the record as JSON" inspection show "$id" --format json
out_has "\"item\": \"draw\", \"value\": \"$draw\"" "the record carries the kept draw"
expect_err 1 "item “draw” takes no answer" "a kept value is not typed" \
	inspection answer "$id" draw 0.5
fc inspection repeat "$id" vehicle add
v1=$(cut -d' ' -f2 "$OUT")
check "a new vehicle draws its own tag" \
	sh -c "sqlite3 '$WS/store.db' \"SELECT value FROM answers WHERE item = 'tag@$v1'\" | grep -q '^0\.'"

# trigger
check "the site's change set what it triggers" \
	test "$(sql "SELECT value FROM answers WHERE item = 'recorder'")" = "at 库房"
fc inspection answer "$id" visitors 12
fc inspection answer "$id" recorder 门卫室
fc inspection answer "$id" site 库房
check "the inspector's answer stays while the trigger does not change" \
	test "$(sql "SELECT value FROM answers WHERE item = 'recorder'")" = "门卫室"
fc inspection answer "$id" site 码头
fc inspection show "$id"
out_has "^ *at 码头$" "a change of the trigger sets it again"
check "a calculate item with a trigger holds what it was set to" \
	test "$(value visitors_then)" = 12
fc inspection answer "$id" visitors 3
fc inspection show "$id"
check "and keeps it while only what it reads changes" test "$(value visitors_then)" = 12

# ${last-saved#ref}
fc inspection show "$id"
check "the first inspection has no last saved record" test -z "$(value next_ref)"
fc inspection answer "$id" ref 41
FIELDCHECK_NOW=2026-12-02T09:00:00+08:00 fc inspection new --form kept --enterprise "$USCC1"
id2=$(cat "$OUT")
fc inspection show "$id2"
check "the next one reads ref of the officer's previous inspection" test "$(value next_ref)" = 42
check "its own draw is another" test "$(value draw)" != "$draw"
fc inspection show "$id"
check "the earlier one still reads none" test -z "$(value next_ref)"
