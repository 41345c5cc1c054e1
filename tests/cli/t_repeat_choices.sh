# t_repeat_choices.sh - select_one ${q} / select_multiple ${q} from the
# command line (forms/engine/dyn_choices.c): the choices are the answers q
# has in its repeat's live instances, a choice_filter tried in each;
# anything else is refused naming them; a value with a space cannot be one
# of a select_multiple's; an answer whose instance changes stays recorded
# and finalizing says to answer it again; jr:choice-name gives the value;
# the form loads with what names no item refused, and exports as it was.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
cp -r "$FIELDCHECK_TOP/tests/forms/good/repeat-choices" "$WS/forms/"
expect_exit 0 "the form loads" forms check "$WS/forms/repeat-choices"
expect_exit 0 "an inspection" inspection new --form repeat-choices --enterprise "$USCC1" \
	--type joint
id=$(cat "$OUT")
fc inspection member "$id" 李四:ZJ-0002:区应急管理局

expect_err 1 "given the answers so far there are none" "no worker yet: nothing to choose" \
	inspection answer "$id" officer 王五
for k in 1 2 3; do fc inspection repeat "$id" worker add; done
fc inspection answer "$id" wname 王五 --instance 1
fc inspection answer "$id" age 45 --instance 1
fc inspection answer "$id" wname "赵 六" --instance 2
fc inspection answer "$id" age 17 --instance 2
fc inspection answer "$id" wname 孙七 --instance 3
fc inspection answer "$id" age 30 --instance 3
fc inspection answer "$id" min_age 18
expect_err 1 "'赵 六' is not among the choices of “Safety officer”, the answers to “Name” in its repeat's instances: '王五', '孙七'" \
	"a worker under the choice_filter's age is refused, the choices named" \
	inspection answer "$id" officer "赵 六"
expect_err 1 "is not among the choices" "a name of no worker is refused" \
	inspection answer "$id" officer 周八
expect_exit 0 "a worker's name is taken" inspection answer "$id" officer 王五
expect_err 1 "separates choices with spaces, so an answer holding one, such as '赵 六', cannot be chosen" \
	"a name with a space cannot be one of many" inspection answer "$id" trained "赵 六"
expect_exit 0 "two names, space-separated" inspection answer "$id" trained "孙七 王五"
expect_exit 0 "inspection show" inspection show "$id"
out_has "officer  *王五 Safety officer" "the value shows as its own label"
out_has "officer_name  *= 王五" "jr:choice-name gives the value"

fc inspection answer "$id" wname 王五一 --instance 1
expect_err 1 "cannot finalize: answer “Safety officer” again: '王五' is not among the choices" \
	"a chosen name that changed is named at finalize" inspection finalize "$id"
expect_exit 0 "inspection show" inspection show "$id"
out_has "officer  *王五 Safety officer" "the answer stays as recorded"
fc inspection answer "$id" wname 王五 --instance 1
expect_exit 0 "the name back: it finalizes" inspection finalize "$id"

mkdir -p "$T/bad"
printf 'form_id,version\nbad,1\n' >"$T/bad/settings.csv"
printf 'type,name,label\ntext,a,A\nselect_one ${a},b,B\nselect_multiple ${nope},c,C\n' \
	>"$T/bad/survey.csv"
expect_err 1 'survey.csv:3:1: ${a}: the item is not inside a repeat' \
	"an item outside any repeat is refused" forms check "$T/bad"
expect_err 1 'survey.csv:4:1: ${nope}: no item of this form has that name' \
	"a name of no item is refused" forms check "$T/bad"

expect_exit 0 "forms export" forms export repeat-choices --out "$T/rc.xlsx"
WS2=$T/ws2
"$FC" -C "$WS2" init --name 李四 --badge JT-0042 --dept 区交通运输局 >/dev/null
"$FC" -C "$WS2" forms add "$T/rc.xlsx" >"$OUT" 2>"$ERR"
check "the type is written back as select_one \${wname}" \
	cmp "$FIELDCHECK_TOP/tests/forms/good/repeat-choices/survey.csv" \
	"$WS2/forms/repeat-choices/survey.csv"
