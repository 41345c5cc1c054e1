#!/bin/bash
# t_tui_two_officers.sh - the start screen warns, under the team, when the
# team is smaller than the department does the inspection's type with
# (every type by default): gone once a member is added on the team screen,
# which asks for one more; a type the setting leaves out is not warned of,
# joint is whatever the setting; Settings shows and changes the types.  In
# English at 80x24 and in Chinese at 40x12 (the warning is cut there).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/records_lib.sh"

have_locale zh_CN.UTF-8 || { not_ok "the zh_CN.UTF-8 locale is generated (make deps-test)"; exit 1; }
setup_ws

tui_at en_US.UTF-8 80 24
keys n
must "the start screen" wait_for "[ Start the inspection ]"
expect "a routine inspection by one officer is warned of at the start, saying how to add one" \
	"! routine inspections are done by 2 officers: Enter on Team adds one."
keys Down Down Down Enter
expect "the team screen asks for one more" "One officer more is needed (enforcement in pairs)"
keys a
must "the member dialog" wait_for "Add a team member"
typed "李四" && keys Tab && typed "JT-0042" && keys Tab && typed "区交通运输局" && keys Enter
must "the member is on the team" wait_for "JT-0042"
check "the team screen no longer asks" eval '! screen | grep -qF "One officer more is needed"'
keys Escape
must "back on the start screen" wait_for "[ Start the inspection ]"
check "the warning is gone with two officers" eval '! screen | grep -qF "are done by 2 officers"'
keys Escape
keys F10
wait_exit

"$FC" -C "$WS" whoami --two-officers joint >/dev/null || not_ok "set joint only"
tui_at en_US.UTF-8 80 24
keys n
must "the start screen again" wait_for "[ Start the inspection ]"
sleep 0.3
check "a routine inspection the setting leaves out is not warned of" \
	eval '! screen | grep -qF "are done by 2 officers"'
keys Down Down Right Right
expect "a joint one is" "! joint inspections are done by 2 officers"
keys Escape
must "home" wait_for "Signed in"
keys s
must "settings" wait_for "Two officers for"
expect "Settings shows the types done in pairs" "Joint enforcement"
keys End
keys Enter
must "the types to choose" wait_for "Inspections done by two officers"
keys Space Enter
sleep 0.3
check "the choice is saved" [ "$(sql "SELECT value FROM meta WHERE key = 'team.two_officers'")" = routine,joint ]
keys Escape
keys F10
wait_exit

tui_at zh_CN.UTF-8 40 12
keys n
must "zh 40x12: the start screen" wait_for "新建检查"
expect "zh 40x12: the warning, cut to the width" "! 日常检查须由 2 名执法人员进行"
keys F10
wait_exit
