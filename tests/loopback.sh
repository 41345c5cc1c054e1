# tests/loopback.sh - servers on 127.0.0.1 for the sync tests and the
# benchmarks: free ports, and an sshd with a throwaway host key and a
# throwaway user key, nothing of the machine's own ssh set-up read or
# changed.  Sourced; POSIX sh (ports are probed through bash's /dev/tcp).
#
# sshd_start DIR: starts sshd (from DIR/ssh) on a free port of 127.0.0.1
# that accepts the key DIR/id_ed25519 (made if missing) for SSH_USER;
# sets SSH_PORT, SSH_USER and SSHD_PID.  DIR/srv, if present, is handed to
# SSH_USER.  As root (CI) SSH_USER is fcssh, a user made for it whose shell
# is sh: root's bash would source ~/.bashrc for every SSH command (Debian's
# bash does under sshd), and twenty sessions of a heavy one choke the
# machine.  Returns 1 if sshd does not listen within 10 s.

# port_open PORT: whether something listens on 127.0.0.1:PORT.
port_open() { bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# free_port: a TCP port nobody listens on, from the high range.
free_port() {
	while :; do
		p=$((20000 + $(od -An -N2 -tu2 /dev/urandom) % 20000))
		port_open "$p" || { echo "$p"; return; }
	done
}

# wait_port PORT: until something listens (at most 10 s).
wait_port() {
	for _ in $(seq 100); do
		port_open "$1" && return 0
		sleep 0.1
	done
	return 1
}

sshd_start() {
	mkdir -p "$1/ssh" && chmod 700 "$1/ssh"
	[ -f "$1/ssh/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$1/ssh/host_ed25519"
	[ -f "$1/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -f "$1/id_ed25519"
	cp "$1/id_ed25519.pub" "$1/ssh/authorized_keys"
	SSH_PORT=$(free_port)
	cat >"$1/ssh/sshd_config" <<CONF
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $1/ssh/host_ed25519
AuthorizedKeysFile $1/ssh/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin prohibit-password
UsePAM no
StrictModes no
PidFile $1/ssh/sshd.pid
SetEnv PATH=$PATH
MaxStartups 200
MaxSessions 200
CONF
	if [ "$(id -u)" = 0 ]; then
		mkdir -p /run/sshd
		id fcssh >/dev/null 2>&1 || useradd -M -d /nonexistent -s /bin/sh fcssh
		usermod -p '*' fcssh # no password, but not a locked account
		SSH_USER=fcssh
		chmod 755 "$1" "$1/ssh"
		chmod 644 "$1/ssh/authorized_keys"
		[ -d "$1/srv" ] && chown -R fcssh "$1/srv"
	else
		SSH_USER=$(id -un)
	fi
	/usr/sbin/sshd -D -e -f "$1/ssh/sshd_config" 2>"$1/ssh/sshd.log" &
	SSHD_PID=$!
	wait_port "$SSH_PORT"
}
