# t_report.sh - `fieldcheck report` against a data set made here through the
# command line on fixed dates, whose true figures the test counts from its
# own ledger of what it made (awk), never by asking the store: totals and
# every grouping, periods (local dates, a day's last second, another time
# zone), finalized only, overdue against today, joint inspections by month,
# CSV (with the byte-order mark), JSON and text agreeing, --out, refusals;
# the rectified with and without a photo of the repair (attached to the
# rectified or verified event, or to the hazard once rectified, compared
# across time zones).
. "$FIELDCHECK_TOP/tests/lib.sh"
L=$T/ledger
: >"$L"
init_ws
export FIELDCHECK_NOW=2026-09-01T08:00:00+08:00
fc enterprise add --code "$USCC1" --name 华东化工有限公司 --town 城东街道
fc enterprise add --code "$USCC2" --name 乙铸造 --town 西坞街道
fc enterprise add --code "$USCC3" --name '丙五金, "加工"'
printf '%s|%s\n' "$USCC1" 华东化工有限公司 "$USCC2" 乙铸造 "$USCC3" '丙五金, "加工"' >"$T/names"

town_of() {
	case $1 in "$USCC1") echo 城东街道 ;; "$USCC2") echo 西坞街道 ;; *) echo _ ;; esac
}

# insp VAR TIMESTAMP ENTERPRISE TYPE FORM: a new inspection, in the ledger as
# "I id date enterprise town type form finalized".
insp() {
	_v=$1 _ts=$2 _e=$3 _ty=$4 _f=$5
	set --
	case $_ty in joint|unannounced) set -- --member "李四:JT-0042:区交通运输局" ;; esac
	FIELDCHECK_NOW=$_ts fc inspection new --form "$_f" --enterprise "$_e" --type "$_ty" "$@" ||
		not_ok "inspection new $_v"
	eval "$_v=$(cat "$OUT")"
	echo "I $(cat "$OUT") ${_ts%%T*} $_e $(town_of "$_e") $_ty $_f 0" >>"$L"
}

# ledger_set ID FIELD VALUE: rewrites one field of a ledger line.
ledger_set() {
	awk -v id="$1" -v f="$2" -v v="$3" '$2 == id { $f = v } { print }' "$L" >"$L.new" &&
		mv "$L.new" "$L"
}

# finalize ID [ANSWERED]: the six-ones checks answered (pass) but the one
# answered already, then finalized.
finalize() {
	fc inspection answer "$1" park_name 园区 || not_ok "answer park_name"
	for item in safety_office management_agreement risk_map micro_fire_station \
		smart_charging life_passage; do
		[ "$item" = "${2:-}" ] || fc inspection answer "$1" "$item" pass || not_ok "answer $item"
	done
	fc inspection finalize "$1" || { not_ok "finalize $1"; show_output; }
	ledger_set "$1" 8 1
}

# hazard VAR INSPECTION SEVERITY DEADLINE: in the ledger as
# "H id inspection severity notice rectified verified supervised due photo".
hazard() {
	fc hazard add --inspection "$2" --description "隐患 $1" --severity "$3" --deadline "$4" ||
		not_ok "hazard add $1"
	eval "$1=$(cat "$OUT")"
	echo "H $(cat "$OUT") $2 $3 0 0 0 0 $4 0" >>"$L"
}

# photo TIMESTAMP HAZARD EVENT REPAIR: a photo attached to the hazard (EVENT
# 0) or to its event number EVENT; REPAIR 1 when it is evidence of the
# repair by the rule the report states (the ledger's own judgement).
SEEDS=$FIELDCHECK_TOP/tests/fuzz/seeds/exif
photo() {
	if [ "$3" = 0 ]; then _ev=; else _ev=$3; fi
	FIELDCHECK_NOW=$1 fc hazard attach "$2" "$SEEDS/phone.jpg" ${_ev:+--event "$_ev"} ||
		{ not_ok "attach to $2"; show_output; }
	[ "$4" = 0 ] || ledger_set "$2" 10 1
}

