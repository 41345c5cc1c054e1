# t_repeat_merge.sh - repeat instances through a real bare central: two
# officers each add a vehicle offline to the same draft and both vehicles
# survive on both laptops with their answers, nothing in conflict (each
# instance has its own uuid, so its answers have their own keys).  Then one
# removes a vehicle while the other answers in it: the removal stands (it
# is the one change to the instance's marker), the answer is kept in the
# record but not shown, counted or required, as for any removed instance.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/central.git"
device a ZJ-0001 "$T/central.git"
device b ZJ-0002 "$T/central.git"
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
on a forms add "$FIELDCHECK_TOP/tests/forms/good/spot-check"
check "a installs the form with a repeat" [ $? -eq 0 ]
id=$("$FC" -C "$T/a" inspection new --form spot-check --enterprise "$USCC1")
on a sync
on b sync
check "b takes the draft" sh -c "[ $? -eq 0 ] && '$FC' -C '$T/b' inspection show '$id' >/dev/null"

on a inspection repeat "$id" vehicle add
va=$(cut -d' ' -f2 "$OUT")
on b inspection repeat "$id" vehicle add
vb=$(cut -d' ' -f2 "$OUT")
check "each adds a vehicle offline, numbered 1 on its own laptop" \
	sh -c "[ -n '$va' ] && [ -n '$vb' ] && grep -q '^1 ' '$OUT'"
on a inspection answer "$id" plate 浙A11111 --instance "$va"
on b inspection answer "$id" plate 浙B22222 --instance "$vb"
on b inspection answer "$id" tanker no --instance "$vb"
on a sync && on b sync && on a sync
check "the three syncs pass" [ $? -eq 0 ]

for d in a b; do
	on $d inspection show "$id"
	check "$d shows both vehicles" sh -c "grep -q '($va)' '$OUT' && grep -q '($vb)' '$OUT'"
	check "$d shows both plates" sh -c "grep -q 浙A11111 '$OUT' && grep -q 浙B22222 '$OUT'"
	check "$d counts two" grep -q "n_checked *= 2" "$OUT"
	check "$d has nothing in conflict" lacks "conflicts" "$OUT"
done
on a inspection show "$id"
grep 'Vehicle [12] ' "$OUT" >"$T/a.order"
on b inspection show "$id"
grep 'Vehicle [12] ' "$OUT" >"$T/b.order"
check "both laptops show the vehicles in the same order" cmp "$T/a.order" "$T/b.order"

# a removes b's vehicle while b, offline, answers in it.
on a inspection repeat "$id" vehicle remove "$vb"
check "a removes b's vehicle" [ $? -eq 0 ]
on b inspection answer "$id" marks pass --instance "$vb"
check "b, not knowing, answers in it" [ $? -eq 0 ]
on a sync && on b sync && on a sync
check "the three syncs pass again" [ $? -eq 0 ]
for d in a b; do
	on $d inspection show "$id" --format json
	check "$d: the removal stands" grep -q "\"item\": \"vehicle@$vb\", \"value\": \"removed\"" "$OUT"
	check "$d: b's answer is kept in the record" \
		grep -q "\"item\": \"marks@$vb\", \"value\": \"pass\"" "$OUT"
	check "$d: nothing in conflict" grep -q '"conflicts": \[\]' "$OUT"
	on $d inspection show "$id"
	check "$d: the removed vehicle is not shown" lacks "$vb" "$OUT"
	check "$d: nor counted" grep -q "n_checked *= 1" "$OUT"
done
on b inspection finalize "$id"
check "finalize asks only for the live vehicle's items" sh -c \
	"grep -q 'unanswered: Tank vehicle? (Vehicle 1), Are the warning marks complete? (Vehicle 1)' '$ERR'"
