#!/bin/sh
# bench/run.sh - fieldcheck's benchmarks (`make bench`): measurements beside
# the same work done by the git command line, not pass/fail tests.
#
# For N = 1 000, 10 000 and 100 000 inspections (BENCH_SIZES; none above
# BENCH_MAX; 1 000 000 and more is a province of ten centrals, see
# bench/province.sh) it generates a central repository of N inspections (bench/gen
# into `git fast-import`), then prints one line per figure:
#
#   first_pull   `init --supervisor --from file://` (clone and import) and
#                `git clone --bare`; first_pull_daemon: the same over git://,
#                first_pull_ssh: over ssh:// (sshd on 127.0.0.1, a key)
#   import       the import alone: `reindex` of a copy of the supervisor's
#                replica into an empty store; inspections stored per CPU second
#   pull_100     `pull` of 100 new inspections (median of 3) and `git fetch`
#   sync_1000    `sync` of 1000 new inspections waiting in the outbox, and
#                writing the files, `git add`, `git commit`, `git push`
#   sync_1000_daemon   the same over git:// (git daemon on 127.0.0.1 with
#                receive-pack), beside the same git push over git://;
#                sync_1_daemon: then one more inspection, beside one commit
#   answer       inspect_answer on an open workspace: median and p99
#   report_town, report_month, report_dept   `report --by town|month|dept`
#                (best of 3)
#   list_*       a page of each listing (first, halfway down) and its count
#                (bench/pages, core/listing.h), on the supervisor's store
#   replica      replica bytes per inspection, loose objects, sizes
#   attach_sync_photos, first_pull_records_only   (once, not per N; see
#                evidence_bench; BENCH_PHOTOS=0 leaves them out)
#   evidence_central, first_pull_photos   (once: an inspector's first pull
#                of a central of 10 000 inspections and 30 000 photos beside
#                `git clone --mirror` and beside the same pull without the
#                photos; see evidence_pull_bench; BENCH_PULL_PHOTOS=0 leaves
#                them out)
#
# as "bench NAME n=N ours=S git=S ratio=OURS/GIT ours_cpu=S git_cpu=S
# cpu_ratio=R maxrss_kb=KB git_maxrss_kb=KB ...": wall-clock seconds, CPU
# seconds (user + system: on a shared machine the wall clock includes
# waiting for a CPU) and the peak resident memory of the largest process
# (bench/timeit).  Remotes are file:// URLs, so git runs its real transport
# (upload-pack, index-pack) instead of hard-linking a local clone.
#
# The inspector's workspace of figure 3 is a copy of the supervisor's made
# an inspector's (bench/fill --as): the same pull, not done twice.  Above
# BENCH_FILE_PULL_MAX inspections (all, by default) the file:// first pull
# is left out and the supervisor's workspace comes from the git:// one, its
# origin then set back to the file:// URL.  A first pull that takes longer than BENCH_TIMEOUT
# seconds (900) is stopped; the line says how far it got and the figures
# that need its workspace are skipped.  Everything is written under
# BENCH_DIR (build/bench/work) and removed after each N unless BENCH_KEEP=1.
# BENCH_SIZES="" runs only the figures made once (photos and files).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
FC=${FIELDCHECK_BIN:-$top/fieldcheck}
TOOLS=${BENCH_TOOLS:-$top/build/bench}
MAX=${BENCH_MAX:-100000}
SIZES=${BENCH_SIZES-"1000 10000 100000"} # BENCH_SIZES="": only the figures made once
WORK=${BENCH_DIR:-$top/build/bench/work}
TIMEOUT=${BENCH_TIMEOUT:-900}
DAEMON_MAX=${BENCH_DAEMON_MAX:-100000}
SSH_MAX=${BENCH_SSH_MAX:-100000}
FILE_PULL_MAX=${BENCH_FILE_PULL_MAX:-100000}
export FIELDCHECK_FORMS=${FIELDCHECK_FORMS:-$top/forms/checklists}
export LC_ALL=C.UTF-8
# git as it comes, whatever the user's configuration says
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
unset GIT_DIR GIT_WORK_TREE 2>/dev/null || true

