# t_report_html.sh - the report as one HTML page, opened in a real headless
# Chromium: it loads and renders (a screenshot), the page's text carries the
# same figures as the JSON and the Chinese names, a hostile enterprise name
# stays text, nothing outside the file is referred to, and it prints (PDF).
# FIELDCHECK_SCREENSHOT=FILE.png keeps the screenshot for a person to look at.
. "$FIELDCHECK_TOP/tests/lib.sh"
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
	not_ok "chromium is installed (Debian: apt-get install chromium)"
	exit 0
fi

export FIELDCHECK_NOW=2026-09-01T08:00:00+08:00
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司 --town 城东街道
fc enterprise add --code "$USCC2" --name '<script>alert(1)</script>乙 & "丙"' --town '西坞<b>街道'

# new TIMESTAMP ENTERPRISE TYPE: prints the new inspection's id.
new() {
	FIELDCHECK_NOW=$1 "$FC" -C "$WS" inspection new --form six-ones --enterprise "$2" \
		--type "$3" --member "李四:JT-0042:区交通运输局"
}
hazard() { # hazard INSPECTION SEVERITY DEADLINE: prints the hazard's id.
	"$FC" -C "$WS" hazard add --inspection "$1" --description 隐患 --severity "$2" \
		--deadline "$3"
}
i1=$(new 2026-09-03T09:00:00+08:00 "$USCC1" joint)
i2=$(new 2026-09-20T09:00:00+08:00 "$USCC1" joint)
i3=$(new 2026-10-08T09:00:00+08:00 "$USCC2" joint)
i4=$(new 2026-11-02T09:00:00+08:00 "$USCC2" unannounced)
h1=$(hazard "$i1" general 2026-09-20)
h2=$(hazard "$i1" major 2026-10-30)
h3=$(hazard "$i3" general 2026-10-20)
hazard "$i4" general 2026-11-10 >/dev/null
hazard "$i2" general 2026-12-31 >/dev/null
fc hazard event "$h1" rectified
fc hazard event "$h1" verified
fc hazard event "$h2" supervise
fc hazard event "$h3" rectified
export FIELDCHECK_NOW=2026-11-28T09:30:00+08:00

fc report --by town --format json
cp "$OUT" "$T/r.json"
j() { sqlite3 :memory: "SELECT json_extract(readfile('$T/r.json'), '$1')"; }
expect_exit 0 "an HTML report to a file" report --by town --format html --out "$T/r.html"
fc report --by town --format html
check "to stdout, the same page" cmp -s "$OUT" "$T/r.html"
check "one file: no script, no link, no source, no import, no url()" \
	lacks '<script' "$T/r.html" && lacks '<link' "$T/r.html" && lacks 'src=' "$T/r.html" &&
	lacks '@import' "$T/r.html" && lacks 'url(' "$T/r.html" && lacks 'href=' "$T/r.html"
check "no address but the SVG namespace" \
	[ "$(grep -o 'https\?://[^"]*' "$T/r.html" | sort -u)" = http://www.w3.org/2000/svg ]
check "UTF-8 declared, Chinese, a print stylesheet" grep -q '<meta charset="utf-8">' "$T/r.html" &&
	grep -q '<html lang="zh-CN">' "$T/r.html" && grep -q '@media print' "$T/r.html"

chrome() { # chrome PAGE ARGS...: headless Chromium on the page, quietly
	page=$1; shift
	timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--user-data-dir="$T/profile" "$@" "file://$page" 2>>"$T/chrome.err"
}
chrome "$T/r.html" --dump-dom >"$T/dom.html"
check "Chromium loads the page" grep -q '安全生产检查统计报告' "$T/dom.html"
check "no script element came out of the data" lacks '<script' "$T/dom.html"
check "the towns show, a hostile one as text" grep -q '西坞&lt;b&gt;街道' "$T/dom.html" &&
	grep -q '城东街道' "$T/dom.html"
row() { # row LABEL VALUE: the figures table has the row
	grep -q "<tr><td>$1</td><td>[^<]*</td><td class=\"n\">$2</td></tr>" "$T/dom.html"
}
check "figures as in JSON: inspections, hazards found, rectified" \
	row 检查次数 "$(j '$.inspections')" && row 发现隐患 "$(j '$.hazards.found')" &&
	row 已整改 "$(j '$.hazards.rectified')"
check "figures as in JSON: overdue, supervised, the rate" \
	row 逾期未整改 "$(j '$.hazards.overdue')" && row 挂牌督办 "$(j '$.hazards.under_supervision')" &&
	row 整改率 "$(j '$.hazards.rectification_rate')%"
check "5 hazards, 2 rectified, 40.0 %" row 发现隐患 5 && row 已整改 2 && row 整改率 40.0%
check "joint inspections by month, below the target marked" \
	grep -q '<tr><td>2026-10</td><td class="n">1</td><td class="n">2</td><td class="below">否 no</td></tr>' "$T/dom.html" &&
	grep -q '<tr><td>2026-09</td><td class="n">2</td><td class="n">2</td><td>是 yes</td></tr>' "$T/dom.html"
check "charts are inline SVG" [ "$(grep -c '<svg' "$T/dom.html")" -ge 3 ]
check "the groups' total row" grep -q '合计 Total' "$T/dom.html"

fc report --by enterprise --format html --out "$T/e.html"
chrome "$T/e.html" --dump-dom >"$T/edom.html"
check "by enterprise, a hostile name stays text" lacks '<script' "$T/edom.html" &&
	grep -q '&lt;script&gt;alert(1)&lt;/script&gt;乙 &amp; "丙"' "$T/edom.html" &&
	grep -q "$USCC2" "$T/edom.html"

check "a Chinese font is installed, so the screenshot shows the text (fonts-noto-cjk)" \
	sh -c "fc-list ':lang=zh' | grep -q ."
chrome "$T/r.html" --screenshot="$T/r.png" --window-size=1200,1600 >/dev/null
check "a screenshot is taken" [ "$(head -c 8 "$T/r.png" | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ] &&
	[ "$(wc -c <"$T/r.png")" -gt 20000 ]
[ -z "${FIELDCHECK_SCREENSHOT:-}" ] || cp "$T/r.png" "$FIELDCHECK_SCREENSHOT"
chrome "$T/r.html" --print-to-pdf="$T/r.pdf" --no-pdf-header-footer >/dev/null
check "it prints: a PDF of a few pages" [ "$(head -c 4 "$T/r.pdf")" = %PDF ] &&
	n=$(grep -a -o '/Count [0-9]*' "$T/r.pdf" | head -n 1 | cut -d' ' -f2) &&
	[ "$n" -ge 1 ] && [ "$n" -le 4 ]
