# t_calc_question.sh - a calculation on an ordinary question, as ODK means
# it: without a trigger the question's value is its calculation's (shown,
# read by other items, refused when typed, not asked at finalize); with a
# trigger it is an answer like any other, set to the calculation's value
# when the trigger's answer changes (pyxform's setvalue).
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
cp -r "$FIELDCHECK_TOP/tests/forms/good/calculated" "$WS/forms/"

expect_exit 0 "a form with calculated questions loads" forms check "$WS/forms/calculated"
check "required on a computed question is a warning, with its place" \
	grep -q "survey.csv:5:7: warning: required is not checked on 'total'" "$ERR"
check "a select's default that is none of its choices is a warning, as ODK loads it" \
	grep -q "survey.csv:8:9: warning: default: 'maybe' is not one of the item's choices" "$ERR"
check "a default from the last saved record loads without a warning" \
	lacks "last-saved" "$ERR"
expect_exit 0 "an inspection on it" inspection new --form calculated --enterprise "$USCC1"
id=$(cat "$OUT")
fc inspection answer "$id" site 码头
fc inspection answer "$id" price 12.5
fc inspection answer "$id" qty 10
expect_exit 0 "inspection show" inspection show "$id"
out_has "^ *at 码头$" "answering the trigger set the triggered question"
out_has "total *= 125" "the decimal's value is its calculation's"
out_has "large *= yes" "a select's value too, read from the other"
expect_err 1 "item “Total” takes no answer: its value is computed (\${price} \* \${qty})" \
	"typing a computed question is refused, naming its calculation" \
	inspection answer "$id" total 3
fc inspection answer "$id" qty 4
expect_exit 0 "inspection show again" inspection show "$id"
out_has "total *= 50" "the value follows the answers"
out_has "large *= no" "and what reads it"
expect_exit 0 "a triggered one is typed like any answer" inspection answer "$id" sign 李四
expect_exit 0 "finalize: a computed question is never missing" inspection finalize "$id"
check "nothing computed is stored as an answer" \
	test "$(sqlite3 "$WS/store.db" "SELECT count(*) FROM answers WHERE item IN ('total', 'large')")" = 0

# A trigger with no calculation to run (pyxform's setgeopoint on a
# geopoint) does nothing here: a warning says so, the form loads.
mkdir -p "$T/trig"
printf 'type,name,label,trigger\ntext,a,A,\ngeopoint,g,G,${a}\n' >"$T/trig/survey.csv"
expect_exit 0 "a trigger without a calculation loads" forms check "$T/trig"
check "with a warning at its cell" \
	grep -q "trig/survey.csv:3:4: warning: trigger is not used without a calculation" "$ERR"
