#!/bin/bash
# t_tui_walk_lang.sh - a form in French and English in the walk: under
# fr_FR.UTF-8 its labels are French (fieldcheck's own words stay English,
# which has a catalogue), under zh_CN.UTF-8 the form has no Chinese and its
# default_language (English) is shown; an or_other select offers Other in
# the UI's language and then asks for the text; Settings offers the
# locale's language beside Chinese and English.  80x24 and 40x12.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

setup_ws
mkdir -p "$WS/forms/feu"
cat >"$WS/forms/feu/survey.csv" <<'CSV'
type,name,label::Français (fr),label::English (en),hint::Français (fr),hint::English (en)
select_one yn or_other,ext,Extincteur en place,Extinguisher in place,Regardez le manomètre,Look at the gauge
text,remark,Remarque,Remark,,
CSV
printf 'list_name,name,label::Français (fr),label::English (en)\nyn,yes,Oui,Yes\nyn,no,Non,No\n' \
	>"$WS/forms/feu/choices.csv"
printf 'form_id,version,form_title::Français (fr),form_title::English (en),default_language\nfeu,1,Sécurité incendie,Fire safety,English (en)\n' \
	>"$WS/forms/feu/settings.csv"
fc inspection new --form feu --enterprise "$USCC1"
id=$(cat "$OUT")

if have_locale fr_FR.UTF-8; then
	tui_start fr_FR.UTF-8
	must "fr_FR: home" wait_for "Signed in"
	keys d
	wait_for "华东化工" >/dev/null
	keys Enter
	expect "fr_FR: the walk shows the French label" "Extincteur en place"
	expect "fr_FR: and the French hint" "Regardez le manomètre"
	expect "fr_FR: the form's title in French" "Sécurité incendie"
	keys Enter
	expect "fr_FR: the picker has the French choices" "Non"
	expect "fr_FR: and or_other's Other, in the UI's English" "Other"
	keys Down Down Enter
	expect "fr_FR: choosing Other asks for the text" "Specify other."
	fc inspection show "$id"
	out_has "ext  *other" "fr_FR: the answer is other"
	tm resize-window -t fc -x 40 -y 12 2>/dev/null || tm resize-pane -t fc -x 40 -y 12
	expect "fr_FR: at 40x12 the French label is there too" "Extincteur"
	tm resize-window -t fc -x 80 -y 24 2>/dev/null || tm resize-pane -t fc -x 80 -y 24
	keys Escape
	wait_for "Sécurité incendie" >/dev/null   # the drafts
	keys Escape
	must "fr_FR: home again" wait_for "Signed in"
	keys s
	must "fr_FR: settings" wait_for "Review authority"
	expect "fr_FR: the language is the locale's" "fr"
	keys Down Down Down Down Enter
	expect "fr_FR: Settings switches to Chinese" "行政复议机关"
	keys Enter
	expect "fr_FR: then English" "Review authority"
	keys Enter
	must "fr_FR: then back to the locale's French" wait_re "Language +fr"
	tm kill-server 2>/dev/null
else
	skip "the walk in fr_FR.UTF-8" "locale fr_FR.UTF-8 not generated (.ci/deps test)"
fi

if have_locale zh_CN.UTF-8; then
	sql "DELETE FROM meta WHERE key = 'ui.lang'" >/dev/null
	tui_start zh_CN.UTF-8
	keys d
	wait_for "华东化工" >/dev/null
	keys Enter
	expect "zh_CN: no Chinese in the form: default_language's English" "Extinguisher in place"
	keys Enter
	expect "zh_CN: Other is in the UI's Chinese" "其他"
	tm kill-server 2>/dev/null
else
	skip "the walk in zh_CN.UTF-8" "locale zh_CN.UTF-8 not generated"
fi
