#!/bin/bash
# t_tui_calc_question.sh - a question with a calculation in the walk: its
# row shows the computed value, following the answers, and the cursor never
# stops on it (it takes no answer); a triggered one is asked, its editor
# starting from the calculation's value.  en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

setup_ws
cp -r "$FIELDCHECK_TOP/tests/forms/good/calculated" "$WS/forms/"
fc inspection new --form calculated --enterprise "$USCC1"
id=$(cat "$OUT")
fc inspection answer "$id" site 码头
fc inspection answer "$id" price 12.5
fc inspection answer "$id" qty 10

for loc in en_US.UTF-8 zh_CN.UTF-8; do
	if [ "$loc" = zh_CN.UTF-8 ]; then
		have_locale "$loc" || { skip "the walk in $loc" "locale $loc not generated"; continue; }
		total="合计"
	else
		total="Total"
	fi
	tui_start "$loc"
	keys d
	wait_for "华东化工" >/dev/null
	keys Enter
	check "$loc: the computed question's row shows its value" wait_re "\\[x\\] $total +125$"
	fc inspection answer "$id" qty 4
	keys Escape
	wait_for "华东化工" >/dev/null
	keys Enter
	check "$loc: the value follows the answers" wait_re "\\[x\\] $total +50$"
	keys Home
	for k in 1 2 3; do keys Down; done # price, qty, then past total and large
	keys Enter
	expect "$loc: the cursor passes over it onto the triggered one, whose editor \
starts from its calculation" "at 码头"
	keys Escape
	fc inspection answer "$id" qty 10
	tm kill-server 2>/dev/null
done
