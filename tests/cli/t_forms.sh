# t_forms.sh - `forms list` and `forms check`: the catalogue, a form author's
# problems as PATH:LINE:COL lines, exit statuses, workspace forms.
. "$FIELDCHECK_TOP/tests/lib.sh"

# write_form DIR ID VERSION LABEL: a one-check form.
write_form() {
	mkdir -p "$1"
	printf 'type,name,label::zh,label::en,hazard\ncheck,c1,%s,%s,general\n' "$4" "$4" >"$1/survey.csv"
	printf 'form_id,version,form_title::zh,form_title::en\n%s,%s,中文%s,English %s\n' \
		"$2" "$3" "$2" "$2" >"$1/settings.csv"
}

expect_exit 0 "forms check passes on the shipped forms" forms check
check "it says so" grep -q "forms checked, no problems" "$OUT"
check "and prints no problem" [ ! -s "$ERR" ]

expect_exit 0 "forms list" forms list
out_has "hazmat-loading" "the list has the hazardous-chemical loading form"
out_has "Hazardous-Chemical" "titles are in English outside a Chinese locale"
LC_ALL=zh_CN.UTF-8 "$FC" -C "$WS" forms list >"$OUT" 2>"$ERR"
out_has "危险化学品" "titles are in Chinese in a Chinese locale"
expect_exit 0 "forms list as JSON" forms list --format json
out_has '"id": "hazmat-loading", "version": 2,' "JSON carries id and version"
out_has '"checks": 14,' "JSON counts the 14 checks of hazmat-loading"
expect_exit 0 "forms list as CSV" forms list --format csv
out_has '^id,version,items,checks,origin,title' "CSV has a header"
expect_exit 2 "an unknown format is a usage error" forms list --format xml
expect_exit 2 "forms alone is a usage error" forms
expect_exit 2 "an unknown forms command is a usage error" forms frobnicate
expect_exit 2 "an unknown option is a usage error" forms check --quick

bad=$FIELDCHECK_TOP/tests/forms/bad
expect_err 1 "$bad/01-unknown-type/survey.csv:3:1: unknown type 'chek'" \
	"forms check DIR prints PATH:LINE:COL: problem" forms check "$bad/01-unknown-type"
check "then a summary" grep -q "1 form checked, 0 load; 1 problem" "$ERR"
expect_exit 1 "several folders: every problem of every one" forms check \
	"$bad/15-bad-rectify-days" "$bad/39-problems-in-every-file" "$FIELDCHECK_TOP/forms/checklists/six-ones"
check "six problems, one per line, and the summary" \
	[ "$(grep -c ':[0-9]*:[0-9]*: ' "$ERR")" -eq 6 ]
check "the good one loads" grep -q "3 forms checked, 1 load; 6 problems" "$ERR"
expect_err 1 "$bad/53-bad-measure/survey.csv:3:6: measure 'halt' is not one of stop_loading, stop_work, evacuate, stop_use" \
	"a measure outside the fixed words is refused at its cell" forms check "$bad/53-bad-measure"
check "and a measure on an item that is not a check" \
	grep -q "$bad/53-bad-measure/survey.csv:4:6: measure does not apply to items of type text" "$ERR"
expect_err 1 "$T/nowhere: cannot open: No such file or directory" \
	"a missing folder is a problem" forms check "$T/nowhere"

# Problem text comes from the file: it reaches the terminal made visible.
mkdir -p "$T/evil"
printf 'type,name,label\n"\033]0;owned\007text",x,X\n' >"$T/evil/survey.csv"
printf 'form_id,version\nevil,1\n' >"$T/evil/settings.csv"
expect_exit 1 "a hostile form" forms check "$T/evil"
check "its escape sequences do not reach the terminal" lacks "$(printf '\033')" "$ERR"

# The workspace's own forms: a higher version wins, a clash is reported.
mkdir -p "$WS"
write_form "$WS/forms/local-park" local-park 1 "本地检查"
write_form "$WS/forms/six-ones" six-ones 2 "园区新版"
expect_exit 0 "workspace forms join the catalogue" forms list --format csv
out_has "^local-park,1,1,1,$WS/forms/local-park,English local-park" "a workspace form is listed"
out_has "^six-ones,2,1,1,.*,English six-ones" "a newer workspace version wins"
write_form "$WS/forms/hazmat-loading" hazmat-loading 2 "改了但没升版本"
expect_err 1 "$WS/forms/hazmat-loading: version 2 of form hazmat-loading differs from" \
	"the same version with other contents is a clash" forms check
lacks "hazmat-loading" "$OUT" && ok "the clashing form is not used" || not_ok "the clashing form is not used"
fc forms list
check "forms list reports the clash too, exit 1" [ $? -eq 1 ]
