#!/bin/bash
# t_tui_team.sh - the team screen, one of the screens on the screen runner:
# its key bar and help come from one keymap, a narrow bar drops the least
# needed key first, and while the window is too small no key but a resize
# or F10 does anything.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

# bar_has TEXT: the last row of the screen holds TEXT.
bar_has() { screen | tail -n 1 | grep -qF -- "$1"; }

setup_ws
tui_start en_US.UTF-8
must "home screen" wait_for "New inspection"
keys n
must "the new-inspection screen" wait_for "[ Start the inspection ]"
keys Down Down Down Enter
expect "the team screen opens" "New inspection: team"
check "its bar has Enter: done" bar_has "EnterDone"
check "its bar has Esc: done" bar_has "EscDone"
keys F1
expect "F1 shows the help from the keymap" "add a member: name, badge number, department"
expect "the help has a line made of two keys" "Enter  Esc"
keys x
wait_gone "Any key closes this help." >/dev/null 2>&1
keys d
expect "d on the leader refuses" "You lead this inspection: you stay on the team."

tm resize-window -t fc -x 40 -y 12
expect "redrawn at 40 columns" "New inspection: team"
check "a narrow bar keeps Esc" bar_has "EscDone"
check "a narrow bar keeps Add" bar_has "aAdd"
check "a narrow bar drops Enter (Esc does the same) first" eval '! bar_has "EnterDone"'

tm resize-window -t fc -x 30 -y 10
expect "too small says so" "Enlarge the window"
keys a
sleep 0.3
tm resize-window -t fc -x 80 -y 24
expect "back at 80x24 the team screen shows" "New inspection: team"
sleep 0.3
check "the a typed while too small opened nothing" eval '! screen | grep -q "Add a team member"'

keys Enter
expect "Enter goes back to the new inspection" "[ Start the inspection ]"
