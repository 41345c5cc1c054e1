#!/bin/sh
# bench/report.sh [N] - how long `fieldcheck report` takes on a big store.
#
# Fills a temporary workspace with N generated inspections (100 000 unless
# given): enterprises with valid credit codes in 12 towns, one real
# inspection per shipped form made through the command line (so the forms
# are in the store), then the rest in bulk SQL inside one transaction: teams,
# 14 answers each (1.4 million at 100 000), about 1.4 hazards each with
# their event logs, nine in ten finalized.  Then it times every report (wall
# seconds and peak memory, from /usr/bin/time) and prints them with the
# store's size.  A measurement, not a pass/fail test.
#
# FIELDCHECK_BIN names the binary (./fieldcheck by default); KEEP=1 keeps
# the workspace and prints where it is.  E sets the enterprises (500) and
# DAYS the days the inspections span (730, from 2025-01-01): the province
# of bench/province.sh has 5000 and about 17 500 (80 a working day), which
# makes a report by month count about a million (month, enterprise) pairs.
set -eu
N=${1:-100000}
top=$(cd "$(dirname "$0")/.." && pwd)
FC=${FIELDCHECK_BIN:-$top/fieldcheck}
export FIELDCHECK_FORMS=${FIELDCHECK_FORMS:-$top/forms/checklists}
export LC_ALL=C.UTF-8 FIELDCHECK_NOW=2026-11-28T09:30:00+08:00
T=$(mktemp -d "${TMPDIR:-/tmp}/fieldcheck-bench.XXXXXX")
[ "${KEEP:-}" ] || trap 'rm -rf "$T"' EXIT
WS=$T/ws
E=${E:-500}   # enterprises
DAYS=${DAYS:-730}

# Valid unified social credit codes (GB 32100-2015): 17 characters, then the
# check character.  Prints "code|name|town" lines.
enterprises() {
	awk -v n="$E" 'BEGIN {
		a = "0123456789ABCDEFGHJKLMNPQRTUWXY"
		split("1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28", w, " ")
		for (k = 1; k <= n; k++) {
			body = sprintf("91330213%09d", 300000000 + k * 7919)
			s = 0
			for (j = 1; j <= 17; j++)
				s += (index(a, substr(body, j, 1)) - 1) * w[j]
			c = (31 - s % 31) % 31
			printf "%s%s|企业%04d有限公司|镇街%02d\n", body, substr(a, c + 1, 1), k, k % 12
		}
	}'
}

start=$(date +%s.%N)
"$FC" -C "$WS" init --name 基准员 --badge BENCH-001 --dept 区应急管理局 >/dev/null
enterprises >"$T/ent.txt"
sqlite3 "$WS/store.db" <<EOF
BEGIN;
CREATE TEMP TABLE e(code TEXT, name TEXT, town TEXT);
.mode list
.separator |
.import $T/ent.txt e
INSERT INTO enterprises(code, name, town, industry, address, changed_at)
  SELECT code, name, town, 'C26', '', '2025-01-01T08:00:00+08:00' FROM temp.e;
COMMIT;
EOF
# One real inspection per form, so the forms are stored as the CLI stores them.
first=$(head -n 1 "$T/ent.txt" | cut -d'|' -f1)
for f in hazmat-loading confined-space molten-metal rental-fire six-ones joint-transport; do
	"$FC" -C "$WS" inspection new --form "$f" --enterprise "$first" >/dev/null
done

sqlite3 "$WS/store.db" <<EOF
PRAGMA cache_size = -200000;
BEGIN;
CREATE TEMP TABLE ent(k INTEGER PRIMARY KEY, code TEXT);
INSERT INTO ent(k, code) SELECT row_number() OVER (ORDER BY code) - 1, code FROM enterprises;
CREATE TEMP TABLE frm(k INTEGER PRIMARY KEY, id TEXT, version INTEGER);
INSERT INTO frm(k, id, version) SELECT row_number() OVER (ORDER BY id) - 1, id, version FROM forms;
CREATE TEMP TABLE depts(k INTEGER PRIMARY KEY, dept TEXT);
INSERT INTO depts VALUES (0, '区应急管理局'), (1, '区交通运输局'), (2, '公安分局'),
  (3, '区市场监管局'), (4, '综合行政执法局');
