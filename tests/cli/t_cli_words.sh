# t_cli_words.sh - the command line's text output in the user's words: in
# zh_CN the states, severities, statuses, types, roles and yes/no of `show`
# and `list` print in Chinese (core/words.h), an amendment reads
# "label → value"; CSV and --format json keep the English names; the
# `forms list` columns line up by display width.
. "$FIELDCHECK_TOP/tests/lib.sh"
export FIELDCHECK_NOW=2026-11-28T09:30:00+08:00
init_ws
zh() { LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 fc "$@"; }

if ! LC_ALL=zh_CN.UTF-8 locale 2>&1 | grep -q 'LC_MESSAGES="\{0,1\}zh_CN'; then
	skip "the command line's words in Chinese" "no zh_CN.UTF-8 locale on this machine"
	exit 0
fi

# The English names the model writes into records, as whole words.
ENGLISH='\<\(open\|notified\|rectified\|closed\|general\|major\|draft\|final\|routine\|unannounced\|joint\|recheck\|inspector\|supervisor\|yes\|no\|found\|notice\)\>'
# no_english LINE_PATTERN: the lines of $OUT matching the pattern hold no
# English model name.
no_english() { ! grep -- "$1" "$OUT" | grep -q "$ENGLISH"; }

fc enterprise add --code "$USCC1" --name 某化工
zh inspection new --form six-ones --enterprise "$USCC1"
id=$(cat "$OUT")
for a in "park_name 一号园区" "safety_office pass" "management_agreement pass" \
	"micro_fire_station pass" "smart_charging pass" "life_passage pass"; do
	# shellcheck disable=SC2086
	zh inspection answer "$id" $a || { not_ok "answer $a"; cat "$ERR"; exit 1; }
done
zh inspection answer "$id" risk_map fail
check "answering a failed check names the hazard's severity in Chinese" grep -q "：一般，" "$OUT"
zh inspection finalize "$id"
zh inspection amend "$id" risk_map pass --reason 已张贴

zh inspection show "$id"
check "inspection show: the status in Chinese" grep -q "^检查 .*(已定稿)$" "$OUT"
check "its type in Chinese" grep -q "^类型 *日常检查$" "$OUT"
check "its hazard's severity and state in Chinese" grep -q "^  [0-9a-f]\{8\}  一般 *未整改 " "$OUT"
check "no English state or severity on the hazard's line" no_english '^  [0-9a-f]\{8\}  '
check "an amendment reads label → value" grep -q "ZJ-0001  是否在显著位置悬挂一张“风险管控图” → pass  " "$OUT"
check "with no -> and no item name" \
	sh -c "sed -n '/^更正/,\$p' '$OUT' | grep -q '→' && ! sed -n '/^更正/,\$p' '$OUT' | grep -q -- '->\|risk_map'"

zh inspection list
check "inspection list: status and type in Chinese" grep -q "  已定稿 .*  日常  " "$OUT"
check "no English status or type in its rows" no_english "$USCC1"
zh inspection list --format json
check "its JSON keeps the names" grep -q '"status": "final", .*"type": "routine"' "$OUT"

zh hazard list
check "hazard list: severity, state, overdue and supervised in Chinese" \
	grep -q "  一般 *未整改 *2026-12-[0-9]*  否 *否  " "$OUT"
check "no English word in its rows" no_english "$USCC1"
zh hazard list --format csv
check "its CSV keeps the names" grep -q ",general,open,2026-12-[0-9]*,no,no," "$OUT"

hid=$(sql "SELECT id FROM hazards WHERE inspection = '$id'")
zh hazard event "$hid" notice
check "an event recorded is named in Chinese" grep -q "下达整改指令书" "$OUT"
check "not by its name" lacks "notice" "$OUT"
zh hazard show "$hid"
check "hazard show: severity and state in Chinese" \
	sh -c "grep -q '^等级 *一般$' '$OUT' && grep -q '^状态 *已下达' '$OUT'"
check "its events in Chinese, numbered" grep -q "^  1  2026-11-28T09:30:00+08:00  发现  " "$OUT"
check "no English word in it" no_english '.'
zh hazard show "$hid" --format json
check "its JSON is the record, English names" grep -q '"kind": "notice"' "$OUT"

zh whoami
check "whoami: the role in Chinese" grep -q "  检查人员  " "$OUT"
zh whoami --format json
check "its JSON keeps the name" grep -q '"role": "inspector"' "$OUT"

fc inspection show "$id"
check "in English the amendment reads label → value too" \
	grep -q "ZJ-0001  Is a risk-control map posted in a prominent place? → pass  " "$OUT"
check "and the status is the English word" grep -q "^inspection .*(final)$" "$OUT"

# forms list: the title is the last column, so nothing after it shifts
# where a terminal draws “” two columns wide (six-ones); the columns before
# it line up by display width (wc -L).
zh forms list
check "forms list lists six-ones" grep -q "^six-ones " "$OUT"
check "the title comes last" sh -c "grep '^six-ones ' '$OUT' | grep -q '检查表\$'"
widths=$(sed 's|/.*||' "$OUT" | sed 1d | while IFS= read -r l; do
	printf '%s\n' "$l" | LC_ALL=zh_CN.UTF-8 wc -L; done | sort -u)
check "its columns line up by display width" [ "$(printf '%s\n' "$widths" | wc -l)" -eq 1 ]
