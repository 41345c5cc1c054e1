#!/bin/bash
# t_tui_walk_en.sh - a whole inspection in English through the TUI: the
# hazmat-loading form, two failed checks, finalized; the hazards screen shows
# them, the command line agrees, a closed-loop refusal is shown.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

setup_ws
tui_start en_US.UTF-8
expect "home screen shows the officer" "张三  (ZJ-0001)  区应急管理局"
expect "home screen shows the actions" "New inspection"
expect "home screen has a key bar" "F10Quit"

must "a new hazmat-loading inspection starts at 华东化工" \
	new_hazmat "draft 0/9" "[ Start the inspection ]" "Search" "New inspection: enterprise" \
	"Choose the form"
expect "the walk opens on the first item" "Classes of hazardous chemicals this unit fills"
expect "required items are marked" "[*] required"
check "on a question that is not a check, the bar leaves out pass and fail" \
	sh -c "! tmux -L '$TM_SOCK' capture-pane -p -t fc | grep -q 'pPass'"

must "every item answered, two failed" \
	answer_hazmat "draft 9/9" "draft 1/9" "draft 2/9" "Failed: the hazard found"
expect "a failed check is marked" "[✗] Does the unit verify that the vehicle, tank"
expect "on a check, the key bar shows the single-key answers" "pPass  fFail  nN/A"
expect "irrelevant items are greyed with a marker" " ~  Are liquefied hydrocarbons"

keys F5
expect "review says it is ready" "ready to finalize (F8)"
expect "review lists the two hazards" "Hazards found (2)"
keys F8
expect "finalize asks first" "Finalize this inspection?"
keys y
expect "finalized" "Finalized. F7 writes the rectification notice."
keys F7
expect "the notice is written and shown" "ORDER TO RECTIFY WITHIN A TIME LIMIT"
expect "the notice's path is shown" "$WS/notices/"
check "the notice file has both hazards and the officer" \
	grep -q "pre-trip\|satellite-positioning" "$WS"/notices/*.txt
check "the notice names the officer with the badge" grep -q "张三  ID no. ZJ-0001" "$WS"/notices/*.txt
keys Escape
wait_for "Finalized" >/dev/null 2>&1
keys Escape
expect "back on the home screen" "Drafts: 0"

fc inspection list --format json
out_has '"status": "final"' "the CLI sees the inspection finalized"

keys h
expect "hazards screen" "2 shown"
expect "hazards screen shows the first hazard as typed" "waybill not verified"
expect "hazards screen shows the second hazard as typed" "no pre-trip check record"
fc hazard list --format json
check "the CLI lists the same two hazards" test "$(grep -c '"id"' "$OUT")" -eq 2
out_has '"item": "waybill_carried"' "the CLI has the waybill hazard"
out_has '"item": "pretrip_check"' "the CLI has the pre-trip hazard"

keys Enter
expect "a hazard opens with its event log" "Events"
expect "the found event is there" "found"
keys a
expect "recording asks what happened" "What happened?"
keys Down Down Enter
expect "the event dialog opens" "Note"
keys Enter
expect "a closed-loop refusal is shown" "is not reported rectified yet"
keys Escape
wait_gone "is not reported rectified yet" || true
keys a Down Enter Enter
expect "rectified is recorded" "Recorded: rectified."
fc hazard list --format json
out_has '"state": "rectified"' "the CLI sees the hazard rectified"

keys F10
if wait_exit; then ok "F10 quits"; else not_ok "F10 quits"; fi
