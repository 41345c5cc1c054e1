# t_readonly.sh - verify reads only: it checks a workspace nobody may write
# (chmod -R a-w, a copy on read-only media) and changes nothing in it.
# Root ignores permissions, so as root the checks run as the user fcssh
# (the SSH tests' user); each case first proves that user cannot write
# there, and fails, never skips, when it can.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/central.git"
device a ZJ-0001 "$T/central.git"
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
new_inspection a "$USCC1" >/dev/null
"$FC" -C "$T/a" sync >/dev/null || not_ok "first sync"

if [ "$(id -u)" = 0 ]; then
	id fcssh >/dev/null 2>&1 || useradd -M -d /nonexistent -s /bin/sh fcssh
	chmod 755 "$T"
	as_reader() { setpriv --reuid=fcssh --regid=fcssh --clear-groups -- "$@"; }
	owner=fcssh
else
	as_reader() { "$@"; }
	owner=$(id -un)
fi

# readonly_copy NAME: a copy of a's workspace in $T/NAME, owned by the
# reader, every write permission removed.
readonly_copy() {
	cp -a "$T/a" "$T/$1" && chown -R "$owner" "$T/$1" && chmod -R a-w "$T/$1"
}

# state DIR: every file's name, size and modification time.
state() { find "$1" -printf '%p %s %T@ %m\n' | sort; }

# verify_readonly NAME WHAT: verify as the reader on $T/NAME, which the
# reader must be unable to write.
verify_readonly() {
	if as_reader sh -c "touch '$T/$1/probe' || : >>'$T/$1/store.db' || : >>'$T/$1/replica.git/HEAD'" 2>/dev/null; then
		not_ok "$2: the workspace could not be made read-only for $owner"
		return
	fi
	state "$T/$1" >"$T/$1.before"
	as_reader "$FC" -C "$T/$1" verify >"$OUT" 2>"$ERR"; rc=$?
	check "$2: verify passes (exit $rc)" [ "$rc" -eq 0 ]
	out_has "^ok: the store is sound and the replica's 2 records are valid" "$2: and says what it checked"
	state "$T/$1" >"$T/$1.after"
	check "$2: nothing in the workspace changed" cmp -s "$T/$1.before" "$T/$1.after"
}

# As a workspace is after use: the sync lock and the store's WAL and index
# files are there.
readonly_copy ro
check "the copy has the store's WAL, its index and the sync lock" \
	[ -e "$T/ro/store.db-wal" ] && [ -e "$T/ro/store.db-shm" ] && [ -e "$T/ro/sync.lock" ]
verify_readonly ro "a workspace made read-only"

# A copy of the files alone (an evidence copy on a CD): no lock file, no
# WAL index to read the store through.
cp -a "$T/a" "$T/bare"
sqlite3 "$T/bare/store.db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
rm -f "$T/bare/store.db-wal" "$T/bare/store.db-shm" "$T/bare/sync.lock"
chown -R "$owner" "$T/bare" && chmod -R a-w "$T/bare"
verify_readonly bare "a copy with no lock and no WAL index"

# A problem is still found read-only: a record in the replica changed by
# another program (no longer in canonical form).
cp -a "$T/a" "$T/broken"
G="git --git-dir=$T/broken/replica.git"
path=$($G ls-tree -r --name-only main | grep '^enterprises/')
blob=$($G show "main:$path" | sed 's/"name": /"name":  /' | $G hash-object -w --stdin)
export GIT_INDEX_FILE="$T/index"
$G read-tree main && $G update-index --cacheinfo "100644,$blob,$path" &&
	$G update-ref refs/heads/main "$($G commit-tree "$($G write-tree)" -p main -m changed)" ||
	not_ok "changing a record in the replica"
unset GIT_INDEX_FILE
chown -R "$owner" "$T/broken" && chmod -R a-w "$T/broken"
as_reader "$FC" -C "$T/broken" verify >"$OUT" 2>"$ERR"; rc=$?
check "read-only, verify still finds a problem (exit $rc)" [ "$rc" -eq 1 ]
check "and names it" grep -q "$path.*not in canonical form" "$ERR"
