#!/bin/bash
# t_tui_conflict.sh - two devices answer the same items of one inspection
# differently offline and both sync (as tests/sync/t_merge.sh does); the TUI
# shows both values with who gave them and when, the review lists the
# conflicted items and finalize is refused before it asks, one conflict is resolved by
# choosing a value, the other by answering anew; the command line agrees.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

B=$T/b
on_b() { "$FC" -C "$B" "$@" >/dev/null; }

setup_ws
git init -q --bare --initial-branch=main "$T/central.git"
fc remote add origin "$T/central.git"
on_b init --name 李四 --badge JT-0042 --dept 区交通运输局
on_b remote add origin "$T/central.git"
id=$("$FC" -C "$WS" inspection new --form six-ones --enterprise "$USCC1")
fc inspection member "$id" "李四:JT-0042:区交通运输局"
must "both devices have the inspection" eval 'fc sync && on_b sync'

# Offline, both answer risk_map and safety_office, differently.
FIELDCHECK_NOW=2026-11-28T10:00:00+08:00 fc inspection answer "$id" safety_office pass
FIELDCHECK_NOW=2026-11-28T10:01:00+08:00 fc inspection answer "$id" risk_map pass
FIELDCHECK_NOW=2026-11-28T10:02:00+08:00 on_b inspection answer "$id" safety_office fail
FIELDCHECK_NOW=2026-11-28T10:03:00+08:00 on_b inspection answer "$id" risk_map fail --note 未张贴
must "both sync, the clash is merged" eval 'fc sync; on_b sync && fc sync'
fc inspection list --status conflicted --format csv
check "the CLI lists the inspection as conflicted" [ "$(wc -l <"$OUT")" -eq 2 ]

tui_start en_US.UTF-8
expect "Home says an inspection has conflicting answers" \
	"1 inspection has conflicting answers: r resolves"
keys r
expect "r lists the conflicted inspections" "Conflicting answers: open which inspection?"
expect "the inspection is listed" "华东化工有限公司 · 2026-11-28"
expect "by its form's title" "· Small-Enterprise Park"
keys Enter
expect "the walk opens at the first conflicted item" "Answer: Fail"
expect "the item is marked in the list" "[!] Is a risk-control map posted in a prominent place?"
expect "the other conflicted item is marked too" "[!] Has the park set up a safety office"
expect "the conflict section is shown" "! Conflict: answered differently on two devices; c chooses one"
expect "the current value, who gave it and when" "now:  Fail — 李四 (JT-0042), 2026-11-28 10:03 · 未张贴"
expect "the other value, who gave it and when" "also: Pass — 张三 (ZJ-0001), 2026-11-28 10:01"
expect "the key bar offers resolving" "cResolve"
keys x
expect "clearing a conflicted item is refused" "This item has conflicting answers: c keeps one"

keys F5
expect "the review lists the conflicted items" "Answered differently on two devices (2)"
expect "the review says why it cannot finalize" "2 item(s) answered differently on two devices"
keys F8
expect "finalize is refused at once, before asking" \
	"Cannot finalize yet: 2 item(s) answered differently on two devices"
keys Enter
expect "Enter on a conflicted item goes back to it" "now:  Fail — 李四 (JT-0042)"

keys c
expect "c asks which answer to keep" "Resolve the conflict: keep which answer?"
expect "the choices include answering anew" "Answer anew..."
keys Down Enter
expect "resolved by choosing a value" "Resolved: the answer is Pass."
expect "the item is no longer marked" "[✓] Is a risk-control map posted in a prominent place?"
fc inspection show "$id" --format json
out_has '"item": "risk_map", "value": "pass"' "the chosen value is the answer"
check "risk_map has no conflict left" sh -c "! grep -A3 '\"conflicts\"' '$OUT' | grep -q risk_map"
fc hazard list --inspection "$id" --format csv
check "the hazard of the value not chosen is withdrawn" lacks risk_map "$OUT"

keys Up Up
expect "on the other conflicted item" "now:  Fail — 李四 (JT-0042), 2026-11-28 10:02"
keys n
expect "answering anew resolves it" "Conflict resolved: this answer stands"
fc inspection list --status conflicted --format csv
check "no conflicted inspection is left" [ "$(wc -l <"$OUT")" -eq 1 ]
fc inspection show "$id" --format json
out_has '"item": "safety_office", "value": "na"' "the new answer is kept"
out_has '"conflicts": \[\]' "the inspection has no conflicts left"
keys Escape
expect "Home no longer offers resolving" "F5Sync"
check "Home no longer shows conflicts" wait_gone "conflicting answers"

keys F10
if wait_exit; then ok "F10 quits"; else not_ok "F10 quits"; fi