for t in gen fill answer timeit photos pages; do
	[ -x "$TOOLS/$t" ] || { echo "bench: $TOOLS/$t is missing (make bench builds it)" >&2; exit 1; }
done
[ -x "$FC" ] || { echo "bench: $FC is missing" >&2; exit 1; }

# free_port, wait_port and sshd_start: the sync tests' servers on 127.0.0.1
. "$top/tests/loopback.sh"
DAEMON="" SSHD=""
cleanup() { for p in $DAEMON $SSHD; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

# timed NAME COMMAND...: runs it under timeit; sets SECS KB CPU ANON and RC
# (ANON: its peak private memory, KiB; KB counts mapped files too).
# Output in $D/NAME.out and .err; a failure stops the benchmark unless
# ALLOW_FAIL is set.
timed() {
	name=$1; shift
	RC=0
	"$TOOLS/timeit" "$D/$name.time" "$@" >"$D/$name.out" 2>"$D/$name.err" || RC=$?
	if [ "$RC" != 0 ] && [ -z "${ALLOW_FAIL:-}" ]; then
		echo "bench: $name failed ($RC): $*" >&2
		tail -n 20 "$D/$name.err" >&2
		exit 1
	fi
	read -r SECS KB _ CPU ANON <"$D/$name.time"
}

# ratio A B: A/B to two decimals
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
# median A B C
median() { printf '%s\n' "$@" | sort -g | sed -n 2p; }
# kib PATH: size on disk in KiB
kib() { du -sk "$1" | cut -f1; }
# pack_stats REPO: "LOOSE_COUNT SIZE_PACK_KIB IN_PACK"
pack_stats() {
	git --git-dir="$1" count-objects -v |
		awk '/^count:/ { c = $2 } /^size-pack:/ { p = $2 } /^in-pack:/ { i = $2 }
		     END { print c, p, i }'
}
# pair OURS_S GIT_S OURS_CPU GIT_CPU: the common part of a line
pair() {
	printf 'ours=%s git=%s ratio=%s ours_cpu=%s git_cpu=%s cpu_ratio=%s' "$1" "$2" \
		"$(ratio "$1" "$2")" "$3" "$4" "$(ratio "$3" "$4")"
}

machine() {
	cpu=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
	mem=$(awk '/^MemTotal/ { printf "%.0f", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
	fs=$(df -T "$WORK" 2>/dev/null | awk 'NR == 2 { print $2 }')
	printf 'bench machine cpu="%s" cores=%s mem_gib=%s fs=%s kernel=%s git=%s libgit2=%s sqlite=%s load="%s"\n' \
		"$cpu" "$(nproc)" "$mem" "$fs" "$(uname -r)" "$(git --version | cut -d' ' -f3)" \
		"$(pkg-config --modversion libgit2 2>/dev/null)" "$(pkg-config --modversion sqlite3 2>/dev/null)" \
		"$(cut -d' ' -f1-3 /proc/loadavg)"
}

# start_daemon [ARG...]: git daemon serving $D on a free port of 127.0.0.1
# (PORT), with ARGs (--enable=receive-pack for pushes).
start_daemon() {
	PORT=$(free_port)
	git daemon --reuseaddr --base-path="$D" --export-all --listen=127.0.0.1 \
		--port="$PORT" "$@" "$D" 2>"$D/daemon.log" &
	DAEMON=$!
	wait_port "$PORT" || { echo "bench: git daemon does not start (see $D/daemon.log)" >&2; exit 1; }
}

# stop_server PID: stops a daemon or sshd started here.
stop_server() {
	kill "$1" 2>/dev/null || true
	wait "$1" 2>/dev/null || true
}

# first_pull NAME WORKSPACE URL [KEY]: the supervisor's first pull, `init
# --from URL [--key KEY]`, stopped after TIMEOUT seconds.  A watcher notes
# when the fetched pack lands (the fetch is over) in $D/fetched.
first_pull() {
	start=$(date +%s.%N)
	rm -f "$D/fetched" "$D/fetched.stop"
	(
		while [ ! -e "$D/fetched" ] && [ ! -e "$D/fetched.stop" ]; do
			if ls "$2"/replica.git/objects/pack/pack-*.pack >/dev/null 2>&1; then
				awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f\n", e - s }' >"$D/fetched"
			fi
			sleep 1
		done
	) &
	watcher=$!
	ALLOW_FAIL=1 timed "$1" timeout "$TIMEOUT" "$FC" -C "$2" init --name 督导员 \
		--badge JG-0001 --dept 区应急管理局 --supervisor --from "$3" ${4:+--key "$4"}
	touch "$D/fetched.stop"
	[ -e "$D/fetched" ] || echo "-" >"$D/fetched"
	kill "$watcher" 2>/dev/null || true
	wait "$watcher" 2>/dev/null || true
}

# report_first_pull NAME: its line (with git_s, git_kb, git_cpu of the
# clone); returns 1 when it was stopped, so the rest is skipped.
report_first_pull() {
	if [ "$RC" = 124 ]; then
		printf 'bench %s n=%s ours=>%s git=%s git_cpu=%s git_maxrss_kb=%s stopped_after=%s fetch_done_at=%s\n' \
			"$1" "$N" "$TIMEOUT" "$git_s" "$git_cpu" "$git_kb" "$TIMEOUT" "$(cat "$D/fetched")"
		[ -n "${BENCH_KEEP:-}" ] || rm -rf "$D"
		return 1
	fi
	[ "$RC" = 0 ] || { echo "bench: $1 failed ($RC)" >&2; tail -n 20 "$D/$1.err" >&2; exit 1; }
	got=$(sed -n 's/^imported from .*: \([0-9]*\) inspections, .*/\1/p' "$D/$1.out")
	quarantined=$(grep -c quarantined "$D/$1.err" || true)
	printf 'bench %s n=%s %s maxrss_kb=%s git_maxrss_kb=%s anon_kb=%s git_anon_kb=%s fetch_done_at=%s imported=%s quarantined=%s\n' \
		"$1" "$N" "$(pair "$SECS" "$git_s" "$CPU" "$git_cpu")" "$KB" "$git_kb" "$ANON" "$git_anon" \
		"$(cat "$D/fetched")" "$got" "$quarantined"
	[ "$got" = "$N" ] && [ "$quarantined" = 0 ] ||
		{ echo "bench: $1 imported $got of $N (see $D/$1.err)" >&2; exit 1; }
}

# sync_daemon: figure 3 again over git://: the copy of the inspector's
# workspace made before its sync ($D/insp_d) syncs with a copy of the
# central served by git daemon with receive-pack, and git pushes the same
# to another copy from a clone of the central (sync_beside_push).  The
# daemon's receive-pack (index-pack, the connectivity check) is not
# counted on either side.
sync_daemon() {
	git clone --bare -q "$URL" "$D/dcentral.git"
	git clone --bare -q "$URL" "$D/dpush.git"
	git clone -q "$URL" "$D/wt_d"
	start_daemon --enable=receive-pack
	git --git-dir="$D/insp_d/replica.git" config remote.origin.url \
		"git://127.0.0.1:$PORT/dcentral.git"
	sync_beside_push sync_1000_daemon $((N + 300)) 1000 '1000 inspections'
	sync_one_daemon
	stop_server "$DAEMON"
	DAEMON=""
	rm -rf "$D/insp_d" "$D/wt_d" "$D/dcentral.git" "$D/dpush.git"
}

# sync_one_daemon: then one more inspection, synced over git:// (the cost
# that does not follow the change shows here), beside one more commit of
# its files pushed over git:// by git (git_push_s alone: git= is its sum
# with git_commit_s).
sync_one_daemon() {
	"$TOOLS/fill" "$D/insp_d" --start $((N + 1300)) --inspections 1 --base "$N" \
		--as 检查员:ZJ-0201:区应急管理局 >/dev/null
	sync_beside_push sync_1_daemon $((N + 1300)) 1 '1 inspection'
}

# sync_beside_push NAME START COUNT WHAT: the inspector's sync over git://
# ($D/insp_d), beside git writing the files of the COUNT inspections from
# START, `git add`, `git commit` (git_commit_s) and `git push` over git://
# (git_push_s); git= is their sum.  Prints the line NAME.
sync_beside_push() {
	timed "$1" "$FC" -C "$D/insp_d" sync
	ours=$SECS ours_kb=$KB ours_cpu=$CPU
	timed "$1_git_commit" sh -c "'$TOOLS/gen' files --start $2 --inspections $3 --base $N --dir '$D/wt_d' &&
		git -C '$D/wt_d' add -A &&
		git -C '$D/wt_d' -c user.name=检查员 -c user.email=ZJ-0201 commit -q -m 'records: $4'"
	c_s=$SECS c_cpu=$CPU c_kb=$KB
	timed "$1_git_push" git -C "$D/wt_d" push -q "git://127.0.0.1:$PORT/dpush.git" main
	printf 'bench %s n=%s %s maxrss_kb=%s git_maxrss_kb=%s git_commit_s=%s git_push_s=%s git_push_cpu=%s\n' "$1" "$N" \
		"$(pair "$ours" "$(awk -v a="$c_s" -v b="$SECS" 'BEGIN { printf "%.2f", a + b }')" \
			"$ours_cpu" "$(awk -v a="$c_cpu" -v b="$CPU" 'BEGIN { printf "%.2f", a + b }')")" \
		"$ours_kb" "$(( c_kb > KB ? c_kb : KB ))" "$c_s" "$SECS" "$CPU"
}

# first_pull_ssh: figure 1 over ssh://, beside `git clone --bare` over
# ssh:// with the same key; the workspace is dropped (or becomes the
# supervisor's when neither other first pull ran).
first_pull_ssh() {
	mkdir -p "$D/sshd/srv"
	cp -a "$D/central.git" "$D/sshd/srv/central.git"
	sshd_start "$D/sshd" || { echo "bench: sshd does not start (see $D/sshd/ssh/sshd.log)" >&2; exit 1; }
	SSHD=$SSHD_PID
	sshurl="ssh://$SSH_USER@127.0.0.1:$SSH_PORT$D/sshd/srv/central.git"
	GIT_SSH_COMMAND="ssh -i '$D/sshd/id_ed25519' -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR"
	export GIT_SSH_COMMAND
	timed clone_ssh git clone --bare -q "$sshurl" "$D/clone3.git"
	unset GIT_SSH_COMMAND
	git_s=$SECS git_kb=$KB git_cpu=$CPU git_anon=$ANON
	first_pull first_pull_ssh "$D/sup3" "$sshurl" "$D/sshd/id_ed25519"
	stop_server "$SSHD"
	SSHD=""
	report_first_pull first_pull_ssh || return 1
	rm -rf "$D/clone3.git" "$D/sshd/srv"
	if [ -d "$D/sup" ]; then
		rm -rf "$D/sup3"
	else
		mv "$D/sup3" "$D/sup"
		git --git-dir="$D/sup/replica.git" config remote.origin.url "$URL"
	fi
}

one_size() {
	N=$1
	D=$WORK/n$N
	rm -rf "$D"
	mkdir -p "$D"
	FIELDCHECK_NOW=$("$TOOLS/gen" now "$N")
	export FIELDCHECK_NOW
	URL=file://$D/central.git

	# The central repository: N inspections pushed by 20 devices.
	git init -q --bare --initial-branch=main "$D/central.git"
	# (glibc's heap trimming makes fast-import crawl on many small objects)
	timed generate sh -c "'$TOOLS/gen' central --inspections $N | GLIBC_TUNABLES=glibc.malloc.trim_threshold=268435456:glibc.malloc.top_pad=67108864 git -C '$D/central.git' fast-import --quiet"
	set -- $(pack_stats "$D/central.git") $(sed -n 's/^gen: [0-9]* inspections, \([0-9]*\) hazards (\([0-9]*\) hazard versions), \([0-9]*\) commits/\1 \2 \3/p' "$D/generate.err")
	printf 'bench generate n=%s seconds=%s cpu=%s hazards=%s hazard_versions=%s commits=%s objects=%s central_kib=%s\n' \
		"$N" "$SECS" "$CPU" "$4" "$5" "$6" "$3" "$2"

	# 1. The supervisor's first pull beside git clone --bare.
	timed clone git clone --bare -q "$URL" "$D/clone.git"
	git_s=$SECS git_kb=$KB git_cpu=$CPU git_anon=$ANON
	if [ "$N" -le "$FILE_PULL_MAX" ]; then
		first_pull first_pull "$D/sup" "$URL"
		report_first_pull first_pull || return 0
	fi

	# 1b. The same over git:// (git daemon on 127.0.0.1): libgit2's
	# network transport instead of its local one.  The daemon's own
	# upload-pack is not counted on either side.
	if [ "$N" -le "$DAEMON_MAX" ]; then
		start_daemon
		timed clone_daemon git clone --bare -q "git://127.0.0.1:$PORT/central.git" "$D/clone2.git"
		git_s=$SECS git_kb=$KB git_cpu=$CPU git_anon=$ANON
		first_pull first_pull_daemon "$D/sup2" "git://127.0.0.1:$PORT/central.git"
		stop_server "$DAEMON"
		DAEMON=""
		report_first_pull first_pull_daemon || return 0
		rm -rf "$D/clone2.git"
		if [ -d "$D/sup" ]; then
			rm -rf "$D/sup2"
		else
			mv "$D/sup2" "$D/sup"
			git --git-dir="$D/sup/replica.git" config remote.origin.url "$URL"
		fi
	fi
	# 1c. The same over ssh:// (sshd on 127.0.0.1 serving a copy of the
	# central its user owns), with the key an inspector's remote names.
	if [ "$N" -le "$SSH_MAX" ]; then
		first_pull_ssh || return 0
	fi
	[ -d "$D/sup" ] || { [ -n "${BENCH_KEEP:-}" ] || rm -rf "$D"; return 0; }

	# 1d. The import alone: a new workspace given a copy of the supervisor's
	# replica, and `reindex` putting every record into its empty store.
	"$FC" -C "$D/imp" init --name 督导员 --badge JG-0001 --dept 区应急管理局 --supervisor >/dev/null
	rm -rf "$D/imp/replica.git"
	cp -a "$D/sup/replica.git" "$D/imp/replica.git"
	timed reindex "$FC" -C "$D/imp" reindex
	rm -rf "$D/imp"
	printf 'bench import n=%s ours=%s ours_cpu=%s maxrss_kb=%s inspections_per_cpu_s=%s\n' \
		"$N" "$SECS" "$CPU" "$KB" "$(awk -v n="$N" -v c="$CPU" 'BEGIN { if (c > 0) printf "%.0f", n / c; else print "-" }')"

	# 2. 100 new inspections arrive; pull them, three times.
	ours="" gits="" kbs="" cpus="" gcpus=""
	for r in 0 1 2; do
		"$TOOLS/gen" central --start $((N + 100 * r)) --inspections 100 --base "$N" 2>/dev/null |
			git -C "$D/central.git" fast-import --quiet
		timed fetch git -C "$D/clone.git" fetch -q "$URL" +refs/heads/main:refs/heads/main
		gits="$gits $SECS" gcpus="$gcpus $CPU"
		timed pull "$FC" -C "$D/sup" pull
		ours="$ours $SECS" kbs="$kbs $KB" cpus="$cpus $CPU"
	done
	printf 'bench pull_100 n=%s %s maxrss_kb=%s runs_ours="%s" runs_git="%s"\n' "$N" \
		"$(pair "$(median $ours)" "$(median $gits)" "$(median $cpus)" "$(median $gcpus)")" \
		"$(median $kbs)" "${ours# }" "${gits# }"

	# 3. An inspector's laptop with 1000 new inspections in its outbox: a
	# copy of the supervisor's workspace (the same pull) made an inspector's.
	cp -a "$D/sup" "$D/insp"
	"$TOOLS/fill" "$D/insp" --start $((N + 300)) --inspections 1000 --base "$N" \
		--as 检查员:ZJ-0201:区应急管理局 >"$D/fill.out"
	git clone -q "$URL" "$D/wt"
	git clone --bare -q "$URL" "$D/push.git"
	set -- $(pack_stats "$D/insp/replica.git")
	pack_before=$2
	cp -a "$D/insp" "$D/insp_d"
	timed sync "$FC" -C "$D/insp" sync
	ours=$SECS ours_kb=$KB ours_cpu=$CPU
	timed git_sync sh -c "'$TOOLS/gen' files --start $((N + 300)) --inspections 1000 --base $N --dir '$D/wt' &&
		git -C '$D/wt' add -A &&
		git -C '$D/wt' -c user.name=检查员 -c user.email=ZJ-0201 commit -q -m 'records: 1000 inspections' &&
		git -C '$D/wt' push -q 'file://$D/push.git' main"
	printf 'bench sync_1000 n=%s %s maxrss_kb=%s git_maxrss_kb=%s %s\n' "$N" \
		"$(pair "$ours" "$SECS" "$ours_cpu" "$CPU")" "$ours_kb" "$KB" \
		"$(sed 's/^fill: /outbox: /' "$D/fill.out" | tr -d '\n')"
	sync_daemon

	# 4. Saving one answer on the open workspace (its store holds N + 1300).
	timed answer "$TOOLS/answer" "$D/insp" --calls "${BENCH_CALLS:-600}"
	printf 'bench answer n=%s ours=%s %s cpu_per_call=%s\n' "$N" \
		"$(sed -n 's/.*median=\([0-9.]*\).*/\1/p' "$D/answer.out")" "$(cat "$D/answer.out")" \
		"$(awk -v c="$CPU" -v n="${BENCH_CALLS:-600}" 'BEGIN { printf "%.6f", c / n }')"

	# 5. The supervisor's reports (best of three after one to warm the cache).
	for by in town month dept; do
		"$FC" -C "$D/sup" report --by "$by" >/dev/null
		best="" bkb="" bcpu=""
		for _ in 1 2 3; do
			timed report "$FC" -C "$D/sup" report --by "$by"
			if [ -z "$best" ] || [ "$(awk -v a="$SECS" -v b="$best" 'BEGIN { print (a < b) }')" = 1 ]; then
				best=$SECS bkb=$KB bcpu=$CPU
			fi
		done
		printf 'bench report_%s n=%s ours=%s ours_cpu=%s maxrss_kb=%s lines=%s\n' "$by" \
			"$((N + 300))" "$best" "$bcpu" "$bkb" "$(grep -c . "$D/report.out")"
	done

	# 5b. A page of each listing and its count, on the supervisor's store.
	"$TOOLS/pages" "$D/sup" | sed "s/^bench \(list_[a-z_]*\) /bench \1 n=$N /"

	# 6. What the replica costs on disk after the sync.
	set -- $(pack_stats "$D/insp/replica.git")
	loose=$1 pack_after=$2
	total=$((N + 1300))
	set -- $(pack_stats "$D/push.git")
	git_pack=$2
	printf 'bench replica n=%s bytes_per_inspection=%s sync_bytes_per_inspection=%s loose_objects=%s replica_kib=%s git_bytes_per_inspection=%s central_kib=%s store_kib=%s supervisor_store_kib=%s\n' \
		"$N" "$((pack_after * 1024 / total))" "$(((pack_after - pack_before) * 1024 / 1000))" \
		"$loose" "$(kib "$D/insp/replica.git")" "$((git_pack * 1024 / total))" \
		"$(kib "$D/central.git")" "$(kib "$D/insp/store.db")" "$(kib "$D/sup/store.db")"

	[ -n "${BENCH_KEEP:-}" ] || rm -rf "$D"
}

# evidence_bench: attaching and syncing BENCH_PHOTOS photos of 3 MiB
# (JPEG-headed random bytes: incompressible, as photos are) to a bare
# central, beside copying the same files into a work tree, `git add`,
# `git commit` and `git push` to another; then the central's size and
# whether an inspector's first pull (records only) grew with the photos.
evidence_bench() {
	D=$WORK/evidence
	n=${BENCH_PHOTOS:-100}
	rm -rf "$D" && mkdir -p "$D/photos"
	head -c 200 "$top/tests/fuzz/seeds/exif/plain.jpg" >"$D/head"
	i=0
	while [ "$i" -lt "$n" ]; do
		{ cat "$D/head"; head -c 3145728 /dev/urandom; } >"$D/photos/IMG_$i.JPG"
		i=$((i + 1))
	done
	git init -q --bare --initial-branch=main "$D/central.git"
	git init -q --bare --initial-branch=main "$D/push.git"
	"$FC" -C "$D/a" init --name 张三 --badge ZJ-0001 --dept 区应急管理局 >/dev/null
	"$FC" -C "$D/a" remote add origin "$D/central.git" >/dev/null
	"$FC" -C "$D/a" enterprise add --code 91350100M000100Y43 --name 某化工 >/dev/null
	id=$("$FC" -C "$D/a" inspection new --form six-ones --enterprise 91350100M000100Y43)
	"$FC" -C "$D/a" sync >/dev/null
	timed attach "$FC" -C "$D/a" inspection attach "$id" "$D"/photos/*.JPG
	a_s=$SECS a_cpu=$CPU a_kb=$KB
	timed evsync "$FC" -C "$D/a" sync
	s_s=$SECS s_cpu=$CPU s_kb=$KB
	ours=$(awk -v a="$a_s" -v b="$s_s" 'BEGIN { printf "%.2f", a + b }')
	ours_cpu=$(awk -v a="$a_cpu" -v b="$s_cpu" 'BEGIN { printf "%.2f", a + b }')
	git clone -q "$D/push.git" "$D/w" 2>/dev/null
	cat >"$D/git.sh" <<GIT
cp "$D"/photos/*.JPG "$D/w/" && cd "$D/w" && git add -A && git -c user.name=b -c user.email=b commit -qm photos && git push -q origin HEAD:main
GIT
	timed gitphotos sh "$D/git.sh"
	printf 'bench attach_sync_photos n=%s size_mib=3 %s attach_s=%s sync_s=%s maxrss_kb=%s git_maxrss_kb=%s central_kib=%s git_central_kib=%s\n' \
		"$n" "$(pair "$ours" "$SECS" "$ours_cpu" "$CPU")" "$a_s" "$s_s" \
		"$(( a_kb > s_kb ? a_kb : s_kb ))" "$KB" "$(kib "$D/central.git")" "$(kib "$D/push.git")"
	timed evpull "$FC" -C "$D/c" init --name 李四 --badge ZJ-0002 --dept 区应急管理局 \
		--from "$D/central.git"
	printf 'bench first_pull_records_only photos=%s ours=%s maxrss_kb=%s replica_kib=%s central_kib=%s\n' \
		"$n" "$SECS" "$KB" "$(kib "$D/c/replica.git")" "$(kib "$D/central.git")"
	[ -n "${BENCH_KEEP:-}" ] || rm -rf "$D"
}

# evidence_pull_bench: an inspector who joins a district pulls, for the
# first time, a central of BENCH_PULL_N inspections (10 000, at most
# BENCH_MAX) whose officers' refs/evidence/* hold BENCH_PULL_PHOTOS photos
# (three per inspection; bench/photos: small distinct JPEGs, pushed apart
# from the records, so in a pack of their own).  Beside it: `git clone
# --mirror` of the same central (everything, photos too: --bare takes
# refs/heads only), the same pull of
# the central before the photos were added, and the same pull after `git
# gc` put records and photos in one pack (the pull then copies main's
# objects one by one instead of adopting the pack).  The inspector's
# badge has no photos: a pull fetches the officer's own files only.
evidence_pull_bench() {
	n=${BENCH_PULL_N:-10000}
	[ "$n" -le "$MAX" ] || n=$MAX
	p=${BENCH_PULL_PHOTOS:-$((3 * n))}
	D=$WORK/evpull
	rm -rf "$D" && mkdir -p "$D"
	FIELDCHECK_NOW=$("$TOOLS/gen" now "$n")
	export FIELDCHECK_NOW
	git init -q --bare --initial-branch=main "$D/records.git"
	timed generate sh -c "'$TOOLS/gen' central --inspections $n | GLIBC_TUNABLES=glibc.malloc.trim_threshold=268435456:glibc.malloc.top_pad=67108864 git -C '$D/records.git' fast-import --quiet"
	gen_s=$SECS
	cp -a "$D/records.git" "$D/photos.git"
	timed photos sh -c "'$TOOLS/photos' --count $p | git -C '$D/photos.git' fast-import --quiet"
	printf 'bench evidence_central n=%s photos=%s generate_s=%s photos_s=%s records_kib=%s central_kib=%s\n' \
		"$n" "$p" "$gen_s" "$SECS" "$(kib "$D/records.git")" "$(kib "$D/photos.git")"
	timed clone git clone --mirror -q "file://$D/photos.git" "$D/clone.git"
	git_s=$SECS git_cpu=$CPU git_kb=$KB
	# pull_as NAME CENTRAL: the new inspector's first pull; sets SECS KB CPU.
	pull_as() {
		timed "$1" "$FC" -C "$D/$1" init --name 新检查员 --badge ZJ-0999 --dept 区应急管理局 \
			--from "file://$D/$2"
		grep -q "^imported from .*: $n inspections" "$D/$1.out" ||
			{ echo "bench: $1 did not import $n inspections (see $D/$1.out)" >&2; exit 1; }
	}
	pull_as without records.git
	w_s=$SECS w_cpu=$CPU w_kb=$KB
	pull_as with photos.git
	p_s=$SECS p_cpu=$CPU p_kb=$KB
	git --git-dir="$D/photos.git" gc -q
	pull_as onepack photos.git
	printf 'bench first_pull_photos n=%s photos=%s ours=%s ours_cpu=%s maxrss_kb=%s replica_kib=%s without_photos=%s without_photos_cpu=%s without_photos_maxrss_kb=%s without_photos_replica_kib=%s with_over_without=%s one_pack=%s one_pack_cpu=%s one_pack_maxrss_kb=%s git_clone=%s git_cpu=%s git_maxrss_kb=%s git_clone_kib=%s ours_over_git=%s\n' \
		"$n" "$p" "$p_s" "$p_cpu" "$p_kb" "$(kib "$D/with/replica.git")" \
		"$w_s" "$w_cpu" "$w_kb" "$(kib "$D/without/replica.git")" "$(ratio "$p_s" "$w_s")" \
		"$SECS" "$CPU" "$KB" "$git_s" "$git_cpu" "$git_kb" "$(kib "$D/clone.git")" \
		"$(ratio "$p_s" "$git_s")"
	[ -n "${BENCH_KEEP:-}" ] || rm -rf "$D"
}

mkdir -p "$WORK/bin"
# A copy of the binary, so a rebuild meanwhile does not pull it away.
cp "$FC" "$WORK/bin/fieldcheck"
FC=$WORK/bin/fieldcheck
machine
. "$top/bench/province.sh"
for n in $SIZES; do
	# BENCH_MAX caps the default sizes; a size asked for by name runs
	[ "$n" -le "$MAX" ] || [ -n "${BENCH_SIZES:-}" ] || continue
	if [ "$n" -ge "${BENCH_PROVINCE_FROM:-1000000}" ]; then province "$n"; else one_size "$n"; fi
done
[ "${BENCH_PHOTOS:-100}" = 0 ] || evidence_bench
[ "${BENCH_PULL_PHOTOS:-}" = 0 ] || evidence_pull_bench