# event TIMESTAMP HAZARD KIND [DATE]: an event, and what it does to the ledger.
event() {
	FIELDCHECK_NOW=$1 fc hazard event "$2" "$3" ${4:+--date "$4"} ||
		{ not_ok "event $3 on $2"; show_output; }
	case $3 in
	notice) ledger_set "$2" 5 1; [ -z "${4:-}" ] || ledger_set "$2" 9 "$4" ;;
	extend) ledger_set "$2" 9 "$4" ;;
	rectified) ledger_set "$2" 6 1 ;;
	verified) ledger_set "$2" 7 1 ;;
	supervise) ledger_set "$2" 8 1 ;;
	esac
}

# September: a joint six-ones inspection whose failed check makes a hazard.
insp i1 2026-09-03T09:00:00+08:00 "$USCC1" joint six-ones
FIELDCHECK_NOW=2026-09-03T09:10:00+08:00 fc inspection answer "$i1" management_agreement fail
due1=$(sed -n 's/^hazard [0-9a-f]*: general, due \([0-9-]*\)$/\1/p' "$OUT")
h1=$("$FC" -C "$WS" hazard list --inspection "$i1" --format csv | awk -F, 'NR == 2 { print $1 }')
check "a failed check makes a hazard with a deadline" [ -n "$h1" ] && [ -n "$due1" ]
echo "H $h1 $i1 general 0 0 0 0 $due1 0" >>"$L"
hazard h2 "$i1" major 2026-10-15
finalize "$i1" management_agreement
event 2026-09-05T10:00:00+08:00 "$h1" notice 2026-09-20
event 2026-09-18T10:00:00+08:00 "$h1" rectified
event 2026-09-25T10:00:00+08:00 "$h1" verified
event 2026-09-06T10:00:00+08:00 "$h2" supervise
event 2026-10-10T10:00:00+08:00 "$h2" rectified
photo 2026-09-19T10:00:00+08:00 "$h1" 3 1   # on its rectified event
photo 2026-10-05T10:00:00+08:00 "$h2" 0 0   # on the hazard, before it was rectified
insp i2 2026-09-10T09:00:00+08:00 "$USCC2" routine confined-space
hazard h3 "$i2" general 2026-09-30
hazard h4 "$i2" general 2026-12-31
insp i3 2026-09-25T09:00:00+08:00 "$USCC3" unannounced six-ones
hazard h5 "$i3" general 2026-09-30
event 2026-09-26T10:00:00+08:00 "$h5" notice
event 2026-09-29T10:00:00+08:00 "$h5" extend 2026-12-15
finalize "$i3"
# The last second of 30 September, and 1 October in another time zone
# (23:30 on the 30th in Beijing): each belongs to its own local date.
insp i11 2026-09-30T23:59:59+08:00 "$USCC1" routine six-ones
insp i12 2026-10-01T00:30:00+09:00 "$USCC3" routine confined-space
hazard h12 "$i12" general 2026-10-08
# October: a re-inspection, two joint inspections, a finalized routine one.
insp i4 2026-10-01T09:00:00+08:00 "$USCC1" recheck six-ones
finalize "$i4"
insp i5 2026-10-08T09:00:00+08:00 "$USCC1" joint six-ones
hazard h6 "$i5" major 2026-10-20
event 2026-10-09T10:00:00+08:00 "$h6" supervise
insp i10 2026-10-15T09:00:00+08:00 "$USCC2" joint confined-space
insp i6 2026-10-31T09:00:00+08:00 "$USCC2" routine six-ones
hazard h7 "$i6" general 2026-11-10
finalize "$i6"
event 2026-11-01T10:00:00+08:00 "$h7" notice 2026-11-20
event 2026-11-15T10:00:00+08:00 "$h7" rectified
# on the hazard an hour after it was rectified (11:00 in Beijing): the
# times compare as instants, not as text
photo 2026-11-15T03:00:00+00:00 "$h7" 0 1
# November: due yesterday (overdue) and due today (not yet).
insp i7 2026-11-01T09:00:00+08:00 "$USCC3" routine confined-space
hazard h8 "$i7" general 2026-11-27
hazard h9 "$i7" general 2026-11-28
insp i8 2026-11-28T09:00:00+08:00 "$USCC2" joint six-ones
hazard h10 "$i8" general 2026-12-05
finalize "$i8"
# August, before the usual period.
insp i9 2026-08-31T09:00:00+08:00 "$USCC1" unannounced six-ones
hazard h11 "$i9" general 2026-09-05
event 2026-09-04T10:00:00+08:00 "$h11" rectified
photo 2026-11-27T10:00:00+08:00 "$h8" 1 0   # of the finding, not rectified

