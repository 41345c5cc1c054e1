# bench/province.sh - sourced by bench/run.sh: the province figure.
#
# A size of 1 000 000 or more in BENCH_SIZES (BENCH_PROVINCE_FROM: a smaller
# threshold, to try it on a small province)
# is a province: ten district centrals of a tenth each, pulled by one
# supervisor into one store, the way a provincial office adds each
# district's central as a remote.  The districts share the generated
# enterprises and forms (one base commit, cloned) and number their
# inspections apart (gen --start), so nothing of one district clashes with
# another's.  Lines:
#
#   province_generate      the ten centrals
#   province_pull          each district's first pull into the one store
#                          (init --from the first, remote add + pull the
#                          others) beside `git clone --bare` of the first
#                          and `git fetch` of each other into that clone
#   province_pull_total    the ten together, beside git's ten
#   pull_100, report_*, list_*   as for one district, on the province's store

province_gen() { # province_gen I: district I's central in $D/c$I.git
	git clone -q --bare "$D/base.git" "$D/c$1.git"
	"$TOOLS/gen" central --start $(($1 * PER)) --inspections "$PER" --base "$N" \
		2>>"$D/gen.err" |
		GLIBC_TUNABLES=glibc.malloc.trim_threshold=268435456:glibc.malloc.top_pad=67108864 \
		git -C "$D/c$1.git" fast-import --quiet
}

province_pulls() {
	ours_t=0 git_t=0 ours_c=0 git_c=0 peak=0 gpeak=0
	i=0
	while [ "$i" -lt 10 ]; do
		if [ "$i" = 0 ]; then
			timed gclone git clone --bare -q "file://$D/c0.git" "$D/git.git"
		else
			timed gclone git -C "$D/git.git" fetch -q "file://$D/c$i.git" \
				"+refs/heads/main:refs/remotes/c$i/main"
		fi
		g_s=$SECS g_c=$CPU g_kb=$KB
		if [ "$i" = 0 ]; then
			timed pull$i "$FC" -C "$D/sup" init --name 督导员 --badge JG-0001 \
				--dept 市应急管理局 --supervisor --from "file://$D/c0.git"
		else
			"$FC" -C "$D/sup" remote add "c$i" "file://$D/c$i.git" >/dev/null
			timed pull$i "$FC" -C "$D/sup" pull "c$i"
		fi
		printf 'bench province_pull n=%s district=%s %s maxrss_kb=%s git_maxrss_kb=%s store_kib=%s\n' \
			"$N" "$i" "$(pair "$SECS" "$g_s" "$CPU" "$g_c")" "$KB" "$g_kb" "$(kib "$D/sup/store.db")"
		ours_t=$(awk -v a="$ours_t" -v b="$SECS" 'BEGIN { print a + b }')
		git_t=$(awk -v a="$git_t" -v b="$g_s" 'BEGIN { print a + b }')
		ours_c=$(awk -v a="$ours_c" -v b="$CPU" 'BEGIN { print a + b }')
		git_c=$(awk -v a="$git_c" -v b="$g_c" 'BEGIN { print a + b }')
		[ "$KB" -le "$peak" ] || peak=$KB
		[ "$g_kb" -le "$gpeak" ] || gpeak=$g_kb
		i=$((i + 1))
	done
	got=$(sqlite3 "$D/sup/store.db" "SELECT count(*) FROM inspections" 2>/dev/null || echo "?")
	printf 'bench province_pull_total n=%s %s maxrss_kb=%s git_maxrss_kb=%s inspections=%s replica_kib=%s store_kib=%s\n' \
		"$N" "$(pair "$ours_t" "$git_t" "$ours_c" "$git_c")" "$peak" "$gpeak" "$got" \
		"$(kib "$D/sup/replica.git")" "$(kib "$D/sup/store.db")"
}

province() {
	N=$1 PER=$(($1 / 10))
	D=$WORK/province$N
	rm -rf "$D" && mkdir -p "$D"
	FIELDCHECK_NOW=$("$TOOLS/gen" now "$N")
	export FIELDCHECK_NOW
	git init -q --bare --initial-branch=main "$D/base.git"
	"$TOOLS/gen" central --inspections 0 --base "$N" 2>"$D/base.err" |
		git -C "$D/base.git" fast-import --quiet
	start=$(date +%s.%N)
	i=0
	while [ "$i" -lt 10 ]; do province_gen "$i"; i=$((i + 1)); done
	printf 'bench province_generate n=%s districts=10 seconds=%s\n' "$N" \
		"$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')"
	province_pulls

	# 100 new inspections in one district, pulled three times.
	ours="" gits="" kbs="" cpus="" gcpus=""
	for r in 0 1 2; do
		"$TOOLS/gen" central --start $((N + 100 * r)) --inspections 100 --base "$N" 2>/dev/null |
			git -C "$D/c3.git" fast-import --quiet
		timed fetch git -C "$D/git.git" fetch -q "file://$D/c3.git" "+refs/heads/main:refs/remotes/c3/main"
		gits="$gits $SECS" gcpus="$gcpus $CPU"
		timed pull "$FC" -C "$D/sup" pull c3
		ours="$ours $SECS" kbs="$kbs $KB" cpus="$cpus $CPU"
	done
	printf 'bench pull_100 n=%s %s maxrss_kb=%s province=1\n' "$N" \
		"$(pair "$(median $ours)" "$(median $gits)" "$(median $cpus)" "$(median $gcpus)")" \
		"$(median $kbs)"
	for by in town month dept; do
		"$FC" -C "$D/sup" report --by "$by" >/dev/null
		timed report "$FC" -C "$D/sup" report --by "$by"
		printf 'bench report_%s n=%s ours=%s ours_cpu=%s maxrss_kb=%s province=1\n' "$by" "$N" \
			"$SECS" "$CPU" "$KB"
	done
	"$TOOLS/pages" "$D/sup" | sed "s/^bench \(list_[a-z_]*\) /bench \1 n=$N province=1 /"
	[ -n "${BENCH_KEEP:-}" ] || rm -rf "$D"
}