-- The generated inspections: n, its id, enterprise, form, type, date, creator.
CREATE TEMP TABLE g(n INTEGER PRIMARY KEY, id TEXT, enterprise TEXT, form TEXT, version INTEGER,
  type TEXT, at TEXT, badge TEXT, dept INTEGER);
WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < $N - 6)
INSERT INTO g SELECT n, printf('%08x-%04x-4%03x-8%03x-%012x', n, n % 65536, n % 4096,
    (n * 7) % 4096, n * 7919),
  (SELECT code FROM ent WHERE k = (n * 31) % $E),
  (SELECT id FROM frm WHERE k = n % 6), (SELECT version FROM frm WHERE k = n % 6),
  CASE n % 10 WHEN 1 THEN 'joint' WHEN 2 THEN 'unannounced' WHEN 3 THEN 'recheck'
    ELSE 'routine' END,
  date('2025-01-01', '+' || ((n * 7) % $DAYS) || ' days') ||
    printf('T%02d:%02d:00+08:00', 8 + n % 10, n % 60),
  printf('INS-%03d', n % 40), n % 5
  FROM c;
INSERT INTO inspections(id, form_id, form_version, enterprise, type, status, location,
    created_at, created_by, changed_at)
  SELECT id, form, version, enterprise, type, 'draft', '', at, badge, at FROM g;
INSERT INTO team(inspection, seq, badge, name, dept)
  SELECT id, 1, badge, '检查员' || badge, (SELECT dept FROM depts WHERE k = g.dept) FROM g;
INSERT INTO team(inspection, seq, badge, name, dept)
  SELECT id, 1 + m, printf('JNT-%d-%03d', m, n % 50), '联合' || m,
    (SELECT dept FROM depts WHERE k = (g.dept + m) % 5)
  FROM g, (SELECT 1 AS m UNION ALL SELECT 2) WHERE type IN ('joint', 'unannounced');
INSERT INTO answers(inspection, item, value, note, by, at)
  SELECT id, printf('item_%02d', q), CASE WHEN (n + q) % 23 = 0 THEN 'fail' ELSE 'pass' END,
    '', badge, at
  FROM g, (WITH RECURSIVE k(q) AS (SELECT 1 UNION ALL SELECT q + 1 FROM k WHERE q < 14)
           SELECT q FROM k);
-- Hazards: 0, 0, 0, 1, 1, 1, 2, 2, 3, 4 by n % 10 (1.4 on average).
CREATE TEMP TABLE h(id TEXT PRIMARY KEY, n INTEGER, j INTEGER, major INTEGER, due TEXT);
INSERT INTO h SELECT printf('%08x-%04x-4000-9000-%012x', n, j, n * 104729 + j), n, j,
    (n * 7 + j) % 499 = 0, date(substr(at, 1, 10), '+7 days')
  FROM g, (SELECT 1 AS j UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4)
  WHERE j <= CASE (n * 13) % 10 WHEN 3 THEN 1 WHEN 4 THEN 1 WHEN 5 THEN 1 WHEN 6 THEN 2
    WHEN 7 THEN 2 WHEN 8 THEN 3 WHEN 9 THEN 4 ELSE 0 END;
INSERT INTO hazards(id, inspection, item, severity, description, deadline, changed_at)
  SELECT h.id, g.id, printf('item_%02d', h.j), CASE WHEN major THEN 'major' ELSE 'general' END,
    '生成的隐患 ' || h.n || '-' || h.j, due, g.at
  FROM h JOIN g USING (n);
