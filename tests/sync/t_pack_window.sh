# t_pack_window.sh - the packs a sync builds: the replica's delta window is
# set once (pack.windowMemory, sync/gitutil.c) and one set by hand stands;
# with it, a sync's records are still stored as deltas of one another
# (export.c names them by form for libgit2's delta search, sync/newobjs.c),
# in the pack the central gets.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
C=$T/central.git
central "$C"
device a ZJ-0001 "$C"
cfg() { git --git-dir="$T/a/replica.git" config "$@"; }

on a enterprise add --code "$USCC1" --name 甲化工
on a enterprise add --code "$USCC2" --name 乙化工
for code in "$USCC1" "$USCC2" "$USCC1" "$USCC2" "$USCC1" "$USCC2"; do
	id=$(new_inspection a "$code")
	on a inspection answer "$id" safety_office pass
	on a inspection answer "$id" risk_map pass
done
on a sync
check "the sync succeeds" [ $? -eq 0 ]
check "the replica's delta window is set" [ "$(cfg pack.windowMemory)" = 16384 ]

# The newest pack of the central: what this sync sent.
newest() { ls -t "$C"/objects/pack/pack-*.idx | head -n 1; }
# deltas IDX: blobs stored as a delta of another object in that pack
deltas() { git verify-pack -v "$1" | awk 'NF == 7 && $2 == "blob"' | grep -c .; }
d=$(deltas "$(newest)")
check "the inspections went to the central as deltas of one another ($d)" \
	[ "$d" -ge 4 ]

cfg pack.windowMemory 1m
id=$(new_inspection a "$USCC2")
on a inspection answer "$id" risk_map fail --note 未张贴
on a sync
check "a second sync succeeds" [ $? -eq 0 ]
check "a window set by hand stands" [ "$(cfg pack.windowMemory)" = 1m ]
check "the central took it all" \
	[ "$(git --git-dir="$C" rev-parse main)" = "$(git --git-dir="$T/a/replica.git" rev-parse main)" ]
