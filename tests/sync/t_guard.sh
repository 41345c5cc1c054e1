# t_guard.sh - fieldcheck guard as a central's pre-receive hook, behind a
# real git daemon and sshd on 127.0.0.1: devices' syncs are let in, and a
# forged record, an unsigned commit, a revoked key's commit and an answer
# in another officer's badge are refused at the door with a message the
# pusher sees; plain git then verifies every commit with the roster.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
mkdir -p "$T/srv"
# shared: git daemon writes as root, sshd as the test user
git init -q --bare --shared=0777 --initial-branch=main "$T/srv/central.git"
for k in sv a b; do ssh-keygen -q -t ed25519 -N '' -C "$k" -f "$T/k_$k"; done
fp() { ssh-keygen -lf "$1.pub" | cut -d' ' -f2; }
"$FC" guard --install "$T/srv/central.git" --founder "$(fp "$T/k_sv")" >"$OUT" 2>"$ERR"
check "the guard installs as the pre-receive hook" test -x "$T/srv/central.git/hooks/pre-receive"
check "with the founder's fingerprint" sh -c \
	"[ \"\$(git --git-dir='$T/srv/central.git' config fieldcheck.founder)\" = '$(fp "$T/k_sv")' ]"
start_daemon "$T/srv" || not_ok "git daemon did not start"
url="git://127.0.0.1:$DAEMON_PORT/central.git"
start_sshd || not_ok "sshd did not start"
chmod 755 "$T/fieldcheck"
sshurl="ssh://$SSH_USER@127.0.0.1:$SSH_PORT$T/srv/central.git"

# a roster founded by another key is refused at the door
"$FC" -C "$T/x" init --name x --badge SV-0009 --dept d --supervisor --sign-key "$T/k_b" >/dev/null
"$FC" -C "$T/x" remote add origin "$url" >/dev/null
on x roster found; rc=$?
check "a roster founded by the wrong key is refused (exit $rc)" \
	sh -c "[ $rc -ne 0 ] && grep -q 'not by the one this device trusts' '$ERR'"

"$FC" -C "$T/s" init --name 王督 --badge SV-0001 --dept 区应急管理局 --supervisor \
	--sign-key "$T/k_sv" >/dev/null && "$FC" -C "$T/s" remote add origin "$url"
check "the supervisor founds the roster over git://" on s roster found
on s roster add --badge ZJ-0001 --name 张三 --dept 区应急管理局 --key "$T/k_a.pub"
on s roster add --badge ZJ-0002 --name 李四 --dept 区应急管理局 --key "$T/k_b.pub"
"$FC" -C "$T/a" init --name 张三 --badge ZJ-0001 --dept 区应急管理局 --sign-key "$T/k_a" >/dev/null
"$FC" -C "$T/a" remote add origin "$url" >/dev/null
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
insp=$(new_inspection a "$USCC1")
"$FC" -C "$T/a" inspection answer "$insp" safety_office fail --note 无专职人员 >/dev/null
check "an inspector's sync over git:// is let in" on a sync
"$FC" -C "$T/b" init --name 李四 --badge ZJ-0002 --dept 区应急管理局 --sign-key "$T/k_b" >/dev/null
"$FC" -C "$T/b" remote add origin "$sshurl" --key "$T/id_ed25519" >/dev/null
"$FC" -C "$T/b" enterprise add --code "$USCC2" --name 乙化工 >/dev/null
check "another's sync over ssh:// is let in" on b sync
on a sync
check "and the first device merges it" sh -c "'$FC' -C '$T/a' enterprise list | grep -q 乙化工"

# forgeries pushed with plain git over git://
git clone -q "$url" "$T/w" 2>/dev/null
rec=$(cd "$T/w" && git ls-files "inspections/*/$insp.json")
push_as() { # push_as BADGE KEY|- MESSAGE
	(cd "$T/w" && git add -A &&
		if [ "$2" = - ]; then git -c user.name=x -c user.email="$1" commit -qm "$3"
		else git -c user.name=x -c user.email="$1" -c gpg.format=ssh \
			-c user.signingkey="$2" commit -S -qm "$3"; fi &&
		git push origin HEAD:main) >"$OUT" 2>"$ERR"
	rc=$?
	git -C "$T/w" reset -q --hard origin/main
	return $rc
}
before=$(git --git-dir="$T/srv/central.git" rev-parse main)
sed -i 's/甲化工/伪造化工/' "$T/w/enterprises/$USCC1.json"
push_as ZJ-0001 - "unsigned"
check "an unsigned commit is refused at the door" \
	grep -q "remote: fieldcheck guard: commit .* refused: the commit is not signed" "$ERR"
sed -i 's/"by": "ZJ-0001", "at"/"by": "ZJ-0002", "at"/' "$T/w/$rec"
push_as ZJ-0001 "$T/k_a" "answer in another's badge"
check "an answer claiming another officer's badge is refused" \
	grep -q "claims badge ZJ-0002" "$ERR"
