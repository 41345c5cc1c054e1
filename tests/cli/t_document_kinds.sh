# t_document_kinds.sh - `fieldcheck document ID measures|review`: the on-site
# measures decision of a hazmat-loading inspection whose five must-checks
# failed (the form's measure column: stop filling and loading), and the
# re-inspection opinion once a hazard is verified, as text (zh and en) and
# as PDF read back with pdftotext; each refused, saying why, where it does
# not apply; the draft's carry 草稿 and no number.
. "$FIELDCHECK_TOP/tests/lib.sh"
export FIELDCHECK_NOW=2026-11-28T09:30:00+08:00
init_ws
zh() { LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 fc "$@"; }
fc enterprise add --code "$USCC1" --name 华东化工有限公司 --address 城东路1号
new() { "$FC" -C "$WS" inspection new --form hazmat-loading --enterprise "$USCC1" "$@" 2>/dev/null; }
id=$(new --type joint --location 2号装车台 --member "李四:JT-0042:区交通运输局")
short=$(printf %.8s "$id")
answer() { "$FC" -C "$WS" inspection answer "$1" "$2" "$3" ${4:+--note "$4"} >/dev/null ||
	not_ok "answer $*"; }
answer "$id" products "liquid_ammonia"
answer "$id" spot_check yes
answer "$id" vehicle_plate 浙A12345
answer "$id" product_loaded 液氨
for item in vehicle_permits goods_match_waybill permitted_media waybill_carried pretrip_check \
	warning_marks no_overload escort_present emergency_kit filling_records; do
	answer "$id" "$item" pass
done
answer "$id" crew_qualifications fail 押运员证过期
answer "$id" tank_inspection fail 罐体检验过期
answer "$id" swivel_arm fail 液氨用软管充装
FIELDCHECK_NOW=2026-11-28T11:00:00+08:00 fc inspection finalize "$id"
hazard_of() { "$FC" -C "$WS" hazard list --inspection "$id" --format csv | grep "$1" | cut -d, -f1; }
h_crew=$(hazard_of crew_qualifications)
h_tank=$(hazard_of tank_inspection)

# Numbered as the record and the order are (README, "Document numbers"):
# none until this laptop holds a block, then the block's first of its kind.
zh document "$short" measures
check "without a number left, says how to get one" grep -q "fieldcheck numbers --authority" "$ERR"
out_has "草稿" "and is printed marked as a draft"
fc numbers --authority 北应急
dev="(SELECT value FROM meta WHERE key = 'numbers.device')"
for k in order measures review; do
	sql "INSERT INTO number_blocks VALUES ('北应急', '$k', 2026, 1, 5, 'ZJ-0001', $dev,
		'$FIELDCHECK_NOW')"
done
mea=（北应急）现决〔2026〕0001号 ord=（北应急）责改〔2026〕0001号 rev=（北应急）复查〔2026〕0001号

# The measures decision: the two five must-checks that failed, not the
# swivel arm (its row names no measure).
zh document "$short" measures
check "the measures decision in Chinese" grep -q "现场处理措施决定书" "$OUT"
out_has "$mea" "its own number, 现决"
check "no draft mark once numbered" lacks "草稿" "$OUT"
out_has "被检查单位：华东化工有限公司" "the unit"
out_has "^  [12]\. 罐体检验过期$" "a failed must-check"
out_has "^  [12]\. 押运员证过期$" "the other"
check "not the failure that calls for no measure" lacks 软管 "$OUT"
out_has "处理措施：停止充装、装载：该车辆不得充装或者装载" "the measure its form row names"
out_has "依据：《危险货物道路运输安全管理办法》.*装货人充装、装载前查验规定（条号待核）" \
	"the item's legal basis"
out_has "^  1\. 停止充装、装载：该车辆不得充装或者装载（上述第 1、2 项）。$" \
	"the measure decided once, naming both hazards"
out_has "检查人员（签名）：__________  李四  执法证号：JT-0042" "the second officer's line"
out_has "被检查单位现场负责人（签名）" "the unit's line"
expect_exit 0 "in English" document "$short" measures
out_has "On-site measures decision" "its English title"
out_has "Measure: Stop filling and loading: the vehicle must not be filled or loaded" \
	"the measure in English"

