#!/bin/bash
# t_tui_i18n.sh - the layers below the screens speak the UI's language
# (issue 17, point 7).  Two officers of one joint inspection sync through a
# central repository and answer one item differently; in Chinese the sync
# report says so in Chinese, naming the item by its label, the hazard screen names the failed item by its
# label (not its name), a refusal of the hazard loop (core/) comes in
# Chinese, and the hazard's history shows the commit's subject and the
# record's fields in Chinese.  At 80x24 and at 40x12, in Chinese and in
# English (where the subject stays as git holds it).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/tmux_lib.sh"

if ! have_locale zh_CN.UTF-8; then
	not_ok "the zh_CN.UTF-8 locale is generated (make deps-test)"
	exit 1
fi
LABEL_ZH="是否建立一个“安全工作办公室”"
screen_lacks() { ! screen | grep -qF -- "$1"; }
setup_ws
git init -q --bare --initial-branch=main "$T/central.git"
fc remote add origin "$T/central.git" &&
	fc inspection new --form six-ones --enterprise "$USCC1" --type joint \
		--member 李四:JT-0042:区交通运输局 && id=$(cat "$OUT") &&
	fc inspection answer "$id" safety_office fail --severity major --note 无专职安全员 &&
	fc sync &&
	"$FC" -C "$T/b" init --name 李四 --badge JT-0042 --dept 区交通运输局 \
		--from "$T/central.git" >/dev/null &&
	"$FC" -C "$T/b" inspection answer "$id" risk_map pass >/dev/null &&
	"$FC" -C "$T/b" sync >/dev/null &&
	fc inspection answer "$id" risk_map fail --note 未悬挂
check "two officers answered one item differently" [ $? -eq 0 ]
hid=$(sql "SELECT id FROM hazards WHERE item = 'safety_office'")

# 80x24, Chinese.
tui_start zh_CN.UTF-8
must "Home, in Chinese" wait_for "F5同步"
keys y
expect "the sync report says what arrived, in Chinese" "收到"
expect "and the clash of the two devices, in Chinese (core/merge.c)" "在两台设备上回答不同"
check "with no English note left" screen_lacks "answered differently"
expect "the note names the item by its label" "检查项“是否在"
check "not by its name" screen_lacks "risk_map"
keys Escape
must "back Home" wait_for "F5同步"
keys h
must "the hazards" wait_for "无专职安全员"
keys Enter
expect "the hazard screen names the item by its label" "$LABEL_ZH"
check "and not by its name" screen_lacks "safety_office"
keys a
must "what happened?" wait_for "延期整改"
keys Down Down Down Enter
must "the extension asks the new deadline" wait_for "新的整改期限"
typed "2026-12-01"
keys Enter
expect "a refusal of the hazard loop comes in Chinese (core/)" "新的整改期限 2026-12-01 并不晚于当前期限"
check "with no English left" screen_lacks "is not after"
keys Escape
keys Escape
keys Escape
must "Home again" wait_for "F5同步"
keys f
must "the dashboard" wait_for "数据看板"
keys Tab
sleep 0.2
keys l
expect "the hazard's history" "隐患 ${hid:0:8} 的历史"
expect "the commit's subject in Chinese, though git holds it in English" \
	"发送记录：1 次检查，1 个隐患，1 家企业"
expect "the record's fields as labels" "+ 描述：无专职安全员"
expect "its severity in the UI's words" "+ 等级：重大"
check "no JSON key is shown" screen_lacks '"description"'
git --git-dir="$T/central.git" log --format=%s main >"$OUT"
check "the subjects in git stay English" grep -q "^inspection: 1 inspection, 1 hazard, 1 enterprise$\|^records: 1 inspection, 1 hazard, 1 enterprise$" "$OUT"

# 40x12, Chinese: the same texts, wrapped or cut to the narrow screen.
tm resize-window -t fc -x 40 -y 12
expect "40x12: the history still speaks Chinese" "+ 检查项：是否建立一个"
keys Escape
keys Escape
tui_start zh_CN.UTF-8
tm resize-window -t fc -x 40 -y 12
must "40x12: Home" wait_for "当前用户"   # its menu now starts with c: a draft remains
keys h
must "40x12: the hazards" wait_for "华东化工"
keys Enter
expect "40x12: the item's label" "是否建立"
keys a
must "40x12: what happened?" wait_for "延期整改"
keys Down Down Down Enter
must "40x12: the new deadline" wait_for "新的整改期限"
typed "2026-12-01"
keys Enter
expect "40x12: the refusal in Chinese" "并不晚于当前期限"

# 80x24, English: the same screens, the subject as git holds it.
tui_start en_US.UTF-8
tm resize-window -t fc -x 80 -y 24
must "English Home" wait_for "F5Sync"
keys h
must "English hazards" wait_for "无专职安全员"
keys Enter
expect "English: the item by its English label" "Item: Has the park set up a safety office"
check "English: not by its name" screen_lacks "safety_office"
keys Escape Escape
must "English Home again" wait_for "F5Sync"
keys f
must "English dashboard" wait_for "Open hazards, overdue or major"
keys Tab
sleep 0.2
keys l
expect "English: the subject as git holds it" "created  records: 1 inspection, 1 hazard"
check "English: an element's empty fields are left out" screen_lacks "Date: ,"
expect "English: the fields as labels" "+ Description: 无专职安全员"
