# t_supervisor_send.sh - a supervisor's own writing reaches the central: the
# roster lets only a supervisor put a hazard under listed supervision
# (挂牌督办), so a supervisor's sync sends it, signed, and the inspector's
# laptop receives and believes it; with several centrals pulled into one
# workspace nothing is sent (it would copy departments into each other),
# and the sync says why.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/central.git"
for k in sv a; do ssh-keygen -q -t ed25519 -N '' -C "$k" -f "$T/k_$k"; done
fp() { ssh-keygen -lf "$1.pub" | cut -d' ' -f2; }

"$FC" -C "$T/s" init --name 王督 --badge SV-0001 --dept 区应急管理局 --supervisor \
	--sign-key "$T/k_sv" >/dev/null && "$FC" -C "$T/s" remote add origin "$T/central.git"
on s roster found && on s roster add --badge ZJ-0001 --name 张三 --dept 区应急管理局 \
	--key "$T/k_a.pub" || not_ok "the supervisor founds the roster and lists the inspector"
"$FC" -C "$T/a" init --name 张三 --badge ZJ-0001 --dept 区应急管理局 --sign-key "$T/k_a" \
	--from "$T/central.git" --roster-key "$(fp "$T/k_sv")" >/dev/null
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
insp=$(new_inspection a "$USCC1")
h=$("$FC" -C "$T/a" hazard add --inspection "$insp" --description 储罐区无防火堤 \
	--severity major --deadline 2026-12-20)
on a sync || not_ok "the inspector sends the major hazard"

on s pull || not_ok "the supervisor pulls it"
check "the supervisor puts the hazard under listed supervision" \
	on s hazard event "$h" supervise --note 区政府挂牌督办
before=$(git --git-dir="$T/central.git" rev-parse main)
check "the supervisor's sync succeeds" on s sync
after=$(git --git-dir="$T/central.git" rev-parse main)
check "the central moved" [ "$before" != "$after" ]
check "the new commit is the supervisor's" \
	[ "$(git --git-dir="$T/central.git" log -1 --format='%an <%ae>' main)" = "王督 <SV-0001>" ]
git --git-dir="$T/central.git" show main:roster/allowed_signers >"$T/signers"
check "and signed by a key the roster lists (plain git verifies it)" [ "$(git \
	--git-dir="$T/central.git" -c gpg.ssh.allowedSignersFile="$T/signers" log -1 \
	--format=%G? main)" = G ]
check "a second sync succeeds" on s sync
check "and sends nothing more: nothing waited" \
	[ "$(git --git-dir="$T/central.git" rev-parse main)" = "$after" ]

on a sync || not_ok "the inspector syncs"
on a hazard list --major --format csv
check "the inspector's laptop shows the hazard under listed supervision" \
	[ "$(awk -F, -v h="$h" '$1 == h { print $4 "," $8 }' "$OUT")" = major,yes ]
on a sync
check "the inspector refused nothing" lacks "refused" "$OUT"

# Two centrals pulled into one workspace: nothing is sent, and it says so.
central "$T/other.git"
on s remote add transport "$T/other.git"
on s hazard event "$h" comment --note 每周报告整改进度
before=$(git --git-dir="$T/central.git" rev-parse main)
on s sync
check "a supervisor with two centrals says nothing was sent, and why" \
	grep -q "nothing was sent: this supervisor's workspace pulls 2 central" "$OUT" "$ERR"
check "the first central is unchanged" [ "$(git --git-dir="$T/central.git" rev-parse main)" = "$before" ]
check "the second central got nothing" \
	sh -c "! git --git-dir='$T/other.git' rev-parse -q --verify main >/dev/null"
