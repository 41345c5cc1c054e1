# t_merge.sh - a joint team answers one inspection on two laptops offline:
# different items merge; one item answered two ways is kept both ways and
# marked conflicted, resolved on one device, then converges everywhere.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/central.git"
device a ZJ-0001 "$T/central.git"
device b JT-0042 "$T/central.git"
on a enterprise add --code "$USCC1" --name 甲化工
id=$(new_inspection a "$USCC1")
"$FC" -C "$T/a" inspection member "$id" "b:JT-0042:区交通运输局"
on a sync && on b sync

# Offline, each answers its own items, and both answer risk_map.
FIELDCHECK_NOW=2026-11-28T10:00:00+08:00 "$FC" -C "$T/a" inspection answer "$id" safety_office pass
FIELDCHECK_NOW=2026-11-28T10:01:00+08:00 "$FC" -C "$T/a" inspection answer "$id" risk_map pass
FIELDCHECK_NOW=2026-11-28T10:02:00+08:00 "$FC" -C "$T/b" inspection answer "$id" life_passage fail --note 通道堵塞
FIELDCHECK_NOW=2026-11-28T10:03:00+08:00 "$FC" -C "$T/b" inspection answer "$id" risk_map fail --note 未张贴
check "a syncs" on a sync
check "b syncs (merges a's answers)" on b sync
out_has "conflicting answers" "b is told of the clash"
check "a syncs again" on a sync
for d in a b; do
	on "$d" inspection show "$id" --format json
	check "$d has a's answer" grep -q '"item": "safety_office", "value": "pass"' "$OUT"
	check "$d has b's answer" grep -q '"item": "life_passage", "value": "fail"' "$OUT"
	check "$d keeps the later answer to risk_map" grep -q '"item": "risk_map", "value": "fail"' "$OUT"
	check "$d keeps the other as a conflict" grep -q '"conflicts": \[' "$OUT" && grep -A1 '"conflicts": \[' "$OUT" | grep -q '"value": "pass"'
	on "$d" inspection list --status conflicted --format csv
	check "$d lists it as conflicted" [ "$(wc -l <"$OUT")" -eq 2 ]
done
check "both devices hold the same tree" [ "$(tree_of a)" = "$(tree_of b)" ]
on a inspection finalize "$id"
check "a conflicted inspection cannot be finalized" grep -q "has conflicting answers" "$ERR"
check "b hazard from the failed item exists on a" sh -c "'$FC' -C '$T/a' hazard list --inspection '$id' --format csv | grep -q life_passage"

check "resolve on a" on a inspection resolve "$id" risk_map pass
check "a syncs the resolution" on a sync
check "b syncs" on b sync
on b inspection list --status conflicted --format csv
check "no longer conflicted on b" [ "$(wc -l <"$OUT")" -eq 1 ]
on b inspection show "$id" --format json
check "b has the chosen value" grep -q '"item": "risk_map", "value": "pass"' "$OUT"
on a sync
check "converged: same tree" [ "$(tree_of a)" = "$(tree_of b)" ]

# A finalized inspection that comes back changed is refused; ours stands.
for item in management_agreement micro_fire_station smart_charging; do
	"$FC" -C "$T/a" inspection answer "$id" "$item" pass >/dev/null
done
"$FC" -C "$T/a" inspection answer "$id" park_name 园区 >/dev/null
check "a finalizes" on a inspection finalize "$id"
on a sync; on b sync
check "b received it final" sh -c "'$FC' -C '$T/b' inspection show '$id' --format json | grep -q '\"status\": \"final\"'"
# Someone rewrites the final record in central with plain git.
git clone -q "$T/central.git" "$T/w"
f=$(cd "$T/w" && git ls-files "inspections/*/$id.json")
sed -i 's/"value": "fail", "note": "通道堵塞"/"value": "pass", "note": "通道堵塞"/' "$T/w/$f"
(cd "$T/w" && git -c user.name=x -c user.email=x commit -qam "rewrite" && git push -q origin HEAD:main)
on b sync
check "the rewrite is refused" grep -q "finalized inspection arrived changed" "$ERR"
on b inspection show "$id" --format json
check "b's final record stands" grep -q '"item": "life_passage", "value": "fail"' "$OUT"
check "b verifies" on b verify