export FIELDCHECK_NOW=2026-11-28T09:30:00+08:00
check "the ledger holds 12 inspections and 12 hazards" \
	[ "$(grep -c '^I ' "$L")" -eq 12 ] && [ "$(grep -c '^H ' "$L")" -eq 12 ]

# expect BY FROM TO FINAL TODAY: the CSV rows (no header) the report must
# print, counted from the ledger.
expect() {
	awk -v by="$1" -v from="$2" -v to="$3" -v fin="$4" -v today="$5" -v names="$T/names" '
	BEGIN { while ((getline l < names) > 0) { split(l, p, "|"); nm[p[1]] = p[2] } }
	function key() {
		if (by == "") return "total"
		if (by == "town") return $5 == "_" ? "" : $5
		if (by == "form") return $7
		if (by == "month") return substr($3, 1, 7)
		if (by == "enterprise") return $4
		return "区应急管理局"  # dept: the workspace identity made them all
	}
	$1 == "I" {
		if ((from != "" && $3 < from) || (to != "" && $3 > to) || (fin && !$8)) next
		k = key()
		of[$2] = k; keys[k] = 1; name[k] = by == "enterprise" ? nm[$4] : ""
		n[k]++; dr[k] += !$8; j[k] += $6 == "joint"; u[k] += $6 == "unannounced"
		rc[k] += $6 == "recheck"
		if (!((k, $4) in seen)) { seen[k, $4] = 1; e[k]++ }
	}
	$1 == "H" && ($3 in of) {
		k = of[$3]; f[k]++; ma[k] += $4 == "major"; ge[k] += $4 != "major"
		no[k] += $5; re[k] += $6; cl[k] += $7; su[k] += $8; ms[k] += $8 && $4 == "major"
		op[k] += !$6; od[k] += !$6 && $9 < today
		ph[k] += $6 && $10; np[k] += $6 && !$10
	}
	function csv(s) { if (s ~ /[,"]/) { gsub(/"/, "\"\"", s); s = "\"" s "\"" } return s }
	END {
		for (k in keys) {
			rate = f[k] ? int((2000 * re[k] + f[k]) / (2 * f[k])) : -1
			printf "%s,%s,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%d,%s,%d,%d,%d,%d,%d,%d,%d\n", csv(k),
			       csv(name[k]), n[k], dr[k], e[k], j[k], u[k], rc[k], f[k], ge[k], ma[k],
			       no[k], re[k], rate < 0 ? "" : sprintf("%d.%d", rate / 10, rate % 10),
			       cl[k], op[k], od[k], su[k], ms[k], ph[k], np[k]
		}
		if (by == "" && !("total" in keys))
			print "total,,0,0,0,0,0,0,0,0,0,0,0,,0,0,0,0,0,0,0"
	}' "$L" | LC_ALL=C sort
}

# report_csv ARGS: the report's CSV rows, sorted, without the header.
report_csv() {
	fc report --format csv "$@" || { not_ok "report $*"; show_output; }
	tr -d '\r' <"$OUT" | tail -n +2 | LC_ALL=C sort
}

# same WHAT BY FROM TO FINAL: the report's rows are the ledger's.
same() {
	what=$1 by=$2 from=$3 to=$4 fin=$5
	set -- ${by:+--by "$by"} ${from:+--from "$from"} ${to:+--to "$to"}
	[ "$fin" = 1 ] && set -- "$@" --final
	report_csv "$@" >"$T/got"
	expect "$by" "$from" "$to" "$fin" 2026-11-28 >"$T/want"
	if cmp -s "$T/got" "$T/want"; then
		ok "$what"
	else
		not_ok "$what"
		diff "$T/want" "$T/got" | sed 's/^/    /'
	fi
}

for by in "" form town dept month enterprise; do
	same "all figures${by:+ by $by}" "$by" "" "" 0
	same "September to November${by:+ by $by}" "$by" 2026-09-01 2026-11-30 0
	same "finalized only${by:+ by $by}" "$by" "" "" 1
done
same "up to the last day of September (its last second included)" "" "" 2026-09-30 0
same "from 1 October (the +09:00 one is on the 1st)" month 2026-10-01 "" 0
same "one day" town 2026-10-01 2026-10-01 0
same "a period with nothing in it" "" 2027-01-01 2027-03-31 0

