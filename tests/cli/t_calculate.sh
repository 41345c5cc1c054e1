# t_calculate.sh - a form with a calculate item and ODK functions on the
# command line: the value is computed from the answers, shown by
# `inspection show`, read by other items, and never answered by hand.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
mkdir -p "$WS/forms/calc"
cat >"$WS/forms/calc/survey.csv" <<'CSV'
type,name,label::zh,label::en,relevant,calculation,constraint,hazard
integer,workers,人数,Workers,,,,
integer,extinguishers,灭火器,Extinguishers,,,,
calculate,per10,每10人灭火器,Extinguishers per 10 workers,,"round(${extinguishers} div ${workers} * 10, 1)",,
text,plate,车牌,Plate,,,"ends-with(., ‘挂’) or string-length(.) = 7",
check,enough,灭火器足够（每10人${per10}具）,Enough extinguishers (${per10} per 10 workers),${per10} >= 1,,,general
start,started,,,,,,
today,day,,,,,,
username,who,,,,,,
deviceid,device,,,,,,
end,ended,,,,,,
calculate,weekday,,,,"format-date(${day}, '%a')",,
CSV
printf 'form_id,version\ncalc,1\n' >"$WS/forms/calc/settings.csv"

expect_exit 0 "a form with a calculate item loads" forms check "$WS/forms/calc"
expect_exit 0 "an inspection on it" inspection new --form calc --enterprise "$USCC1"
id=$(cat "$OUT")
fc inspection answer "$id" workers 25
fc inspection answer "$id" extinguishers 2
expect_exit 0 "inspection show" inspection show "$id"
out_has "per10 *= 0.8" "shows the calculated value, rounded to one place"
out_has "enough *n/a" "an item whose relevance reads the calculation does not apply"
fc inspection answer "$id" extinguishers 5
expect_exit 0 "inspection show again" inspection show "$id"
out_has "per10 *= 2" "the value follows the answers (2.0 shows as 2)"
check "and the item that reads it now applies" sh -c "! grep -q 'enough *n/a' '$OUT'"
out_has "Enough extinguishers (2 per 10 workers)" "its label shows the value it names"
out_has "started *= 20" "the start metadata is the inspection's start"
out_has "who *= ZJ-0001" "username is the officer who started it"
out_has "device *= fieldcheck:ZJ-0001" "deviceid names the laptop's officer"
out_has "weekday *= [A-Z][a-z][a-z]" "a calculation reads the day metadata"
expect_err 1 "item “Extinguishers per 10 workers” takes no answer" "a calculate item takes no answer" inspection answer "$id" per10 3
expect_err 1 "takes no answer" "nor does a metadata item" inspection answer "$id" who x
expect_err 1 "constraint" "a constraint with typographic quotes is enforced" \
	inspection answer "$id" plate 浙B12345678
expect_exit 0 "and passes what it allows" inspection answer "$id" plate 浙B1234挂

# Columns fieldcheck does not use are listed as warnings, never dropped in
# silence; the form still loads.
mkdir -p "$T/extra"
printf 'type,name,label,media::image,label::Français (fr),bind::odk:length\ntext,t,T,a.jpg,Te,\n' \
	>"$T/extra/survey.csv"
expect_exit 0 "a form with columns fieldcheck does not use loads" forms check "$T/extra"
check "each unused column is a warning with its place" \
	grep -q "$T/extra/survey.csv:1:4: warning: column 'media::image' is not used by fieldcheck" "$ERR"
check "a label in another language is no warning: it is one of the form's" \
	sh -c "! grep -q \"column 'label::Français (fr)'\" '$ERR'"
out_has "1 form checked, no problems (2 warnings)" "the summary counts them"

# choice_filter: cascading selects are enforced when answering.
mkdir -p "$WS/forms/casc"
printf 'type,name,label,choice_filter\nselect_one region,region,Region,\nselect_one site,site,Site,region=${region}\n' \
	>"$WS/forms/casc/survey.csv"
printf 'list_name,name,label,region\nregion,east,East,\nregion,west,West,\nsite,port,Port,east\nsite,mine,Mine,west\n' \
	>"$WS/forms/casc/choices.csv"
expect_exit 0 "a form with a choice_filter loads" forms check "$WS/forms/casc"
check "and the choices' own column is no warning" sh -c "! grep -q warning '$ERR'"
expect_exit 0 "an inspection on it" inspection new --form casc --enterprise "$USCC1"
cid=$(cat "$OUT")
fc inspection answer "$cid" region east
expect_err 1 "“Mine” is not among the choices item “Site” offers" \
	"a site of another region is refused" inspection answer "$cid" site mine
expect_exit 0 "a site of the region is taken" inspection answer "$cid" site port
