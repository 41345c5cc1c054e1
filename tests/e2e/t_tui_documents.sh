#!/bin/bash
# t_tui_documents.sh - the order's view (the drafts list's F7) prints the
# inspection's documents: `p` asks which, the order's PDF first, and writes
# the chosen one under WORKSPACE/documents/, saying where; a draft's is
# named -draft and says 草稿.  The on-site measures decision of a hazmat
# draft whose five must-check failed is offered and written; asked of an
# inspection where it does not apply (no measure, nothing verified), it
# says why and writes nothing.  In English and in Chinese at 80x24 (the
# choice's words are all that changes with the size, and ui_choose is
# checked at 40x12 elsewhere).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

six_ones_failed
D=$WS/documents
hz=$(FIELDCHECK_NOW=2026-11-28T09:40:00+08:00 "$FC" -C "$WS" inspection new --form hazmat-loading \
	--enterprise "$USCC1" 2>/dev/null)   # the newest: first among the drafts
for a in "products flammable_liquid" "spot_check yes" "vehicle_permits fail --description 无道路运输证"; do
	# shellcheck disable=SC2086
	"$FC" -C "$WS" inspection answer "$hz" $a >/dev/null || not_ok "hazmat: answer $a"
done
hshort=$(printf %.8s "$hz")

# print LOC WAIT DOWNS WHAT FILE [ROW]: from Home, the ROW-th draft's order
# (the first: the newest, hazmat), then p, the DOWNS-th choice (names
# WHAT), and the file said and written.
print() {
	keys d
	wait_for "$short" >/dev/null 2>&1 || wait_for "华东化工有限公司" >/dev/null 2>&1
	[ "${6:-1}" = 2 ] && keys Down
	keys F7
	wait_for "$2" >/dev/null 2>&1
	keys p
	expect "$1: p asks which document, $4 among them" "$4"
	for _ in $(seq "$3"); do keys Down; done
	keys Enter
	expect "$1: the file it was written to is said" "/documents/$5"
	check "$1: $5 is there, a PDF" pdfinfo "$D/$5"
	keys Escape
	sleep 0.2
	keys Escape
	sleep 0.2
}

tui_start en_US.UTF-8
wait_for "Drafts: 2" >/dev/null 2>&1
print en "ORDER TO RECTIFY" 1 "On-site inspection record, PDF" "$short-record-draft.pdf" 2
check "en: the record names the hazard" sh -c "pdftotext '$D/$short-record-draft.pdf' - | grep -q 未设安全管理机构"

tui_start zh_CN.UTF-8
wait_for "草稿：2" >/dev/null 2>&1
print zh "责令限期整改指令书" 0 "整改指令书（PDF）" "$short-order-draft.pdf" 2
check "zh: the draft's order says 草稿" sh -c "pdftotext '$D/$short-order-draft.pdf' - | grep -q 草稿"
check "zh: the text order is still written beside it" [ -f "$WS/notices/$short-draft-2.txt" ]
print zh "责令限期整改指令书" 2 "现场处理措施决定书（PDF）" "$hshort-measures-draft.pdf"
check "zh: the measures decision orders the filling stopped" \
	sh -c "pdftotext '$D/$hshort-measures-draft.pdf' - | tr -d ' \n' | grep -q '停止充装、装载' &&
		pdftotext '$D/$hshort-measures-draft.pdf' - | grep -q 无道路运输证"

# Where a document does not apply it says why, and writes nothing.
tui_start en_US.UTF-8
wait_for "Drafts: 2" >/dev/null 2>&1
keys d
wait_for "华东化工有限公司" >/dev/null 2>&1
keys Down F7
wait_for "ORDER TO RECTIFY" >/dev/null 2>&1
keys p
expect "en: the choice offers the measures decision" "On-site measures decision, PDF"
expect "en: and the re-inspection opinion" "Re-inspection opinion, PDF"
keys Down Down Enter
expect "en: none for a form that names no measure, saying why" \
	"no failed item that calls for an on-site measure"
keys p Down Down Down Enter
expect "en: no opinion before a hazard is verified, saying why" "has been verified yet"
check "en: and nothing is written for either" sh -c "! ls '$D' | grep -q '$short-measures\|$short-review'"
