# tests/sync/lib_sync.sh - devices, central repositories and the servers
# the sync tests start on 127.0.0.1 (git daemon, sshd) and stop at exit.
. "$FIELDCHECK_TOP/tests/lib.sh"
. "$FIELDCHECK_TOP/tests/loopback.sh"
export FIELDCHECK_NOW=2026-11-28T09:30:00+08:00
# Repositories the SSH user owns are read by root's git too (the daemon,
# the checks): git's ownership check would refuse them.
export GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=safe.directory GIT_CONFIG_VALUE_0='*'

# central PATH: a new bare central repository whose branch is main.
central() { git init -q --bare --initial-branch=main "$1"; }

# device NAME BADGE URL: a workspace $T/NAME with identity and origin URL.
device() {
	"$FC" -C "$T/$1" init --name "$1" --badge "$2" --dept 区应急管理局 >/dev/null &&
		"$FC" -C "$T/$1" remote add origin "$3" ${4:+--key "$4"}
}

# on NAME ARGS: runs fieldcheck on device NAME, output in $OUT and $ERR.
on() { d=$1; shift; "$FC" -C "$T/$d" "$@" >"$OUT" 2>"$ERR"; }

# new_inspection NAME CODE: starts a six-ones inspection, prints its id.
new_inspection() { "$FC" -C "$T/$1" inspection new --form six-ones --enterprise "$2"; }

STOP=""
cleanup_servers() { for p in $STOP; do kill "$p" 2>/dev/null; done; rm -rf "$T"; }
trap cleanup_servers EXIT

# start_daemon BASE: git daemon serving BASE on a free port, receive-pack on.
start_daemon() {
	DAEMON_PORT=$(free_port)
	git daemon --reuseaddr --base-path="$1" --export-all --enable=receive-pack \
		--listen=127.0.0.1 --port="$DAEMON_PORT" "$1" 2>"$T/daemon.log" &
	STOP="$STOP $!"
	wait_port "$DAEMON_PORT"
}

# start_sshd: sshd on 127.0.0.1 (tests/loopback.sh) accepting the throwaway
# user key $T/id_ed25519 for SSH_USER; stopped at exit.
start_sshd() {
	sshd_start "$T" || return 1
	STOP="$STOP $SSHD_PID"
}

# tree_of NAME: the tree id of device NAME's replica branch.
tree_of() { git --git-dir="$T/$1/replica.git" rev-parse 'main^{tree}'; }
