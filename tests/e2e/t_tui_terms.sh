#!/bin/bash
# t_tui_terms.sh - the TUI on the Linux console's terminal type and on a
# vt100 (no colours at all), driven with plain letters and arrows as on a
# terminal without function keys.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

# has_colour: the screen as tmux holds it uses a colour (SGR 30-37/40-47,
# 38;5 or 48;5 are what tmux writes for them).
has_colour() {
	tm capture-pane -p -e -t fc | grep -q $'\e\\[\\([0-9;]*;\\)\\?\\(3[0-7]\\|4[0-7]\\|38;5\\|48;5\\)[;m]'
}

# walk_letters TERM: a short inspection with letters only.
walk_letters() {
	tui_start en_US.UTF-8 "TERM=$1"
	must "$1: home screen" wait_for "Signed in"
	expect "$1: the key bar" "F10Quit"
	keys n
	must "$1: new inspection" wait_for "[ Start the inspection ]"
	keys Enter
	must "$1: the form chooser" wait_for "Choose the form"
	keys /
	must "$1: search" wait_for "Search"
	typed hazmat
	keys Enter
	sleep 0.2
	keys Enter
	must "$1: the form is chosen" wait_for "Hazardous-Chemical Filling"
	keys Down Enter
	must "$1: the enterprise finder" wait_for "Find:"
	typed "华东"
	must "$1: Chinese search text finds the enterprise" wait_for "$USCC1"
	keys Enter
	must "$1: the enterprise is chosen" wait_for "华东化工有限公司  $USCC1"
	keys Down Down Down Down Down Enter # type, team, location, responsible, Start
	must "$1: the walk (Enter on Start)" wait_for "draft 0/9"
	keys Enter Down Down Down Down Space Enter
	expect "$1: a choice answered" "draft 1/9"
	keys Enter
	must "$1: the yes/no list" wait_for "Enter: choose"
	keys Down Enter p n
	expect "$1: single-letter answers" "draft 4/9"
	expect "$1: not applicable is marked" "[-] Does the unit verify that the vehicle, tank"
	keys '?'
	expect "$1: ? shows the help" "Checklist: keys"
	keys x
	wait_gone "Checklist: keys" || true
	keys r
	expect "$1: r opens the review" "required item(s) unanswered"
	keys Escape
	expect "$1: Esc goes back to the walk" "draft 4/9"
	keys Escape
	expect "$1: and back home" "Continue the last draft"
}

setup_ws
walk_letters linux
check "linux: the console's colours are used" has_colour
check "linux: lines are drawn, not letters" eval '! screen | grep -q qqqq'
keys q
if wait_exit; then ok "linux: q quits"; else not_ok "linux: q quits"; fi

walk_letters vt100
if has_colour; then not_ok "vt100: no colour is used"; tm capture-pane -p -e -t fc | head -3 | cat -v; else ok "vt100: no colour is used"; fi
check "vt100: lines are drawn, not letters" eval '! screen | grep -q qqqq'
keys h
expect "vt100: the hazards screen" "Hazards"
keys Escape
keys q
if wait_exit; then ok "vt100: q quits"; else not_ok "vt100: q quits"; fi
