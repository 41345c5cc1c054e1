# t_forms_loop.sh - "begin loop over LIST" ... "end loop" as pyxform makes
# it: the loop's group holds a group per choice of the list (not "none";
# "other" too when an or_other select adds it), each with a copy of the
# loop's items named CHOICE_ITEM, %(name)s and %(label)s put into the
# rows directly inside the loop, a ${name} of the copy following it.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
cp -r "$FIELDCHECK_TOP/tests/forms/good/loop" "$WS/forms/"
expect_exit 0 "a form with a loop loads" forms check "$WS/forms/loop"
fc inspection new --form loop --enterprise "$USCC1"
id=$(cat "$OUT")
expect_exit 0 "the select the loop's relevance reads" inspection answer "$id" tanks "lpg other"
expect_exit 0 "a copy's item is answered by its name" inspection answer "$id" lpg_count 2
expect_err 1 "applies when selected(\${tanks}, 'acid')" \
	"%(name)s is put into the copy's relevance" inspection answer "$id" acid_count 2
expect_err 1 "no item 'none_count'" "a choice named none makes no copy" \
	inspection answer "$id" none_count 1
expect_exit 0 "or_other's other makes a copy" inspection answer "$id" other_count 1
expect_err 1 "How many LPG tanks?”: the answer does not meet the item's constraint" \
	"the copy keeps the loop item's constraint" \
	inspection answer "$id" lpg_count -1
expect_exit 0 "inspection show" inspection show "$id"
out_has "^\[LPG\]" "each copy is a group labelled as its choice"
out_has "lpg_count  *2  *How many LPG tanks?" "%(label)s is put into the label"
out_has "lpg_remark  *-  *Remark on lpg (2)" "\${count} in the copy reads the copy's count"
out_has "other_count  *1  *How many Other tanks?" "other is labelled Other"
# pyxform puts the choice only into the rows directly inside the loop (its
# test_loop__groups_error): a group's rows keep the text as written.
out_has "lpg_valve  *-  *Valve of %(label)s" "not into a group's rows inside the loop"
LC_ALL=zh_CN.UTF-8 LANGUAGE= "$FC" -C "$WS" inspection show "$id" >"$OUT" 2>"$ERR"
out_has "液化气储罐数量" "a language's label reads the choice's label in that language"

# What cannot be expanded is refused at its cell.
mkdir -p "$WS/forms/badloop"
printf 'type,name,label\nbegin loop over nosuch,l,L\ntext,a,%%(colour)s\nend loop,,\nbegin loop,m,M\nend_group,,\nend loop,,\n' \
	>"$WS/forms/badloop/survey.csv"
printf 'list_name,name,label\nyn,yes,Yes\n' >"$WS/forms/badloop/choices.csv"
expect_err 1 "survey.csv:2:1: loop 'l' goes over list 'nosuch', which is not in choices" \
	"a loop over a list that is not there" forms check "$WS/forms/badloop"
check "a loop without its list is named" grep -q "survey.csv:5:1: begin loop needs the list" "$ERR"
check "an end_group closing a loop is named" \
	grep -q "survey.csv:6:1: end_group closes loop 'm' (line 5)" "$ERR"
check "a stray end loop is named" grep -q "survey.csv:7:1: end loop without a begin loop" "$ERR"
printf 'type,name,label\nbegin loop over yn,l,L\ntext,a,%%(colour)s\nend loop,,\n' \
	>"$WS/forms/badloop/survey.csv"
expect_err 1 "survey.csv:3:3: %(colour)s: the loop's list has no column 'colour'" \
	"a column the list does not have" forms check "$WS/forms/badloop"
printf 'type,name,label\nbegin loop over yn,l,L\nchek,b,B\nend loop,,\n' >"$WS/forms/badloop/survey.csv"
expect_err 1 "survey.csv:3:1: unknown type 'chek'" "a problem of a loop's row is found in it" \
	forms check "$WS/forms/badloop"
check "and said once, not once per copy" [ "$(grep -c "unknown type 'chek'" "$ERR")" = 1 ]
