#!/bin/bash
# t_tui_resize.sh - the screen redraws on resize: 80x24 to 60x20 and back,
# with a dialog open, and below the minimum size it says what it needs.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

width_ok() { # no line of the screen is wider than $1 columns (wc -L: display width)
	[ "$(screen | wc -L)" -le "$1" ]
}

setup_ws
tui_start en_US.UTF-8
must "home screen" wait_for "New inspection"
must "a new inspection" new_hazmat "draft 0/14" "[ Start the inspection ]" "Search" \
	"New inspection: enterprise" "Choose the form"

tm resize-window -t fc -x 60 -y 20
expect "the walk redraws at 60x20: its title" "draft 0/14"
expect "the walk redraws at 60x20: the key bar" "F1Help"
expect "the walk redraws at 60x20: the current item" "Answer: (none yet; required)"
check "the screen is 20 lines" test "$(screen | wc -l)" -eq 20
check "nothing is drawn past 60 columns" width_ok 60

keys Enter
expect "a dialog opens at 60x20" "Space: choose"
tm resize-window -t fc -x 80 -y 24
expect "the dialog is redrawn at 80x24" "Space: choose   Enter: done   Esc: cancel"
expect "the walk is repainted under it" "draft 0/14"
check "the screen is 24 lines" test "$(screen | wc -l)" -eq 24
keys Escape
wait_gone "Space: choose" || true

tm resize-window -t fc -x 30 -y 10
expect "below the minimum it says the size it needs" "at least 40x12"
expect "and the size it has" "(now 30x10)"
tm resize-window -t fc -x 80 -y 24
expect "back to 80x24: the walk again" "Classes of hazardous chemicals this unit fills"
expect "back to 80x24: the key bar" "pPass  fFail  nN/A"
keys Enter Down Down Down Down Space Enter
expect "and it still works" "draft 1/14"
keys F10
if wait_exit; then ok "quits"; else not_ok "quits"; fi