mkdir -p "$T/w/hazards/ab"
echo '{}' >"$T/w/hazards/ab/abababab-0000-4000-8000-000000000000.json"
push_as ZJ-0001 "$T/k_a" "a forged record"
check "a record that is no record is refused" grep -q "is not a valid record" "$ERR"
git -C "$T/w" rm -q "enterprises/$USCC2.json"
push_as ZJ-0001 "$T/k_a" "a record deleted"
check "a deleted record is refused" grep -q "records are never deleted" "$ERR"
check "the central's main did not move" \
	[ "$(git --git-dir="$T/srv/central.git" rev-parse main)" = "$before" ]

# evidence refs: a's own signed photo is let in; forgeries are refused
"$FC" -C "$T/a" inspection attach "$insp" safety_office "$FIELDCHECK_TOP/tests/fuzz/seeds/exif/phone.jpg" >/dev/null
on a sync
check "a's signed evidence commit is let in" sh -c "[ $? -eq 0 ] && grep -qx 'sent 1 evidence file' '$OUT'"
ev=$(git --git-dir="$T/srv/central.git" rev-parse refs/evidence/ZJ-0001)
git init -q "$T/ev" && git -C "$T/ev" fetch -q "$url" refs/evidence/ZJ-0001 && git -C "$T/ev" checkout -q FETCH_HEAD
ev_push() { # ev_push BADGE KEY MESSAGE [REFSPEC]: the work tree signed and pushed
	(cd "$T/ev" && git add -A && git -c user.name=x -c user.email="$1" -c gpg.format=ssh \
		-c user.signingkey="$2" commit -S -qm "$3" &&
		git push "$url" "${4:-HEAD:refs/evidence/ZJ-0001}") >"$OUT" 2>"$ERR"
	git -C "$T/ev" reset -q --hard "$ev"
}
f=$(head -c 100 /dev/urandom | sha256sum | cut -c1-64)
mkdir -p "$T/ev/$(echo "$f" | cut -c1-2)" && echo x >"$T/ev/$(echo "$f" | cut -c1-2)/$f"
ev_push ZJ-0002 "$T/k_b" "b's commit on a's evidence"
check "a commit on a's evidence signed by another officer is refused" \
	grep -q "refs/evidence/ZJ-0001: commit .* refused: signed by ZJ-0002, not by ZJ-0001" "$ERR"
echo x >"$T/ev/notes.txt"
ev_push ZJ-0001 "$T/k_a" "a file outside the shape"
check "an evidence tree of another shape is refused" grep -q "notes.txt.*not a folder of two hex digits" "$ERR"
git -C "$T/ev" checkout -q --orphan other && echo x >"$T/ev/other"
ev_push ZJ-0001 "$T/k_a" "a rewrite" +HEAD:refs/evidence/ZJ-0001
check "a rewrite of an evidence ref is refused" grep -q "evidence cannot be rewritten" "$ERR"
git -C "$T/ev" checkout -q -f FETCH_HEAD
mkdir -p "$T/ev/$(echo "$f" | cut -c1-2)" && echo x >"$T/ev/$(echo "$f" | cut -c1-2)/$f"
ev_push ZJ-0001 "$T/k_a" "another ref" HEAD:refs/tags/mine
check "other refs are still refused" grep -q "only main and refs/evidence/<badge> are kept here, not refs/tags/mine" "$ERR"
check "the evidence ref did not move" \
	[ "$(git --git-dir="$T/srv/central.git" rev-parse refs/evidence/ZJ-0001)" = "$ev" ]

on s roster revoke ZJ-0001 --at 2026-11-28T12:00:00+08:00
check "the supervisor ends a's key over git://" [ $? -eq 0 ]
git -C "$T/w" pull -q origin main 2>/dev/null
sed -i 's/"location": ""/"location": "后门"/' "$T/w/$rec"
GIT_COMMITTER_DATE=2026-11-28T13:00:00+08:00 push_as ZJ-0001 "$T/k_a" "after the end"
check "a revoked key's commit is refused" grep -q "no longer valid" "$ERR"
git -C "$T/w" push -q -f origin HEAD~2:main 2>"$ERR"
check "a rewrite of main is refused" grep -q "main cannot be rewritten" "$ERR"

export FIELDCHECK_NOW=2026-11-28T10:00:00+08:00
"$FC" -C "$T/b" inspection answer "$(new_inspection b "$USCC2")" safety_office pass >/dev/null
check "a normal sync is still let in" on b sync
git --git-dir="$T/srv/central.git" show main:roster/allowed_signers >"$T/signers"
git --git-dir="$T/srv/central.git" -c gpg.ssh.allowedSignersFile="$T/signers" log \
	--format='%H %G?' main >"$T/sigs"
check "plain git verifies every commit on the central ($(wc -l <"$T/sigs"))" \
	sh -c "[ -s '$T/sigs' ] && ! grep -v ' G$' '$T/sigs'"
check "the central stays fsck-clean" git --git-dir="$T/srv/central.git" fsck --strict --no-progress
