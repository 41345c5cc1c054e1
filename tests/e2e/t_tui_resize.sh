#!/bin/bash
# t_tui_resize.sh - the screen redraws on resize: 80x24 to 60x20 and back,
# with a dialog open, and below the minimum size it says what it needs.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

# tmux's capture always fits the pane, so the checks look at what the
# program drew: where it put the key bar (its last row) and the right-aligned
# legend (its last column but one) say the size it believes it has.
# drawn_for COLS ROWS: polls until both are where a COLSxROWS screen has them.
drawn_for() {
	n=$((E2E_TIMEOUT * 20))
	while [ "$n" -gt 0 ]; do
		screen >"$T/drawn"
		legend=$(sed -n 2p "$T/drawn")
		case $legend in *"[*] required") [ "${#legend}" -eq $(($1 - 1)) ] &&
			sed -n "${2}p" "$T/drawn" | grep -q '^F1Help ' && return 0 ;;
		esac
		sleep 0.05
		n=$((n - 1))
	done
	sed 's/^/    | /' "$T/drawn"
	return 1
}

setup_ws
tui_start en_US.UTF-8
must "home screen" wait_for "New inspection"
must "a new inspection" new_hazmat "draft 0/9" "[ Start the inspection ]" "Search" \
	"New inspection: enterprise" "Choose the form"

tm resize-window -t fc -x 60 -y 20
expect "the walk redraws at 60x20: its title" "draft 0/9"
expect "the walk redraws at 60x20: the key bar" "F1Help"
expect "the walk redraws at 60x20: the current item" "Answer: (none yet; required)"
check "the key bar is drawn on the 20th line, the legend up to the 59th column" drawn_for 60 20

keys Enter
expect "a dialog opens at 60x20" "Space: choose"
tm resize-window -t fc -x 80 -y 24
expect "the dialog is redrawn at 80x24" "Space: choose   Enter: done   Esc: cancel"
expect "the walk is repainted under it" "draft 0/9"
check "the key bar is drawn on the 24th line, the legend up to the 79th column" drawn_for 80 24
keys Escape
wait_gone "Space: choose" || true

tm resize-window -t fc -x 30 -y 10
expect "below the minimum it says the size it needs" "at least 40x12"
expect "and the size it has" "(now 30x10)"
tm resize-window -t fc -x 80 -y 24
expect "back to 80x24: the walk again" "Classes of hazardous chemicals this unit fills"
expect "back to 80x24: the key bar" "EnterEdit  F2Note  F3Clear"
keys Enter Down Down Down Down Space Enter
expect "and it still works" "draft 1/9"
keys F10
if wait_exit; then ok "quits"; else not_ok "quits"; fi
