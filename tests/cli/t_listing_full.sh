# t_listing_full.sh - every listing says the same when its output cannot be
# written (a full disk: /dev/full), and fails: nothing is lost in silence.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
[ -w /dev/full ] || { skip "listings to a full disk" "no /dev/full here"; exit 0; }

# to_full CMD: CMD's listing written to a full disk fails, saying why.
to_full() {
	cmd=$1
	# shellcheck disable=SC2086
	"$FC" -C "$WS" $cmd >/dev/full 2>"$ERR"
	rc=$?
	check "$cmd to a full disk fails (exit 1, got $rc)" [ "$rc" = 1 ]
	check "$cmd says it cannot write the listing, and why" \
		grep -q "^fieldcheck: cannot write the listing: No space left on device" "$ERR"
}

for cmd in "enterprise list" "forms list" "hazard list" "inspection list" "whoami" \
	"remote list" "roster list"; do
	to_full "$cmd"
done

# The listings read a page at a time print CSV and JSON as the pages come:
# a write that fails on the way fails the same.
fc inspection new --form six-ones --enterprise "$USCC1" >/dev/null
for cmd in "inspection list --format json" "inspection list --format csv" \
	"hazard list --format json"; do
	to_full "$cmd"
done
