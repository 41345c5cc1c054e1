# t_concurrent.sh - twenty devices, each with 50 new inspections, sync into
# one central repository at the same moment, over file:// and over ssh://:
# all 1000 end up in central, none twice, and every process exits 0.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
N=20 PER=50

# prepare PREFIX URL [KEY]: N devices, each with PER inspections.
prepare() {
	for i in $(seq "$N"); do
		d="$1$i"
		device "$d" "B-$1$i" "$2" ${3:+"$3"} || not_ok "device $d"
		"$FC" -C "$T/$d" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
		for _ in $(seq "$PER"); do
			"$FC" -C "$T/$d" inspection new --form six-ones --enterprise "$USCC1" >>"$T/$1.ids"
		done
	done
}

# race PREFIX: every device syncs at once; prints how many failed.
race() {
	pids=""
	for i in $(seq "$N"); do
		"$FC" -C "$T/$1$i" sync >"$T/$1$i.out" 2>"$T/$1$i.err" &
		pids="$pids $!"
	done
	bad=0
	for p in $pids; do wait "$p" || bad=$((bad + 1)); done
	echo "$bad"
}

# in_central REPO IDS: how many of IDS central's branch holds, and how many
# inspection files it holds in all.
count_central() {
	git --git-dir="$1" ls-tree -r --name-only main | grep '^inspections/' | sed 's|.*/||; s|\.json$||' | sort >"$T/central.list"
	sort "$2" >"$T/ids.sorted"
	echo "$(comm -12 "$T/central.list" "$T/ids.sorted" | wc -l) $(wc -l <"$T/central.list") $(sort -u "$T/central.list" | wc -l)"
}

central "$T/fc.git"
prepare f "file://$T/fc.git"
bad=$(race f)
check "over file://: all $N processes exit 0 ($bad failed)" [ "$bad" -eq 0 ]
[ "$bad" -eq 0 ] || cat "$T"/f*.err | head -20
set -- $(count_central "$T/fc.git" "$T/f.ids")
check "over file://: all $((N * PER)) inspections are in central ($1)" [ "$1" -eq $((N * PER)) ]
check "none twice ($2 files, $3 distinct)" [ "$2" -eq "$3" ] && [ "$2" -eq $((N * PER)) ]
check "central passes git fsck" git --git-dir="$T/fc.git" fsck --no-progress

mkdir -p "$T/srv"
central "$T/srv/sc.git"
start_sshd || not_ok "sshd did not start"
prepare s "ssh://$SSH_USER@127.0.0.1:$SSH_PORT$T/srv/sc.git" "$T/id_ed25519"
bad=$(race s)
check "over ssh://: all $N processes exit 0 ($bad failed)" [ "$bad" -eq 0 ]
[ "$bad" -eq 0 ] || cat "$T"/s*.err | head -20
set -- $(count_central "$T/srv/sc.git" "$T/s.ids")
check "over ssh://: all $((N * PER)) inspections are in central ($1)" [ "$1" -eq $((N * PER)) ]
check "none twice ($2 files, $3 distinct)" [ "$2" -eq "$3" ]
check "a late device pulls them all" sh -c "'$FC' -C '$T/f1' sync >/dev/null && '$FC' -C '$T/f1' inspection list --format csv | wc -l | grep -qx $((N * PER + 1))"
