# t_nested_repeat_merge.sh - instances of a repeat inside a repeat through a
# real bare central: two officers each add a compartment offline to the
# same vehicle of one draft, and both compartments survive on both
# laptops, in that vehicle, with their answers and nothing in conflict (an
# instance's marker names the instance it is in, so a merge of answers
# keeps where it belongs).  Then one removes the vehicle while the other
# adds a compartment in it: the removal stands and the new compartment is
# kept in the record but not shown, as an instance inside a removed one.
. "$FIELDCHECK_TOP/tests/sync/lib_sync.sh"
central "$T/central.git"
device a ZJ-0001 "$T/central.git"
device b ZJ-0002 "$T/central.git"
"$FC" -C "$T/a" enterprise add --code "$USCC1" --name 甲化工 >/dev/null
on a forms add "$FIELDCHECK_TOP/tests/forms/good/nested-repeat"
check "a installs the form with a repeat in a repeat" [ $? -eq 0 ]
id=$("$FC" -C "$T/a" inspection new --form nested-repeat --enterprise "$USCC1")
on a inspection repeat "$id" vehicle add
v=$(cut -d' ' -f2 "$OUT")
on a inspection answer "$id" plate 浙A11111 --instance 1
on a inspection answer "$id" n_comp 3 --instance 1
on a sync && on b sync
check "b takes the draft with its vehicle" [ $? -eq 0 ]

on a inspection repeat "$id" compartment add 1
ca=$(cut -d' ' -f2 "$OUT")
on b inspection repeat "$id" compartment add "$v"
cb=$(cut -d' ' -f2 "$OUT")
check "each adds a compartment offline, numbered 1 on its own laptop" \
	sh -c "[ -n '$ca' ] && [ -n '$cb' ] && grep -q '^1 ' '$OUT'"
on a inspection answer "$id" loaded yes --instance "$ca"
on b inspection answer "$id" loaded no --instance "$cb"
on a sync && on b sync && on a sync
check "the three syncs pass" [ $? -eq 0 ]
for d in a b; do
	on $d inspection show "$id"
	check "$d shows both compartments" sh -c "grep -q '($ca)' '$OUT' && grep -q '($cb)' '$OUT'"
	check "$d counts two in the vehicle" grep -q "n_comps *= 2" "$OUT"
	check "$d has nothing in conflict" lacks "conflicts" "$OUT"
	on $d inspection show "$id" --format json
	check "$d: both markers name the vehicle" sh -c \
		"grep -q '\"item\": \"compartment@$ca\", \"value\": \"1@$v\"' '$OUT' &&
		 grep -q '\"item\": \"compartment@$cb\", \"value\": \"1@$v\"' '$OUT'"
done
on a inspection show "$id"
grep 'Compartment [12] ' "$OUT" >"$T/a.order"
on b inspection show "$id"
grep 'Compartment [12] ' "$OUT" >"$T/b.order"
check "both laptops show the compartments in the same order" cmp "$T/a.order" "$T/b.order"

on a inspection repeat "$id" vehicle remove 1
check "a removes the vehicle" [ $? -eq 0 ]
on b inspection repeat "$id" compartment add 1
cc=$(cut -d' ' -f2 "$OUT")
check "b, not knowing, adds a third compartment in it" [ -n "$cc" ]
on a sync && on b sync && on a sync
check "the three syncs pass again" [ $? -eq 0 ]
for d in a b; do
	on $d inspection show "$id" --format json
	check "$d: the removal stands" grep -q "\"item\": \"vehicle@$v\", \"value\": \"removed\"" "$OUT"
	check "$d: b's compartment is kept in the record" grep -q "\"item\": \"compartment@$cc\"" "$OUT"
	on $d inspection show "$id"
	check "$d: none of the vehicle's compartments is shown" \
		sh -c "! grep -q '$ca\|$cb\|$cc' '$OUT'"
	check "$d: no vehicle counted" grep -q "n_vehicles *= 0" "$OUT"
done
