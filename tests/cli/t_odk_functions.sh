# t_odk_functions.sh - ODK's functions over a repeat's values and the rest
# of its library, from the command line: a household form of our own whose
# calculations sum, join and count its members' answers (only live
# instances, each member's own calculation), convert dates, digest text
# and measure a trace (90° of the equator: 2π·6378100/4 m, JavaRosa's
# GeoDistanceTest), as `inspection show` prints them.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/household"
cat >"$T/household/settings.csv" <<'CSV'
form_id,version
household,2024.3
CSV
cat >"$T/household/survey.csv" <<'CSV'
type,name,label,calculation
begin_repeat,member,Member,
text,name,Name,
integer,age,Age,
calculate,age_months,,${age} * 12
calculate,own_sum,,sum(${age})
end_repeat,,,
calculate,total_age,,sum(${age})
calculate,oldest,,max(${age})
calculate,youngest,,min(${age})
calculate,months,,sum(${age_months})
calculate,names,,"join(', ', ${name})"
calculate,named,,count-non-empty(${name})
calculate,days,,date('2024-03-01') - date('2024-01-01')
calculate,day_19000,,date(19000)
calculate,hash,,"digest('abc', 'SHA-256', 'hex')"
calculate,before,,"substring-before('2024-03-01', '-')"
calculate,swapped,,"translate('abc', 'abc', 'ABC')"
calculate,trace,,distance('0 1 0 0; 0 91 0 0')
calculate,form_version,,version()
CSV
expect_exit 0 "forms check: every function loads" forms check "$T/household"
expect_exit 0 "forms add numbers and installs it" forms add "$T/household"
expect_exit 0 "an inspection on it" inspection new --form household --enterprise "$USCC1"
id=$(cat "$OUT")
fc inspection repeat "$id" member add
fc inspection repeat "$id" member add
fc inspection repeat "$id" member add
fc inspection answer "$id" name 王芳 --instance 1
fc inspection answer "$id" age 34 --instance 1
fc inspection answer "$id" name Li --instance 2
fc inspection answer "$id" age 7 --instance 2
fc inspection answer "$id" age 60 --instance 3
expect_exit 0 "inspection show" inspection show "$id"
out_has "total_age *= 101" "sum(\${age}) adds every member's age"
out_has "oldest *= 60" "max(\${age}) reads every member"
out_has "youngest *= 7" "min(\${age}) too"
out_has "months *= 1212" "sum() of a calculation inside the repeat computes it in each member"
out_has "names *= 王芳, Li, $" "join() keeps an unanswered name as ''"
out_has "named *= 2" "count-non-empty() skips it"
out_has "own_sum *= 34" "inside its repeat \${age} is the member's own"
out_has "days *= 60" "date arithmetic is in days"
out_has "day_19000 *= 2022-01-08" "date(n): n days after 1970-01-01"
out_has "hash *= ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" "digest()"
out_has "before *= 2024" "substring-before()"
out_has "swapped *= ABC" "translate()"
out_has "trace *= 10018696.05" "distance() along a trace, in metres"
out_has "form_version *= 2024.3" "version() is settings.csv's"
expect_exit 0 "remove the oldest" inspection repeat "$id" member remove 3
expect_exit 0 "inspection show" inspection show "$id"
out_has "total_age *= 41" "a removed member is not summed"

# A repeat in a repeat (JavaRosa's rule): inside a member, ${legs} is the
# legs of that member's pets; outside every member, all pets' legs.
mkdir -p "$T/pets"
printf 'form_id,version\npets,1\n' >"$T/pets/settings.csv"
cat >"$T/pets/survey.csv" <<'CSV'
type,name,label,calculation
begin_repeat,member,Member,
text,name,Name,
begin_repeat,pet,Pet,
integer,legs,Legs,
end_repeat,,,
calculate,member_legs,,sum(${legs})
end_repeat,,,
calculate,all_legs,,sum(${legs})
calculate,per_member,,"join(' ', ${member_legs})"
CSV
expect_exit 0 "forms add: a nested repeat's sums" forms add "$T/pets"
expect_exit 0 "an inspection on it" inspection new --form pets --enterprise "$USCC1"
id=$(cat "$OUT")
fc inspection repeat "$id" member add
fc inspection repeat "$id" member add
fc inspection repeat "$id" pet add 1
fc inspection repeat "$id" pet add 1
fc inspection repeat "$id" pet add 2
fc inspection answer "$id" legs 4 --instance 1/1
fc inspection answer "$id" legs 2 --instance 1/2
fc inspection answer "$id" legs 8 --instance 2/1
expect_exit 0 "inspection show" inspection show "$id"
out_has "member_legs *= 6" "inside the first member: its own pets"
out_has "member_legs *= 8" "inside the second: its one pet"
out_has "all_legs *= 14" "outside: every pet of every member"
out_has "per_member *= 6 8" "each member's sum, read from outside"

cat >"$T/household/survey.csv" <<'CSV'
type,name,label,calculation
begin_repeat,member,Member,
integer,age,Age,
end_repeat,,,
calculate,bad,,"substring-before('a')"
CSV
expect_err 1 "character 1: substring-before() takes 2 arguments, not 1" \
	"a wrong argument count is named at its character" forms check "$T/household"
cat >"$T/household/survey.csv" <<'CSV'
type,name,label,calculation
begin_repeat,member,Member,
integer,age,Age,
end_repeat,,,
calculate,bad,,"digest(${age}, 'SHA-3')"
CSV
expect_err 1 "digest() knows the algorithms" "an unknown digest is refused at load" \
	forms check "$T/household"
cat >"$T/household/survey.csv" <<'CSV'
type,name,label,calculation
begin_repeat,member,Member,
calculate,age,,sum(${age})
end_repeat,,,
CSV
expect_err 1 "age" "a calculation summing itself is a cycle" forms check "$T/household"
