#!/bin/bash
# t_tui_walk_gas.sh - a gas reading out of the safe range alarms: the form's
# warning (confined-space's gas_alarm note, shown only while a reading is
# out of range) appears the moment O2 = 25 % is entered, in bold, not dim;
# it stays beside the readings and the "gas test acceptable" check, which
# cannot be passed without a question; the review and finalizing show it.
# 20.9 % raises nothing.  At 80x24 and 40x12, en and zh.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/walk_lib.sh"

# alarm_line TEXT: the row showing TEXT is drawn in red or bold (tmux's
# capture gives the attributes that change; SGR 31 red, 1 bold), not dim.
alarm_line() {
	line=$(tm capture-pane -p -e -t fc | grep -F -- "$1" | head -n 1)
	case $line in *$'\e[2m'*) return 1 ;; esac
	case $line in *$'\e[31m'*|*$'\e[1m'*|*$'\e[1;'*|*';31m'*|*';1m'*) return 0 ;; esac
	return 1
}

# o2 VALUE: types the oxygen reading into the item's editor.
o2() { keys Enter && wait_for "$(L 'Number' '数字')" >/dev/null && keys C-u && typed "$1" && keys Enter; }

one_case() {
	alarm=$(L 'A reading is outside' '检测结果超出安全范围')
	# shellcheck disable=SC2086
	draft confined-space $CS_BEFORE_O2
	must "$1 $2: the walk opens at the oxygen reading" open_draft "$1" "$2"
	must "$1 $2: on it" wait_for "$(L 'Oxygen (% vol)' '氧气浓度（%VOL）')"
	o2 20.9
	must "$1 $2: 20.9 % is saved" wait_for "$(L 'Hydrogen sulphide' '硫化氢浓度')"
	sleep 0.3
	check "$1 $2: and raises no alarm" sh -c "! tmux -L '$TM_SOCK' capture-pane -p -t fc | grep -qF '!!'"
	keys Up
	must "$1 $2: back on the oxygen" wait_for "$(L 'Answer: 20.9' '回答：20.9')"
	o2 25
	expect "$1 $2: 25 % alarms the moment it is entered" "!! $alarm"
	check "$1 $2: the alarm is in red or bold, not dim" alarm_line "$alarm"
	keys Up
	must "$1 $2: back on the oxygen" wait_for "$(L 'Answer: 25' '回答：25')"
	expect "$1 $2: the alarm stays on the item" "$alarm"
	keys Down Down Down Down
	must "$1 $2: on the gas check" wait_for "$(L 'Are gas readings before' '作业前及作业中气体检测')"
	expect "$1 $2: the alarm is beside the check" "$alarm"
	keys p
	expect "$1 $2: passing it asks first" "$(L 'Pass despite a warning' '存在警示时判定合格')"
	keys n
	sleep 0.3
	check "$1 $2: no leaves it unanswered" sh -c "! '$FC' -C '$WS' inspection show '$ID' --format json | grep -q '\"gas_within_limits\"'"
	keys p
	must "$1 $2: asked again" wait_for "$(L 'Pass despite a warning' '存在警示时判定合格')"
	keys y
	keys F5
	must "$1 $2: the review" wait_for "$(L 'Review' '复核')"
	expect "$1 $2: the review shows the alarm" "$alarm"
	check "$1 $2: in red or bold" alarm_line "$alarm"
	keys F8
	expect "$1 $2: finalizing asks with the alarm in front" "$alarm"
	expect "$1 $2: (the question)" "$(L 'Finalize' '定稿')"
}

each_case one_case