# Where it does not apply: a form whose failures call for no measure.
other=$("$FC" -C "$WS" inspection new --form six-ones --enterprise "$USCC1" 2>/dev/null)
answer "$other" safety_office fail 无安全办公室
expect_err 1 "has no failed item that calls for an on-site measure" \
	"no measures decision without such a failure" document "$other" measures
check "and nothing on stdout" [ ! -s "$OUT" ]

# The re-inspection opinion: none until a hazard is verified.
expect_err 1 "no hazard of inspection $short has been verified yet" \
	"no opinion before a verification" document "$short" review
FIELDCHECK_NOW=2026-11-30T09:00:00+08:00 fc hazard event "$h_tank" notice
FIELDCHECK_NOW=2026-12-03T10:00:00+08:00 fc hazard event "$h_tank" rectified --note 已送检
FIELDCHECK_NOW=2026-12-04T10:00:00+08:00 fc hazard event "$h_tank" verified --note 检验合格
FIELDCHECK_NOW=2026-12-04T11:00:00+08:00 fc hazard event "$h_crew" rectified
zh document "$short" review
out_has "根据责令限期整改指令书（尚未编号）" "before the order is printed it has no number to follow"
zh document "$short" order
out_has "$ord" "the order takes its number"
zh document "$short" review
check "the opinion in Chinese" grep -q "整改复查意见书" "$OUT"
out_has "$rev" "its own number, 复查"
out_has "根据责令限期整改指令书$ord（2026年11月30日下达）" "it follows the order by its number, dated by its notice"
out_has "复查意见：已整改：检验合格" "the verified hazard: rectified, with the note"
out_has "复查日期：2026年12月04日" "and when it was re-inspected"
out_has "复查意见：单位报告已整改，尚未复查" "the hazard only reported rectified"
out_has "复查意见：未整改" "the hazard not rectified"
out_has "尚未整改的事故隐患仍按指令书执行" "the conclusion while some remain"
check "three hazards, one row each" [ "$(grep -c '复查意见：' "$OUT")" -eq 3 ]

# PDF: read back.
pdf() {
	zh document "$1" "$2" --format pdf --out "$T/$2.pdf" &&
		pdftotext "$T/$2.pdf" "$T/$2.txt" && pdfinfo "$T/$2.pdf" >"$T/$2.info" &&
		tr -d ' \n' <"$T/$2.txt" >"$T/$2.flat"
}
for k in measures review; do
	check "the $k as PDF" pdf "$short" "$k"
	check "$k: A4" grep -q "Page size: *595.2.* x 841.8.* pts (A4)" "$T/$k.info"
	[ "$k" = measures ] && num=$mea || num=$rev
	check "$k: the unit, the number, the officers" grep -q 华东化工有限公司 "$T/$k.flat" &&
		grep -q "$num" "$T/$k.flat" && grep -q 张三 "$T/$k.flat" && grep -q JT-0042 "$T/$k.flat"
	n=$(sed -n 's/^Pages: *//p' "$T/$k.info")
	check "$k: its $n page(s) numbered" \
		[ "$(grep -o "第[0-9]*页共${n}页" "$T/$k.flat" | sort -u | wc -l)" -eq "$n" ]
done
check "measures.pdf: the measure and both hazards" grep -q 停止充装、装载 "$T/measures.flat" &&
	grep -q 罐体检验过期 "$T/measures.flat" && grep -q 押运员证过期 "$T/measures.flat"
check "review.pdf: rectified and not" grep -q 已整改：检验合格 "$T/review.flat" &&
	grep -q 未整改 "$T/review.flat"
expect_exit 0 "the opinion as HTML" document "$short" review --format html --out "$T/review.html"
check "review.html: the seal's place" grep -q 'class="seal"' "$T/review.html"

# A draft's: 草稿, no number.
draft=$(new)
answer "$draft" products liquid_ammonia
answer "$draft" spot_check yes
answer "$draft" vehicle_permits fail 无营运证
zh document "$draft" measures
out_has "草稿" "the draft's decision says 草稿"
check "and has no number" lacks "($(printf %.8s "$draft"))" "$OUT"
expect_err 2 "unknown document 'opinion' (record, order, measures, review)" \
	"the kinds are named in the usage error" document "$short" opinion
