# t_forms_odk_types.sh - the question types ODK adds, answered from the
# command line as ODK Collect records them: acknowledge and trigger "OK",
# barcode as typed text, hidden not asked (its value its default), range a
# number from start to end by step, geotrace and geoshape points
# "LAT LON ALT ACC" joined by ';' (a shape closed), rank every choice once
# in order.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
cp -r "$FIELDCHECK_TOP/tests/forms/good/odk-types" "$WS/forms/"
expect_exit 0 "a form with ODK's types loads" forms check "$WS/forms/odk-types"
fc inspection new --form odk-types --enterprise "$USCC1"
id=$(cat "$OUT")

expect_exit 0 "acknowledge takes OK" inspection answer "$id" rules_read OK
expect_err 1 "is not OK" "and nothing else" inspection answer "$id" rules_read yes
expect_exit 0 "trigger takes OK" inspection answer "$id" briefed OK
expect_exit 0 "a barcode is typed" inspection answer "$id" seal "ZJ-0042-A"
expect_err 1 "takes no answer" "hidden is not asked" inspection answer "$id" zone south
expect_exit 0 "hidden's default is its value: north_note applies" \
	inspection answer "$id" north_note "valves tagged"

expect_exit 0 "a range takes start plus a multiple of step" inspection answer "$id" noise 85
expect_err 1 "87 is not 40 plus a multiple of 5" \
	"and refuses what is between steps" inspection answer "$id" noise 87
expect_err 1 "125 is not from 40 to 120" "or outside the range" inspection answer "$id" noise 125
expect_err 1 "is not a whole number" "a whole range takes no fraction" inspection answer "$id" noise 85.5
expect_exit 0 "a decimal range takes half steps" inspection answer "$id" ph 6.5
expect_err 1 "6.25 is not 0 plus a multiple of 0.5" "but not quarters" inspection answer "$id" ph 6.25

expect_exit 0 "a geotrace takes two points" \
	inspection answer "$id" route "30.27 120.15; 30.28 120.16 12 5"
expect_err 1 "a line needs at least 2 points" "not one" inspection answer "$id" route "30.27 120.15"
expect_err 1 "is not a position" "a point out of range is refused" \
	inspection answer "$id" route "30.27 120.15;91 120"
expect_exit 0 "a geoshape takes three points" \
	inspection answer "$id" yard "30.1 120.1;30.2 120.2;30.3 120.1"
expect_err 1 "a shape needs at least 3 points" "not two" \
	inspection answer "$id" yard "30.1 120.1;30.2 120.2"

expect_exit 0 "a rank takes every choice in order" inspection answer "$id" priority "spill fire fall"
expect_err 1 "2 of 3 are given" "not some of them" inspection answer "$id" priority "spill fire"
expect_err 1 "'fire' is ranked twice" "nor one twice" inspection answer "$id" priority "fire fire fall"

expect_exit 0 "inspection show" inspection show "$id"
out_has "rules_read  *OK" "the acknowledgement is OK"
out_has "30.27 120.15 0 0;30.28 120.16 12 5" "a trace is stored as ODK writes it"
out_has "30.1 120.1 0 0;30.2 120.2 0 0;30.3 120.1 0 0;30.1 120.1 0 0" \
	"a shape is stored closed"
check "hidden is not shown" lacks "^  zone " "$OUT"