fc report --format json
cp "$OUT" "$T/all.json"
j() { sqlite3 :memory: "SELECT json_extract(readfile('$T/all.json'), '$1')"; }
check "JSON is valid" [ "$(sqlite3 :memory: "SELECT json_valid(readfile('$T/all.json'))")" = 1 ]
check "JSON: 12 inspections, 12 hazards found" [ "$(j '$.inspections')" = 12 ] && [ "$(j '$.hazards.found')" = 12 ]
check "JSON: 2 major, both under listed supervision" \
	[ "$(j '$.hazards.major')" = 2 ] && [ "$(j '$.hazards.major_under_supervision')" = 2 ]
check "JSON: rate 4 / 12 as a number" [ "$(j '$.hazards.rectification_rate')" = 33.3 ] &&
	grep -q '"rectification_rate": 33.3,$' "$T/all.json"
check "JSON: overdue h3, h6, h8, h12 against 2026-11-28" [ "$(j '$.hazards.overdue')" = 4 ]
check "JSON: no roster, so signed_since is null" grep -q '"signed_since": null' "$OUT"
check "JSON: from and to null, today given" [ "$(j '$.from')" = "" ] && [ "$(j '$.today')" = 2026-11-28 ] &&
	grep -q '"from": null,' "$T/all.json" && grep -q '"groups": \[\]' "$T/all.json"
check "JSON: joint by month, August to November, against the target of 2" [ "$(sqlite3 :memory: \
	"SELECT group_concat(json_extract(value, '\$.month') || '=' || json_extract(value, '\$.joint') || '/' ||
	 json_extract(value, '\$.target'), ' ') FROM json_each(readfile('$T/all.json'), '\$.joint_by_month')")" = \
	"2026-08=0/2 2026-09=1/2 2026-10=2/2 2026-11=1/2" ]
check "JSON: unannounced and re-inspections" [ "$(j '$.unannounced_inspections')" = 2 ] && [ "$(j '$.rechecks')" = 1 ]

# The same figures in JSON groups as in CSV rows.
fc report --by town --format json
cp "$OUT" "$T/town.json"
sqlite3 -list -separator , :memory: "SELECT json_extract(value, '\$.key'), json_extract(value, '\$.name'),
	json_extract(value, '\$.inspections'), json_extract(value, '\$.drafts'),
	json_extract(value, '\$.enterprises'), json_extract(value, '\$.joint_inspections'),
	json_extract(value, '\$.unannounced_inspections'), json_extract(value, '\$.rechecks'),
	json_extract(value, '\$.hazards.found'), json_extract(value, '\$.hazards.general'),
	json_extract(value, '\$.hazards.major'), json_extract(value, '\$.hazards.notified'),
	json_extract(value, '\$.hazards.rectified'),
	coalesce(printf('%.1f', json_extract(value, '\$.hazards.rectification_rate')), ''),
	json_extract(value, '\$.hazards.closed'), json_extract(value, '\$.hazards.open'),
	json_extract(value, '\$.hazards.overdue'), json_extract(value, '\$.hazards.under_supervision'),
	json_extract(value, '\$.hazards.major_under_supervision'),
	json_extract(value, '\$.hazards.rectified_with_photo'),
	json_extract(value, '\$.hazards.rectified_without_photo')
	FROM json_each(readfile('$T/town.json'), '\$.groups')" | LC_ALL=C sort >"$T/json_rows"
report_csv --by town >"$T/csv_rows"
check "JSON groups and CSV rows carry the same figures" cmp -s "$T/json_rows" "$T/csv_rows"
check "the totals of a grouped JSON are the report's totals" \
	[ "$(sqlite3 :memory: "SELECT json_extract(readfile('$T/town.json'), '\$.hazards') =
		json_extract(readfile('$T/all.json'), '\$.hazards')")" = 1 ]

# Text says the same as JSON.
fc report
cp "$OUT" "$T/text"
tv() { awk -v l="$1" 'index($0, l) == 1 { print $NF; exit }' "$T/text"; }
check "text: inspections, hazards, overdue as in JSON" [ "$(tv Inspections)" = 12 ] &&
	[ "$(tv 'Hazards found')" = 12 ] && [ "$(tv Overdue)" = 4 ] && [ "$(tv Rectified)" = 4 ]
