# t_docnum_guard.sh - claims of document numbers at the door: behind a real
# git daemon on 127.0.0.1 with the guard as the central's pre-receive hook,
# signed laptops' claims are let in, and a claim pushed with plain git that
# overlaps another, names another officer, changes or removes one already
# there is refused whole; the central's claims stay apart.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
mkdir -p "$T/srv"
git init -q --bare --shared=0777 --initial-branch=main "$T/srv/central.git"
for k in sv a b; do ssh-keygen -q -t ed25519 -N '' -C "$k" -f "$T/k_$k"; done
fp() { ssh-keygen -lf "$1.pub" | cut -d' ' -f2; }
"$FC" guard --install "$T/srv/central.git" --founder "$(fp "$T/k_sv")" >"$OUT" 2>"$ERR" ||
	not_ok "the guard installs"
start_daemon "$T/srv" || not_ok "git daemon did not start"
url="git://127.0.0.1:$DAEMON_PORT/central.git"

"$FC" -C "$T/s" init --name 王督 --badge SV-0001 --dept 区应急管理局 --supervisor \
	--sign-key "$T/k_sv" >/dev/null && "$FC" -C "$T/s" remote add origin "$url"
on s roster found || not_ok "the supervisor founds the roster"
on s roster add --badge ZJ-0001 --name 张三 --dept 区应急管理局 --key "$T/k_a.pub"
on s roster add --badge ZJ-0002 --name 李四 --dept 区应急管理局 --key "$T/k_b.pub"
for d in a b; do
	badge=ZJ-000$([ "$d" = a ] && echo 1 || echo 2)
	"$FC" -C "$T/$d" init --name "$d" --badge "$badge" --dept 区应急管理局 \
		--sign-key "$T/k_$d" >/dev/null
	"$FC" -C "$T/$d" remote add origin "$url" >/dev/null
	"$FC" -C "$T/$d" numbers --authority 北应急 --block 10 >/dev/null
done
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
insp=$(new_inspection a "$USCC1")
for item in risk_map life_passage management_agreement micro_fire_station smart_charging; do
	"$FC" -C "$T/a" inspection answer "$insp" "$item" pass >/dev/null
done
"$FC" -C "$T/a" inspection answer "$insp" park_name 园区 >/dev/null
"$FC" -C "$T/a" inspection answer "$insp" safety_office fail --note 无专职人员 >/dev/null
"$FC" -C "$T/a" inspection finalize "$insp" >/dev/null || not_ok "a finalizes"
check "a's signed claim is let in" on a sync
out_has "order 1-10, record 1-10" "a holds 1-10"
check "b's is let in after it" on b sync
out_has "order 11-20, record 11-20" "b holds 11-20"

"$FC" -C "$T/a" document "$insp" order >/dev/null 2>&1
check "a's order number goes to the central in a's record" on a sync
git clone -q "$url" "$T/w" 2>/dev/null
dir="$T/w/numbers/北应急/2026/order"
push_as() { # push_as BADGE KEY MESSAGE
	(cd "$T/w" && git add -A && git -c user.name=x -c user.email="$1" -c gpg.format=ssh \
		-c user.signingkey="$2" commit -S -qm "$3" && git push origin HEAD:main) \
		>"$OUT" 2>"$ERR"
	rc=$?
	git -C "$T/w" reset -q --hard origin/main
	return $rc
}
claim() { # claim START COUNT BADGE: a claim file's canonical text
	printf '{\n  "format": "fieldcheck/numbers/1",\n  "authority": "北应急",\n  "kind": "order",\n  "year": 2026,\n  "start": %d,\n  "count": %d,\n  "badge": "%s",\n  "device": "0d9c2d4e-1f3a-4b5c-8d6e-7f8091a2b3c5",\n  "at": "2026-11-28T09:30:00+08:00"\n}\n' "$1" "$2" "$3"
}
before=$(git --git-dir="$T/srv/central.git" rev-parse main)
grep -q '"documents": \[$' "$T/w/inspections"/*/*/"$insp.json" ||
	not_ok "a's record carries its order's number"
claim 15 10 ZJ-0001 >"$dir/15.json"
push_as ZJ-0001 "$T/k_a" "an overlapping claim"
check "a claim that overlaps another is refused at the door" grep -q "overlaps" "$ERR"
claim 21 10 ZJ-0002 >"$dir/21.json"
push_as ZJ-0001 "$T/k_a" "a claim in another's name"
check "a claim in another officer's name is refused" \
	grep -q "claims numbers for ZJ-0002, but ZJ-0001 signed" "$ERR"
claim 1 30 ZJ-0001 >"$dir/1.json"
push_as ZJ-0001 "$T/k_a" "a claim grown"
check "a claim changed is refused" grep -q "a claim of numbers never changes" "$ERR"
rm "$dir/11.json"
push_as ZJ-0002 "$T/k_b" "a claim removed"
check "a claim removed is refused" grep -q "a claim of numbers is never removed" "$ERR"
claim 21 10 ZJ-0001 | sed 's/"count": 10/"count":10/' >"$dir/21.json"
push_as ZJ-0001 "$T/k_a" "a claim not in canonical form"
check "a claim not in canonical form is refused" grep -q "not in canonical form" "$ERR"
rec=$(cd "$T/w" && git ls-files "inspections/*/$insp.json")
sed -i 's/"serial": 1, "by": "ZJ-0001"/"serial": 1, "by": "ZJ-0002"/' "$T/w/$rec"
push_as ZJ-0001 "$T/k_a" "a document number in another's name"
check "a document number written in another officer's name is refused" \
	grep -q "document number 1 of order claims badge ZJ-0002" "$ERR"
check "the central's main did not move" \
	[ "$(git --git-dir="$T/srv/central.git" rev-parse main)" = "$before" ]
claim 21 10 ZJ-0001 >"$dir/21.json"
check "a sound claim with plain git is let in" push_as ZJ-0001 "$T/k_a" "a's next block"
check "b syncs after it" on b sync
on b numbers
out_has "order       10 of 10 left" "b still holds its own block only"
check "the central stays fsck-clean" git --git-dir="$T/srv/central.git" fsck --strict --no-progress
