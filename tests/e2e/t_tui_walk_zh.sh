#!/bin/bash
# t_tui_walk_zh.sh - the whole inspection in Chinese (zh_CN.UTF-8): labels of
# the UI and of the form in Chinese, a hazard description typed and edited in
# Chinese (cursor moves and deletes whole characters), finalized; the hazards
# screen and the command line agree.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

if ! have_locale zh_CN.UTF-8; then
	not_ok "the zh_CN.UTF-8 locale is generated (make deps-test)"
	exit 1
fi
setup_ws
tui_start zh_CN.UTF-8
expect "home screen in Chinese" "新建检查"
expect "key bar in Chinese" "F10退出"

must "a new inspection starts in Chinese" \
	new_hazmat "草稿 0/9" "[ 开始检查 ]" "查找" "新建检查：企业" "选择检查表"
expect "the form's labels are Chinese" "本单位充装（装载）的危险化学品类别"

must "products chosen" eval 'keys Enter && wait_for "[ ] " && keys Down Down Down Down Space Enter && wait_for "草稿 1/9"'
must "no spot check" eval 'keys Enter && wait_for "[ 否" 2>/dev/null || wait_for "否"; keys Down Enter && wait_for "草稿 2/9"'
expect "on a check, the key bar shows the single-key answers in Chinese" "p合格  f不合格  n不适用"
keys f
expect "the hazard dialog in Chinese" "不合格：发现的隐患"
# Clear the proposed description, type one in Chinese with a slip, fix it.
keys C-u
typed "运单查验记录过期X"
keys BSpace Left Left
typed "已"
expect "Chinese text is edited by whole characters" "运单查验记录已过期"
keys Enter
expect "the failure is saved" "草稿 3/9"
keys f
expect "the second hazard dialog" "不合格：发现的隐患"
typed "无出车前检查记录"
keys Enter p p p p p
expect "every item answered" "草稿 9/9"
expect "failed items are marked" "[✗] 是否查验车辆、罐体及卫星定位装置"

keys F5
expect "review in Chinese" "必答项均已回答"
keys F8
expect "finalize asks first, in Chinese" "确定定稿？"
keys y
expect "finalized" "已定稿。按 F7 生成整改指令书。"
keys F7
expect "the Chinese rectification notice" "责令限期整改指令书"
check "the notice carries the typed description" grep -q "运单查验记录已过期" "$WS"/notices/*.txt
check "the notice has the review and litigation sentence" grep -q "申请行政复议" "$WS"/notices/*.txt
check "the notice has the signature line" grep -q "被检查单位负责人（签名）" "$WS"/notices/*.txt
keys Escape
sleep 0.2
keys Escape
expect "home again" "草稿：0"

keys h
expect "the hazards screen in Chinese" "显示 2 条"
expect "the typed description is listed" "运单查验记录已过期"
fc hazard list --format json
check "the CLI lists the same two hazards" test "$(grep -c '"id"' "$OUT")" -eq 2
out_has '"description": "运单查验记录已过期"' "the CLI has the description as typed"
out_has '"item": "pretrip_check"' "the CLI has the pre-trip hazard"

keys Escape
expect "home again" "草稿：0"
keys q
if wait_exit; then ok "q quits from the home screen"; else not_ok "q quits from the home screen"; fi