check "text: of the rectified, with and without a photo of the repair, as in JSON" \
	[ "$(tv '  with photo evidence')" = "$(j '$.hazards.rectified_with_photo')" ] &&
	[ "$(tv '  without photo evidence')" = "$(j '$.hazards.rectified_without_photo')" ] &&
	[ "$(j '$.hazards.rectified_with_photo')" = 2 ] && [ "$(j '$.hazards.rectified_without_photo')" = 2 ]
fc report --format html
check "HTML: the two figures beside Rectified" sh -c "grep -q '<tr><td>其中有整改照片</td><td>with photo evidence of the repair</td><td class=\"n\">2</td></tr>' '$OUT' &&
	grep -q '<td>without photo evidence of the repair</td><td class=\"n\">2</td>' '$OUT'"
check "text: the rate with one decimal" grep -q '^Rectification rate  *33.3 %$' "$T/text"
check "text: months below the target are marked" grep -q '^  2026-09     1  below target$' "$T/text" &&
	grep -q '^  2026-10     2$' "$T/text"
fc report --by enterprise
check "text by enterprise: names, a total row and the legend" grep -q '华东化工有限公司' "$OUT" &&
	grep -q '^TOTAL ' "$OUT" && grep -q 'SUPERV under listed supervision' "$OUT"
fc report --by town
check "text by town: an enterprise without a town is '(none)'" grep -q '^(none) ' "$OUT"

# Overdue moves with today.
FIELDCHECK_NOW=2027-01-01T08:00:00+08:00 fc report --format json
cp "$OUT" "$T/later.json"
check "on 2027-01-01 every open hazard is overdue" [ "$(sqlite3 :memory: \
	"SELECT json_extract(readfile('$T/later.json'), '\$.hazards.overdue') =
		json_extract(readfile('$T/later.json'), '\$.hazards.open')")" = 1 ]
FIELDCHECK_NOW=2026-09-01T08:00:00+08:00 fc report --format csv
check "on 2026-09-01 nothing is overdue yet" \
	[ "$(tr -d '\r' <"$OUT" | tail -n 1 | cut -d, -f17)" = 0 ]

# CSV for spreadsheets.
fc report --by enterprise --format csv --bom
check "--bom puts the UTF-8 byte-order mark first" [ "$(head -c 3 "$OUT" | od -An -tx1 | tr -d ' ')" = efbbbf ]
check "CSV lines end in CRLF" [ "$(head -n 1 "$OUT" | od -An -c | tr -d ' ' | tail -c 5)" = '\r\n' ]
check "CSV quotes a name with a comma and quotes" grep -q '"丙五金, ""加工"""' "$OUT"
fc report --format csv
check "without --bom there is none" [ "$(head -c 5 "$OUT")" = group ]

# --out writes the file whole; nothing is left beside it.
mkdir "$T/dest"
echo old >"$T/dest/r.json"
expect_exit 0 "--out replaces a file" report --format json --out "$T/dest/r.json"
check "the file is the report, stdout is empty" cmp -s "$T/dest/r.json" "$T/all.json" && [ ! -s "$OUT" ]
check "no temporary file is left" [ "$(ls "$T/dest")" = r.json ]
expect_err 1 "cannot write" "an unwritable --out fails with its name" \
	report --out "$T/nonexistent/r.csv" --format csv

expect_err 2 "unknown grouping 'county'" "an unknown grouping" report --by county
expect_err 2 "unknown format 'pdf'" "an unknown format" report --format pdf
expect_err 2 "--bom is for --format csv" "--bom without CSV" report --bom
expect_err 2 "--from 2026-10-01 is after --to 2026-09-01" "a period ending before it starts" \
	report --from 2026-10-01 --to 2026-09-01
expect_err 2 "month 2 has no day 30" "an impossible date" report --to 2026-02-30
expect_err 2 "not a date of the form YYYY-MM-DD" "a malformed date" report --from 2026/10/01
expect_err 2 "unexpected argument" "no positional arguments" report town
"$FC" -C "$T/nowhere" report >"$OUT" 2>"$ERR"
check "a missing workspace fails with status 1" [ $? -eq 1 ] && grep -q "$T/nowhere" "$ERR"
check "the report changed nothing" [ "$(sql 'PRAGMA integrity_check')" = ok ]
