# t_usage.sh - the usage text of `fieldcheck --help`, the README's
# "Subcommands" list and the man page name every verb and every option
# each subcommand's own parser accepts (its usage text, printed on a usage
# error, is the reference: it sits beside the option table it describes).
. "$FIELDCHECK_TOP/tests/lib.sh"

COMMANDS="init whoami enterprise forms inspection hazard remote roster guard
sync pull verify reindex repair report export evidence document numbers"

"$FC" --help >"$T/help" 2>&1
# The README's list: from its "## Subcommands" heading to the next heading.
sed -n '/^## Subcommands/,/^##* [^S]/p' "$TOP/README.md" >"$T/readme"
# The man page with its escapes taken off: "\-\-name \fIN\fP" reads "--name N".
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$TOP/docs/fieldcheck.1" >"$T/man"

# block KIND CMD: the lines of one document that describe CMD.
block() {
	case $1 in
	help) awk -v c="$2" '/^  [a-z]/ { on = ($1 == c || ($2 == "|" && $3 == c)) }
		/^$/ { on = 0 } on' "$T/help" ;; # the last one ends at the blank line
	readme) awk -v c="$2" '/^    fieldcheck / { on = ($2 == c || ($3 == "|" && $4 == c)) } on' \
		"$T/readme" ;;
	man) awk -v c="$2" '/^\.TP/ { start = 1; on = 0; next }
		start { on = ($2 == c); start = 0 } on' "$T/man" ;;
	esac
}

# words CMD: the verbs ("inspection resolve") and options its own usage names.
words() {
	"$FC" -C "$T/nowhere" "$1" --no-such-option 2>&1 >/dev/null |
		sed -n 's/^\(usage: \)\{0,1\} *fieldcheck //p; /^  *\[/p' >"$T/usage.$1"
	awk -v c="$1" '$1 == c && $2 ~ /^[a-z][a-z-]*$/ { print "verb:" $2 }' "$T/usage.$1"
	grep -o -- '--[a-z][a-z-]*' "$T/usage.$1" | grep -vx -e --format -e --no-such-option
}

for c in $COMMANDS; do
	[ -s "$T/usage.$c" ] || words "$c" >"$T/words.$c"
	[ -s "$T/usage.$c" ] || { not_ok "$c prints its usage on a usage error"; continue; }
	# The other way round: an option --help names is one the command's own
	# usage names too (a usage error must show what the command accepts).
	missing=
	for w in $(block help "$c" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		grep -q -E -e "(^|[^a-z-])$w([^a-z-]|\$)" "$T/usage.$c" || missing="$missing $w"
	done
	if [ -z "$missing" ]; then
		ok "$c's own usage names every option --help gives it"
	else
		not_ok "$c's own usage lacks:$missing"
	fi
	for kind in help readme man; do
		block "$kind" "$c" >"$T/block"
		missing=
		for w in $(sort -u "$T/words.$c"); do
			case $w in # a verb stands alone ("list", not "--list" or "listed")
			verb:*) w=${w#verb:} pat="(^|[ |])$w( |\$)" ;;
			*) pat="(^|[^a-z-])$w([^a-z-]|\$)" ;;
			esac
			grep -q -E -e "$pat" "$T/block" || missing="$missing $w"
		done
		if [ -s "$T/block" ] && [ -z "$missing" ]; then
			ok "$kind: $c, with all its verbs and options"
		else
			not_ok "$kind: $c lacks:${missing:- the command itself}"
		fi
	done
done