-- Events: found; a notice for 9 in 10; rectified for about 96 in 100; of
-- those, verified for 7 in 10; supervision for every major one.
INSERT INTO hazard_events(hazard, seq, kind, at, by, by_name, date, note)
  SELECT h.id, 1, 'found', g.at, g.badge, '检查员', '', '' FROM h JOIN g USING (n);
INSERT INTO hazard_events(hazard, seq, kind, at, by, by_name, date, note)
  SELECT h.id, 2, 'notice', g.at, g.badge, '检查员', h.due, '责令限期整改'
  FROM h JOIN g USING (n) WHERE (h.n + h.j) % 10 <> 0;
INSERT INTO hazard_events(hazard, seq, kind, at, by, by_name, date, note)
  SELECT h.id, 3, 'rectified', date(h.due, '-2 days') || 'T10:00:00+08:00', g.badge,
    '检查员', '', '' FROM h JOIN g USING (n) WHERE (h.n * 3 + h.j) % 25 <> 0;
INSERT INTO hazard_events(hazard, seq, kind, at, by, by_name, date, note)
  SELECT h.id, 4, 'verified', h.due || 'T15:00:00+08:00', g.badge, '检查员', '', '复查合格'
  FROM h JOIN g USING (n) WHERE (h.n * 3 + h.j) % 25 <> 0 AND (h.n + 3 * h.j) % 10 < 7;
INSERT INTO hazard_events(hazard, seq, kind, at, by, by_name, date, note)
  SELECT h.id, 5, 'supervise', g.at, g.badge, '检查员', '', '挂牌督办'
  FROM h JOIN g USING (n) WHERE major;
UPDATE inspections SET status = 'final', finalized_at = created_at
  WHERE id IN (SELECT id FROM g WHERE n % 10 <> 0);
COMMIT;
EOF
filled=$(date +%s.%N)

count() { sqlite3 "$WS/store.db" "SELECT count(*) FROM $1"; }
printf 'store: %s inspections, %s answers, %s hazards, %s hazard events, %s enterprises\n' \
	"$(count inspections)" "$(count answers)" "$(count hazards)" "$(count hazard_events)" \
	"$(count enterprises)"
printf 'filled in %.1f s; store.db %s MB\n' "$(echo "$filled - $start" | bc)" \
	"$(du -m "$WS/store.db" | cut -f1)"

# One report: wall and CPU seconds and peak memory, the best of three runs
# after one to warm the cache (the machine may be busy: CPU time is the
# steadier figure).
timed() {
	what=$1; shift
	"$FC" -C "$WS" report "$@" >/dev/null
	best=""
	for _ in 1 2 3; do
		/usr/bin/time -f '%e %U %S %M' -o "$T/time" "$FC" -C "$WS" report "$@" >"$T/out"
		read -r s u y kb <"$T/time"
		cpu=$(echo "$u + $y" | bc)
		if [ -z "$best" ] || [ "$(echo "$cpu < $best" | bc)" = 1 ]; then
			best=$cpu wall=$s peak=$kb
		fi
	done
	printf '%-44s %6.2f s %6.2f s %8d KB %8d\n' "$what" "$wall" "$best" "$peak" \
		"$(wc -c <"$T/out")"
}
echo "report (best of 3)                              wall      CPU      peak mem   bytes out"
timed "report"
timed "report --format json" --format json
timed "report --from 2026-01-01 --to 2026-03-31" --from 2026-01-01 --to 2026-03-31
timed "report --by form" --by form
timed "report --by town" --by town
timed "report --by dept" --by dept
timed "report --by month" --by month
timed "report --by enterprise" --by enterprise
timed "report --by enterprise --format csv" --by enterprise --format csv
timed "report --by month --format html" --by month --format html
timed "report --by enterprise --format html" --by enterprise --format html
timed "report --final --by town --format json" --final --by town --format json
[ -z "${KEEP:-}" ] || echo "workspace kept: $WS"
