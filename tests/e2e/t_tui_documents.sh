#!/bin/bash
# t_tui_documents.sh - the order's view (the drafts list's F7) prints the
# inspection's documents: `p` asks which, the order's PDF first, and writes
# the chosen one under WORKSPACE/documents/, saying where; a draft's is
# named -draft and says 草稿.  In English and in Chinese at 80x24 (the
# choice's words are all that changes with the size, and ui_choose is
# checked at 40x12 elsewhere).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

have_locale zh_CN.UTF-8 || { not_ok "the zh_CN.UTF-8 locale is generated (make deps-test)"; exit 1; }
setup_ws
id=$("$FC" -C "$WS" inspection new --form six-ones --enterprise "$USCC1")
"$FC" -C "$WS" inspection answer "$id" safety_office fail --description 未设安全管理机构 >/dev/null ||
	not_ok "a failed item with its hazard"
short=$(printf %.8s "$id")
D=$WS/documents

# print LOC WAIT DOWNS WHAT FILE: from Home, the draft's order, then p, the
# DOWNS-th choice (names WHAT), and the file said and written.
print() {
	keys d
	wait_for "$short" >/dev/null 2>&1 || wait_for "华东化工有限公司" >/dev/null 2>&1
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
wait_for "Drafts: 1" >/dev/null 2>&1
print en "ORDER TO RECTIFY" 1 "On-site inspection record, PDF" "$short-record-draft.pdf"
check "en: the record names the hazard" sh -c "pdftotext '$D/$short-record-draft.pdf' - | grep -q 未设安全管理机构"

tui_start zh_CN.UTF-8
wait_for "草稿：1" >/dev/null 2>&1
print zh "责令限期整改指令书" 0 "整改指令书（PDF）" "$short-order-draft.pdf"
check "zh: the draft's order says 草稿" sh -c "pdftotext '$D/$short-order-draft.pdf' - | grep -q 草稿"
check "zh: the text order is still written beside it" [ -f "$WS/notices/$short-draft-2.txt" ]
