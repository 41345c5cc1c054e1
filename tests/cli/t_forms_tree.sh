# t_forms_tree.sh - `make && ./fieldcheck` finds the shipped checklists.
#
# A binary run from its build tree, with FIELDCHECK_FORMS unset, lists the
# tree's forms/checklists (found from the binary's own path); the same
# binary anywhere else does not take forms from the current directory.
. "$FIELDCHECK_TOP/tests/lib.sh"

# The binary under test where the build put it ($FC is a copy in $T).
BUILT=$FIELDCHECK_BIN
TREE=$(cd "$TOP" && pwd -P)
mkdir -p "$T/home" "$T/elsewhere"

# bare BINARY ARGS: BINARY run as a newcomer would, no FIELDCHECK_FORMS,
# a home of its own, from $T/elsewhere; output in $OUT / $ERR.
bare() {
	bin=$1; shift
	(cd "$T/elsewhere" && env -u FIELDCHECK_FORMS -u FIELDCHECK_LOCALEDIR HOME="$T/home" \
		"$bin" "$@") >"$OUT" 2>"$ERR"
}

case $(cd "$(dirname "$BUILT")" && pwd -P) in
"$TREE" | "$TREE"/*)
	bare "$BUILT" forms list --format csv
	check "the built binary lists forms with FIELDCHECK_FORMS unset" [ $? -eq 0 ]
	tr -d '\r' <"$OUT" >"$T/list" && mv "$T/list" "$OUT"   # CSV lines end in CRLF
	for d in "$TOP"/forms/checklists/*/; do
		id=$(basename "$d")
		out_has "^$id,[0-9]*,[0-9]*,[0-9]*,$TREE/forms/checklists/$id," \
			"it lists the shipped $id from the tree's forms/checklists"
	done
	bare "$BUILT" forms check
	check "and the shipped forms check clean" grep -q "forms checked, no problems" "$OUT"
	;;
*)
	skip "the built binary finds the tree's forms" "$BUILT is not inside $TREE"
	;;
esac

# A binary with no tree beside it keeps the installed folder, whatever the
# current directory holds.
mkdir -p "$T/bin" "$T/elsewhere/forms"
cp -R "$TOP/forms/checklists" "$T/elsewhere/forms/"
cp "$BUILT" "$T/bin/fieldcheck"
bare "$T/bin/fieldcheck" forms list --format csv
check "a binary outside a tree lists no form from the current directory" \
	lacks "$T/elsewhere" "$OUT"
check "nor from the build tree" lacks "$TREE/forms/checklists" "$OUT"
