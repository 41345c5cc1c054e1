# tests/lib.sh - helpers for the shell tests: sourced by tests/*/t_*.sh.
#
# Each check prints "ok - WHAT" or "not ok - WHAT" (tests/run counts them).
# A test works in its own temporary folder, removed at exit; it never touches
# the user's workspace.
set -u
FC=${FIELDCHECK_BIN:?run through tests/run or make test}
TOP=${FIELDCHECK_TOP:?}
export FIELDCHECK_FORMS=${FIELDCHECK_FORMS:-$TOP/forms/checklists}
T=$(mktemp -d "${TMPDIR:-/tmp}/fieldcheck-test.XXXXXX")
WS=$T/ws
OUT=$T/out
ERR=$T/err
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset FIELDCHECK_HOME XDG_DATA_HOME FIELDCHECK_NOW
trap 'rm -rf "$T"' EXIT
# The binary under test, copied: a rebuild during the run cannot touch it.
# Its message catalogues stay where the build put them.
if [ -z "${FIELDCHECK_LOCALEDIR:-}" ]; then
	for d in "$(dirname "$FC")/build/locale" "$(dirname "$FC")/locale"; do
		[ -d "$d" ] && { export FIELDCHECK_LOCALEDIR=$(cd "$d" && pwd); break; }
	done
fi
cp "$FC" "$T/fieldcheck" && FC=$T/fieldcheck

ok() { echo "ok - $*"; }
not_ok() { echo "not ok - $*"; }
# skip WHAT WHY: a check that cannot run here, said so (tests/run counts it
# as skipped and lists it at the end, never as passed).
skip() { echo "ok - $1 # SKIP $2"; }

# fc ARGS: runs fieldcheck on the test's workspace, output in $OUT / $ERR.
fc() { "$FC" -C "$WS" "$@" >"$OUT" 2>"$ERR"; }

# lacks PATTERN FILE: true when FILE does not match PATTERN.
lacks() { ! grep -q -- "$1" "$2"; }

# check WHAT CMD...: ok when CMD succeeds.
check() {
	what=$1; shift
	if "$@"; then ok "$what"; else not_ok "$what"; show_output; fi
}

show_output() {
	[ -s "$OUT" ] && sed 's/^/    stdout: /' "$OUT" | head -n 20
	[ -s "$ERR" ] && sed 's/^/    stderr: /' "$ERR" | head -n 20
	return 0
}

# expect_exit CODE WHAT ARGS...: runs fc ARGS, ok when it exits with CODE.
expect_exit() {
	code=$1 what=$2; shift 2
	fc "$@"; rc=$?
	if [ "$rc" -eq "$code" ]; then ok "$what"; else not_ok "$what (exit $rc, wanted $code)"; show_output; fi
}

# expect_err CODE PATTERN WHAT ARGS...: exit CODE and stderr matching PATTERN.
expect_err() {
	code=$1 pat=$2 what=$3; shift 3
	fc "$@"; rc=$?
	if [ "$rc" -eq "$code" ] && grep -q -- "$pat" "$ERR"; then
		ok "$what"
	else
		not_ok "$what (exit $rc, wanted $code and stderr matching '$pat')"; show_output
	fi
}

# out_has PATTERN WHAT: the last command's stdout matches PATTERN.
out_has() {
	if grep -q -- "$1" "$OUT"; then ok "$2"; else not_ok "$2 (stdout lacks '$1')"; show_output; fi
}

# Valid unified social credit codes for tests (check characters computed).
USCC1=91350100M000100Y43
USCC2=91110108551385082Q
USCC3=913301007517016836

# init_ws: a fresh inspector workspace in $WS.
init_ws() {
	"$FC" -C "$WS" init --name "张三" --badge ZJ-0001 --dept "区应急管理局" >/dev/null ||
		{ not_ok "init workspace"; exit 1; }
}

# sql QUERY: runs QUERY on the workspace's store with the sqlite3 shell.
sql() { sqlite3 "$WS/store.db" "$@"; }

# hazmat_failed PRODUCTS: a joint hazmat-loading draft at $USCC1 (added here,
# with its address) on 2号装车台 with 李四 of transport, a vehicle
# spot-checked (浙A12345, 液氨), every check passed but the crew's
# qualifications (押运员证过期, due 2026-12-05) and the swivel arm (液氨用软管
# 充装, due 2027-02-26); its id in $id, the first 8 in $short.  The
# documents' tests share it.
hazmat_failed() {
	fc enterprise add --code "$USCC1" --name 华东化工有限公司 --address 城东路1号
	id=$("$FC" -C "$WS" inspection new --form hazmat-loading --enterprise "$USCC1" --type joint \
		--location 2号装车台 --member "李四:JT-0042:区交通运输局" 2>/dev/null)
	short=$(printf %.8s "$id")
	hz_answer products "$1"
	hz_answer spot_check yes
	hz_answer vehicle_plate 浙A12345
	hz_answer product_loaded 液氨
	for item in vehicle_permits tank_inspection goods_match_waybill permitted_media \
		waybill_carried pretrip_check warning_marks no_overload escort_present emergency_kit \
		filling_records; do
		hz_answer "$item" pass
	done
	hz_answer crew_qualifications fail --note 押运员证过期 --deadline 2026-12-05
	hz_answer swivel_arm fail --note 液氨用软管充装 --deadline 2027-02-26
}
hz_answer() { "$FC" -C "$WS" inspection answer "$id" "$@" >/dev/null || not_ok "answer $*"; }
