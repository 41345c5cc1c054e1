# t_document.sh - `fieldcheck document ID record|order`: for a finalized
# hazmat-loading inspection with two hazards and for a draft, each document
# in each format.  The PDFs are read back (pdftotext, pdfinfo) for the
# unit, the officers, every hazard and its deadline, and the page count the
# footer prints; the draft's say 草稿 and carry no number.  The HTML is
# printed to PDF by a real headless Chromium.
. "$FIELDCHECK_TOP/tests/lib.sh"
export FIELDCHECK_NOW=2026-11-28T09:30:00+08:00
init_ws
zh() { LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 fc "$@"; }
hazmat_failed "liquid_ammonia flammable_liquid"
fc inspection set "$id" --responsible 王五 --responsible-title 安全主管 \
	--responsible-phone 13800001234 --findings "$(printf '2号装车台正在充装液氨。\n押运员证过期。')" \
	--opinion 责令限期整改
FIELDCHECK_NOW=2026-11-28T11:00:00+08:00 fc inspection finalize "$id"
expect_err 1 "finalized" "a final inspection's findings stay as finalized" \
	inspection set "$id" --findings 改写
draft=$("$FC" -C "$WS" inspection new --form hazmat-loading --enterprise "$USCC1")
"$FC" -C "$WS" inspection answer "$draft" products liquid_ammonia >/dev/null &&
	"$FC" -C "$WS" inspection answer "$draft" swivel_arm fail --note 软管充装液氨 >/dev/null ||
	not_ok "the draft's failed check"

# Usage.
expect_err 2 "a PDF needs --out FILE" "a PDF to stdout is refused" document "$short" order --format pdf
expect_err 2 "unknown document 'letter'" "an unknown document is a usage error" \
	document "$short" letter
expect_err 2 "unknown format 'doc'" "an unknown format is a usage error" \
	document "$short" record --format doc
expect_err 2 "needs the id of an inspection and record, order, measures or review" "no kind is a usage error" \
	document "$short"

# Numbers (README, "Document numbers"): none before this laptop holds a
# block claimed on the central; then the block's first, kept for good.
expect_exit 0 "a final order without a number left" document "$short" order
check "says there is no number and how to get one" \
	grep -q "no document number.*fieldcheck numbers --authority" "$ERR"
out_has "Not numbered yet, not to be served" "and is printed marked as a draft"
fc numbers --authority 北应急
dev="(SELECT value FROM meta WHERE key = 'numbers.device')" # this laptop's (numbers made it)
sql "INSERT INTO number_blocks VALUES ('北应急', 'order', 2026, 21, 5, 'ZJ-0001', $dev,
	'$FIELDCHECK_NOW'), ('北应急', 'record', 2026, 1, 5, 'ZJ-0001', $dev, '$FIELDCHECK_NOW')"
# (as a sync imports the claims this laptop made)
ord=（北应急）责改〔2026〕0021号 rec=（北应急）检记〔2026〕0001号

# Text, the default: the order as the TUI writes it, the record.
expect_exit 0 "the order as text" document "$short" order
out_has "ORDER TO RECTIFY WITHIN A TIME LIMIT" "the order's title"
out_has "$ord" "its number: the block's first"
check "stderr says the number was given now" grep -q "number $ord (given now)" "$ERR"
lacks "DRAFT" "$OUT" && ok "a numbered order is no draft" || not_ok "a numbered order is no draft"
out_has "1. 液氨用软管充装" "the major hazard first"
out_has "Rectify by: 2027-02-26" "with its deadline"
out_has "Enforcement officers (signature): __________  李四  ID no. JT-0042" "the second officer"
fc inspection show "$short"
out_has "order   $ord" "the inspection lists its number"
zh document "$short" record
out_has "现场检查记录" "the record in Chinese"
out_has "检查人员已向被检查单位出示执法证件" "the statement that certificates were shown"
out_has "城东路1号" "the unit's address"
out_has "^  [0-9]*\. 抽查车辆的驾驶人、押运人员是否具有有效的资质证件$" "a check item, by its label"
out_has "不合格" "its result"
out_has "押运员证过期" "its note"
out_has "浙A12345" "a reading"
out_has "拒绝签名" "the refusal to sign with a witness"
out_has "王五" "the unit's responsible person"
out_has "安全主管，13800001234" "with title and phone"
out_has "押运员证过期。" "the findings, as written"
out_has "责令限期整改" "the opinion"
check "every answer is listed" [ "$(grep -c '^  [0-9]*\. ' "$OUT")" -eq "$(( $(sql "SELECT count(*) FROM answers WHERE inspection = '$id'") + 2 ))" ]

