# t_layers.sh - the layers, by folder: what each may include and call.
#
# core/ is the model and the store; forms/ holds the form engine that reads
# checklists (forms/engine/), the inspection use cases that answer through a
# form (forms/inspect/) and the shipped checklists, data only
# (forms/checklists/); sync/ alone speaks git (libgit2); tui/ holds the two
# front ends, the
# command line (tui/cli/, plain stdio) and the screens (tui/screens/,
# ncurses), with main() in tui/main.c choosing between them.  Each file is
# run through the preprocessor (cc -M) with the build's include flags, so a
# header pulled in through another header counts as well.
. "$FIELDCHECK_TOP/tests/lib.sh"

cd "$TOP" || exit 1
CPP_FLAGS="-D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -I. \
$(pkg-config --cflags ncursesw sqlite3 libgit2 zlib libcrypto 2>/dev/null)"

# deps FILE: every header FILE reaches, one a line, "./" dropped.  -MG lists
# a header that is not installed instead of failing.
deps() {
	case $1 in *.h) lang="-x c" ;; *) lang= ;; esac
	# shellcheck disable=SC2086
	${CC:-cc} $CPP_FLAGS $lang -M -MG "$1" 2>/dev/null |
		tr ' \\' '\n\n' | sed -n 's|^\./||; /\.h$/p' | sort -u
}

# sources DIR...: the .c and .h files right in each DIR.
sources() {
	for d in "$@"; do
		ls "$d"/*.c "$d"/*.h 2>/dev/null
	done
}

GIT2='(^|/)git2\.h$|/git2/'
CURSES='(^|/)n?curses\.h$|/ncursesw?/'

# reaches_none WHAT PATTERN DIR...: ok when no file of the DIRs reaches a header
# matching PATTERN (an extended regex); else names each file and header.
reaches_none() {
	what=$1 pat=$2; shift 2
	bad=$T/bad
	: >"$bad"
	files=$(sources "$@")
	if [ -z "$files" ]; then
		not_ok "$what (no sources in $*)"
		return
	fi
	for f in $files; do
		deps "$f" | grep -E -m 1 -- "$pat" | sed "s|^|$f: |" >>"$bad"
	done
	if [ -s "$bad" ]; then
		not_ok "$what"
		sed 's/^/    /' "$bad" | head -n 20
	else
		ok "$what"
	fi
}

check "tui/ holds the command line in cli/" [ -f tui/cli/cli.h ]
check "tui/ holds the screens in screens/" [ -f tui/screens/ui.h ]
check "tui/ holds main.c and no other source beside the two rooms" \
	[ "$(ls tui/*.c tui/*.h 2>/dev/null)" = tui/main.c ]
check "forms/ holds engine/, inspect/ and checklists/ and nothing beside them" \
	[ "$(ls forms | tr '\n' ' ')" = "checklists engine inspect " ]
# The checklists are data a district edits: one folder per form, holding
# CSV files only (no code, no script, nothing executable, no subfolder).
# not_data: every path under forms/checklists/ that breaks that rule.
not_data() {
	find forms/checklists -mindepth 1 -maxdepth 1 ! -type d
	find forms/checklists -mindepth 2 -maxdepth 2 ! \( -type f -name '*.csv' ! -perm /111 \)
	find forms/checklists -mindepth 3
}
check "forms/checklists/ holds checklists" [ -f forms/checklists/six-ones/survey.csv ]
check "forms/checklists/ holds no code: only CSV files, one folder per form" \
	[ -z "$(not_data)" ]

reaches_none "the command line (tui/cli/) includes no curses" "$CURSES" tui/cli
reaches_none "the command line (tui/cli/) includes nothing of the screens" \
	'^tui/screens/' tui/cli
reaches_none "the screens (tui/screens/) include nothing of the command line" \
	'^tui/cli/' tui/screens
reaches_none "nothing under tui/ reaches git2.h" "$GIT2" tui tui/cli tui/screens
reaches_none "core/ reaches neither git2.h nor curses" "$GIT2|$CURSES" core
reaches_none "forms/ reaches neither git2.h nor curses" "$GIT2|$CURSES" forms/engine forms/inspect
reaches_none "sync/ reaches no curses" "$CURSES" sync
reaches_none "core/ includes nothing of forms/, sync/ or tui/" '^(forms|sync|tui)/' core
reaches_none "forms/engine/ includes nothing of forms/inspect/, sync/ or tui/" \
	'^(forms/inspect|sync|tui)/' forms/engine
reaches_none "forms/inspect/ includes nothing of sync/ or tui/" '^(sync|tui)/' forms/inspect
reaches_none "sync/ includes nothing of tui/" '^tui/' sync

# calls_none WHAT FROM TO: ok when the objects built from folder FROM use
# nothing that those of folder TO define (both lists read, or it is not ok).
calls_none() {
	nm -u "$OBJ/$2"/*.o | awk 'NF == 2 { print $2 }' | sort -u >"$T/used"
	nm --defined-only "$OBJ/$3"/*.o | awk '$2 ~ /^[TDBR]$/ { print $3 }' | sort -u >"$T/defined"
	comm -12 "$T/used" "$T/defined" >"$T/both"
	if [ -s "$T/used" ] && [ -s "$T/defined" ] && [ ! -s "$T/both" ]; then
		ok "$1"
	else
		not_ok "$1"
		sed 's/^/    /' "$T/both" | head -n 20
	fi
}

# The objects of the build under test: $FIELDCHECK_UNITS is BUILD/tests.
OBJ=$(dirname "$FIELDCHECK_UNITS")
if ls "$OBJ"/tui/cli/*.o "$OBJ"/tui/screens/*.o >/dev/null 2>&1; then
	calls_none "the command line calls nothing the screens define" tui/cli tui/screens
	calls_none "the screens call nothing the command line defines" tui/screens tui/cli
else
	not_ok "the objects of tui/cli/ and tui/screens/ are in $OBJ (build first)"
fi
if ls "$OBJ"/forms/engine/*.o "$OBJ"/forms/inspect/*.o >/dev/null 2>&1; then
	calls_none "the form engine calls nothing the inspection use cases define" \
		forms/engine forms/inspect
else
	not_ok "the objects of forms/engine/ and forms/inspect/ are in $OBJ (build first)"
fi
