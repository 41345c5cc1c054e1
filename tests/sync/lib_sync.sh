# tests/sync/lib_sync.sh - devices, central repositories and the servers
# the sync tests start on 127.0.0.1 (git daemon, sshd) and stop at exit.
. "$FIELDCHECK_TOP/tests/lib.sh"
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

# free_port: a TCP port nobody listens on, from the high range.
free_port() {
	while :; do
		p=$((20000 + RANDOM % 20000))
		(exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
	done
}

# wait_port PORT: until something listens (at most 10 s).
wait_port() {
	for _ in $(seq 100); do
		(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

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

# start_sshd: sshd on 127.0.0.1 with a throwaway host key, accepting the
# throwaway user key $T/id_ed25519 for the current user.
start_sshd() {
	mkdir -p "$T/ssh" && chmod 700 "$T/ssh"
	[ -f "$T/ssh/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$T/ssh/host_ed25519"
	[ -f "$T/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$T/id_ed25519"
	cp "$T/id_ed25519.pub" "$T/ssh/authorized_keys"
	SSH_PORT=$(free_port)
	cat >"$T/ssh/sshd_config" <<CONF
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $T/ssh/host_ed25519
AuthorizedKeysFile $T/ssh/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
PidFile $T/ssh/sshd.pid
SetEnv PATH=$PATH
MaxStartups 200
MaxSessions 200
CONF
	if [ "$(id -u)" = 0 ]; then
		# As root (CI), log in as a user whose shell is sh: root's bash
		# would source ~/.bashrc for every SSH command (Debian's bash
		# does under sshd), and twenty sessions of a heavy one choke
		# the machine.
		mkdir -p /run/sshd
		id fcssh >/dev/null 2>&1 || useradd -M -d /nonexistent -s /bin/sh fcssh
		usermod -p '*' fcssh # no password, but not a locked account
		SSH_USER=fcssh
		chmod 755 "$T" "$T/ssh"
		chmod 644 "$T/ssh/authorized_keys"
		[ -d "$T/srv" ] && chown -R fcssh "$T/srv"
	else
		SSH_USER=$(id -un)
	fi
	/usr/sbin/sshd -D -e -f "$T/ssh/sshd_config" 2>"$T/ssh/sshd.log" &
	STOP="$STOP $!"
	wait_port "$SSH_PORT"
}

# tree_of NAME: the tree id of device NAME's replica branch.
tree_of() { git --git-dir="$T/$1/replica.git" rev-parse 'main^{tree}'; }