# PDF: read back.
# pdf NAME INSPECTION KIND: writes $T/NAME.pdf in Chinese, its text into
# $T/NAME.txt, with no spaces or line ends (a table's cell wraps) into
# NAME.flat.
pdf() {
	zh document "$2" "$3" --format pdf --out "$T/$1.pdf" &&
		pdftotext "$T/$1.pdf" "$T/$1.txt" && pdfinfo "$T/$1.pdf" >"$T/$1.info" &&
		tr -d ' \n' <"$T/$1.txt" >"$T/$1.flat"
}
pages() { sed -n 's/^Pages: *//p' "$T/$1.info"; }
for k in record order; do
	check "the $k as PDF" pdf "$k" "$id" "$k"
	check "$k: A4" grep -q "Page size: *595.2.* x 841.8.* pts (A4)" "$T/$k.info"
	check "$k: the unit" grep -q 华东化工有限公司 "$T/$k.flat"
	check "$k: the officers" grep -q 张三 "$T/$k.flat" && grep -q 李四 "$T/$k.flat" &&
		grep -q JT-0042 "$T/$k.flat"
	check "$k: every hazard and its deadline" grep -q 押运员证过期 "$T/$k.flat" &&
		grep -q 液氨用软管充装 "$T/$k.flat" && grep -q 2026-12-05 "$T/$k.flat" &&
		grep -q 2027-02-26 "$T/$k.flat"
	n=$(pages "$k")
	check "$k: each of its $n pages says 第 n 页 共 $n 页" \
		[ "$(grep -o "第[0-9]*页共${n}页" "$T/$k.flat" | sort -u | wc -l)" -eq "$n" ]
	num=$([ "$k" = order ] && echo "$ord" || echo "$rec")
	check "$k: the final's has its number $num, no draft mark" grep -q "$num" "$T/$k.flat" &&
		lacks 草稿 "$T/$k.flat"
	check "the draft's $k as PDF" pdf "d$k" "$draft" "$k"
	check "the draft's $k says 草稿" grep -q 草稿 "$T/d$k.flat"
	check "and has no number" lacks "〔2026〕" "$T/d$k.flat"
done
check "the record breaks onto more than one page" [ "$(pages record)" -gt 1 ]
expect_err 1 "exists" "an existing file is never replaced" \
	document "$short" order --format pdf --out "$T/order.pdf"

# HTML: one page to print, through Chromium.
for k in record order; do
	expect_exit 0 "the $k as HTML" document "$short" "$k" --format html --out "$T/$k.html"
	check "$k.html: A4 and the page margins" grep -q '@page{size:A4;margin' "$T/$k.html"
	check "$k.html: the seal's place" grep -q 'class="seal"' "$T/$k.html"
done
zh document "$draft" order --format html --out "$T/dorder.html"
check "the draft's HTML says 草稿 DRAFT across the page" grep -q 'class="draft">草稿 DRAFT' "$T/dorder.html"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
	not_ok "chromium is installed (Debian: apt-get install chromium)"
	exit 0
fi
for k in record order; do
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$T/profile" --no-pdf-header-footer --print-to-pdf="$T/$k-html.pdf" \
		"file://$T/$k.html" 2>>"$T/chrome.err"
	check "Chromium prints the $k's HTML to PDF" pdfinfo "$T/$k-html.pdf" >/dev/null 2>&1 &&
		pdftotext "$T/$k-html.pdf" - | grep -q 华东化工有限公司
done
