#!/bin/bash
# t_tui_record_repeat.sh - a finalized inspection with a repeat is read in
# the record screen with each live instance under its own heading
# ("Vehicle 2") and its answers there, never as "answers to items not in
# the form"; a removed instance is not shown; a amends an item inside an
# instance, the chooser naming it "Plate (Vehicle 2)", and the amendment is
# kept on that instance's key.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"
. "$(dirname "$0")/records_lib.sh"

setup_ws
cp -r "$FIELDCHECK_TOP/tests/forms/good/spot-check" "$WS/forms/"
id=$(new_draft FIELDCHECK_NOW=2026-11-28T09:30:00+08:00 -- --form spot-check --enterprise "$USCC1")
for n in 1 2 3; do fc inspection repeat "$id" vehicle add; done
fc inspection show "$id" --format json
v2=$(grep -o '"item": "vehicle@[0-9a-f-]*", "value": "2"' "$OUT" | sed 's/.*vehicle@\([0-9a-f-]*\)".*/\1/')
fc inspection answer "$id" plate 浙B11111 --instance 1
fc inspection answer "$id" plate 浙B22222 --instance 2
fc inspection answer "$id" plate 浙B33333 --instance 3
fc inspection repeat "$id" vehicle remove 3
for n in 1 2; do
	fc inspection answer "$id" tanker no --instance $n
	fc inspection answer "$id" marks pass --instance $n
done
expect_exit 0 "the inspection finalizes" inspection finalize "$id"

words() {
	case $1 in
	zh*) TITLE="检查记录" V1="抽查车辆 1" V2="抽查车辆 2" STRAY="不在表单中" WHICH="补正：选择项目"
	     PLATE2="号牌（抽查车辆 2）" REASON="补正理由（必填）" ;;
	*) TITLE="Inspection record" V1="Vehicle 1" V2="Vehicle 2" STRAY="not in the form"
	   WHICH="Amend: which item" PLATE2="Plate (Vehicle 2)" REASON="Amend: the reason (required)" ;;
	esac
}

open_record() {
	tui_at "$1" "$2" "$3" TZ=Asia/Shanghai
	keys d && sleep 0.2 && keys Tab && wait_for "2026-11-28" >/dev/null
	keys Enter
	expect "the record opens ($at)" "$TITLE"
}

record() {
	loc=$1 at="$2x$3 in $1"
	words "$loc"
	open_record "$@"
	seen "the first instance under its heading ($at)" "$V1"
	seen "its plate ($at)" "浙B11111"
	seen "the second instance under its heading ($at)" "$V2"
	if [ "$2" = 80 ]; then
		check "the second's plate under the second's heading ($at)" \
			sh -c "tmux -L '$TM_SOCK' capture-pane -p -t fc | grep -n '$V1\|$V2\|浙B1\|浙B2' | tr '\n' ' ' | grep -q '$V1.*浙B11111.*$V2.*浙B22222'"
	fi
	check "no answer is left as not in the form ($at)" eval "! find_down '$STRAY' 2>/dev/null"
	check "the removed third is not shown ($at)" eval "! find_down 浙B33333 2>/dev/null"
	keys Escape
}

amend() {
	loc=$1 at="$2x$3 in $1"
	words "$loc"
	open_record "$@"
	keys a
	expect "a asks which item ($at)" "$WHICH"
	# intro is a note; the items in order: plate, tanker, tank_valid, marks
	# of vehicle 1, then plate of vehicle 2
	keys Down Down Down Down
	expect "the chooser names the instance ($at)" "$PLATE2"
	keys Enter
	keys C-u
	typed "浙B2222X"
	keys Enter
	expect "then the reason ($at)" "$REASON"
	typed "号牌抄错$2"
	keys Enter
	seen "the amendment shows ($at)" "号牌抄错$2"
}

record en_US.UTF-8 80 24
record zh_CN.UTF-8 40 12
amend en_US.UTF-8 80 24
fc inspection show "$id" --format json
check "the amendment is kept on the second instance's key" \
	grep -q "\"item\": \"plate@$v2\", \"value\": \"浙B2222X\"" "$OUT"
amend zh_CN.UTF-8 40 12
