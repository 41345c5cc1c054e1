# t_forms_lang.sh - a form in languages fieldcheck's own messages do not
# come in: its labels, hints, messages and choices are shown in the
# locale's language (fr_FR.UTF-8 reads French), else the form's
# default_language, else the plain column; the shipped checklists read as
# before in Chinese and English.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司

mkdir -p "$WS/forms/feu"
cat >"$WS/forms/feu/survey.csv" <<'CSV'
type,name,label::Français (fr),label::English (en),label:Español,constraint,constraint_message::Français (fr),constraint_message::English (en)
select_one yn,ext,Extincteur en place,Extinguisher in place,Extintor,,,
integer,n,Nombre d'issues,Number of exits,,. < 10,Moins de 10 issues,Fewer than 10 exits
CSV
cat >"$WS/forms/feu/choices.csv" <<'CSV'
list_name,name,label::Français (fr),label::English (en)
yn,yes,Oui,Yes
yn,no,Non,No
CSV
cat >"$WS/forms/feu/settings.csv" <<'CSV'
form_id,version,form_title::Français (fr),form_title::English (en),default_language
feu,1,Sécurité incendie,Fire safety,English (en)
CSV

expect_exit 0 "a form with French, English and Spanish labels loads" forms check "$WS/forms/feu"
check "no language column is a warning" lacks warning "$ERR"
expect_exit 0 "an inspection on it" inspection new --form feu --enterprise "$USCC1"
id=$(cat "$OUT")
fc inspection answer "$id" ext no

fr() { LC_ALL=fr_FR.UTF-8 LANG=fr_FR.UTF-8 LANGUAGE= "$FC" -C "$WS" "$@" >"$OUT" 2>"$ERR"; }
if locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
	fr inspection show "$id"
	out_has "Sécurité incendie" "fr_FR: the form's title in French"
	out_has "Extincteur en place" "fr_FR: the label in French"
	check "fr_FR: no English label" lacks "Extinguisher in place" "$OUT"
	fr inspection answer "$id" n 12
	check "fr_FR: the constraint message in French" grep -q "Moins de 10 issues" "$ERR"
	fr forms list
	out_has "feu .*Sécurité incendie" "fr_FR: forms list names it in French"
else
	skip "fr_FR: labels in French" "the fr_FR.UTF-8 locale is not generated (.ci/deps test)"
fi

# A language the form lacks reads its default_language (English here).
LC_ALL=zh_CN.UTF-8 LANGUAGE= "$FC" -C "$WS" inspection show "$id" >"$OUT" 2>"$ERR"
out_has "Extinguisher in place" "zh_CN: the form has no Chinese, so default_language's English"
out_has "Fire safety" "zh_CN: and the title in English"
LC_ALL=C.UTF-8 "$FC" -C "$WS" inspection answer "$id" n 12 >"$OUT" 2>"$ERR"
check "C.UTF-8: the constraint message in English" grep -q "Fewer than 10 exits" "$ERR"

# Without default_language, the plain column is the language the reader's
# is not among; a single colon ("label:English") is a language column too.
mkdir -p "$WS/forms/plain"
printf 'type,name,label,label:English\ntext,a,Texte simple,Plain text\n' >"$WS/forms/plain/survey.csv"
printf 'form_id,version,default_language\nplain,1,fr\n' >"$WS/forms/plain/settings.csv"
expect_exit 0 "a form with a plain label and label:English" inspection new --form plain --enterprise "$USCC1"
pid=$(cat "$OUT")
LC_ALL=zh_CN.UTF-8 LANGUAGE= "$FC" -C "$WS" inspection show "$pid" >"$OUT" 2>"$ERR"
out_has "Texte simple" "zh_CN: the plain column (default_language fr)"
LC_ALL=en_US.UTF-8 LANGUAGE= "$FC" -C "$WS" inspection show "$pid" >"$OUT" 2>"$ERR"
out_has "Plain text" "en_US: label:English"

# The shipped checklists read as before: label::zh in Chinese, label::en in English.
fc inspection new --form six-ones --enterprise "$USCC1"
sid=$(cat "$OUT")
LC_ALL=zh_CN.UTF-8 LANGUAGE= "$FC" -C "$WS" inspection show "$sid" >"$OUT" 2>"$ERR"
out_has "园区（厂中厂）名称" "zh_CN: a shipped checklist in Chinese"
LC_ALL=C.UTF-8 "$FC" -C "$WS" inspection show "$sid" >"$OUT" 2>"$ERR"
out_has "Name of the park" "C.UTF-8: in English"
fr inspection show "$sid"
out_has "园区（厂中厂）名称" "fr_FR: a form without French reads its default_language (zh)"

# Bad language columns are refused naming the file, row and column.
mkdir -p "$T/badlang"
printf 'type,name,label::en,hint::\ntext,q,Q,H\n' >"$T/badlang/survey.csv"
expect_err 1 "survey.csv:1:4: column 'hint::' names no language" \
	"an empty language suffix is refused at its cell" forms check "$T/badlang"
