# t_or_other.sh - "select_one LIST or_other" as pyxform means it: the list
# gains a choice "other" (labelled Other in the reader's language) and a
# text item NAME_other asks what, when "other" is chosen; both are answers
# like any other, so the record format is the one it was.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
mkdir -p "$WS/forms/fuel"
cat >"$WS/forms/fuel/survey.csv" <<'CSV'
type,name,label::zh,label::en
select_one fuel or_other,fuel,燃料,Fuel stored
text,note,备注（${fuel_other}）,Note on ${fuel_other}
CSV
printf 'list_name,name,label::zh,label::en\nfuel,gas,燃气,Gas\nfuel,coal,煤,Coal\n' \
	>"$WS/forms/fuel/choices.csv"
printf 'form_id,version\nfuel,1\n' >"$WS/forms/fuel/settings.csv"

expect_exit 0 "a form with or_other loads" forms check "$WS/forms/fuel"
fc inspection new --form fuel --enterprise "$USCC1"
id=$(cat "$OUT")
expect_err 1 "does not apply" "the text is not asked before other is chosen" \
	inspection answer "$id" fuel_other "Wood pellets"
expect_exit 0 "other is one of the choices" inspection answer "$id" fuel other
expect_exit 0 "and then fuel_other takes the text" inspection answer "$id" fuel_other "Wood pellets"
expect_exit 0 "inspection show" inspection show "$id"
out_has "fuel  *other" "the select's answer is other"
out_has "Wood pellets" "the text is kept"
out_has "Note on Wood pellets" "and a label shows it through \${fuel_other}"
LC_ALL=zh_CN.UTF-8 LANGUAGE= "$FC" -C "$WS" inspection show "$id" >"$OUT" 2>"$ERR"
out_has "fuel_other .*请注明其他" "the follow-up's label is translated"
expect_exit 0 "a choice of the list still answers" inspection answer "$id" fuel coal
expect_exit 0 "show again" inspection show "$id"
out_has "fuel_other  *n/a" "the text no longer applies"
expect_err 1 "is not one of" "an answer not in the list is refused" \
	inspection answer "$id" fuel "wood"

# The record carries both answers as they are, one line each.
fc inspection answer "$id" fuel other
fc inspection answer "$id" fuel_other "Wood pellets"
git init -q --bare --initial-branch=main "$T/central.git"
fc remote add origin "$T/central.git"
fc sync
path=$(git --git-dir="$T/central.git" ls-tree -r --name-only main | grep "$id")
git --git-dir="$T/central.git" show "main:$path" >"$OUT"
out_has '{"item": "fuel", "value": "other",' "the record holds the select's answer, other"
out_has '{"item": "fuel_other", "value": "Wood pellets",' "and fuel_other's text as its own answer"
