# t_paths.sh - paths in expressions from the command line
# (forms/engine/xpath_path.c): ../x, ./x, ../../group/x and /<form_id>/x
# read the item they name, relative to the item whose column holds them;
# a path that names nothing or climbs above the form is refused at load,
# naming the cell; position(..) still reads the instance's number.
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
fc enterprise add --code "$USCC1" --name 华东化工有限公司
F=$WS/forms/paths
mkdir -p "$F"
printf 'form_id,version\npaths,1\n' >"$F/settings.csv"
cat >"$F/survey.csv" <<'CSV'
type,name,label,relevant,calculation,constraint
integer,limit,Limit,,,
begin_group,tank,Tank,/paths/limit > 0,,
integer,level,Level,,,. <= ../../limit
calculate,half,,,../level div 2,
end_group,,,,,
begin_repeat,crew,Crew,,,
calculate,pos,,,position(..),
text,cname,Name,../../tank/level > 1,,
end_repeat,,,,,
calculate,total,,,/paths/tank/half + ./../limit,
CSV
expect_exit 0 "a form with paths loads" forms check "$F"
expect_exit 0 "an inspection" inspection new --form paths --enterprise "$USCC1"
id=$(cat "$OUT")
expect_err 1 "does not apply" "/paths/limit > 0: the tank applies once the limit is set" \
	inspection answer "$id" level 3
fc inspection answer "$id" limit 10
expect_err 1 "constraint" ". <= ../../limit refuses a level over the limit" \
	inspection answer "$id" level 12
expect_exit 0 "a level within it" inspection answer "$id" level 6
fc inspection repeat "$id" crew add
expect_exit 0 "inside a repeat, ../../tank/level reads the tank's" \
	inspection answer "$id" cname 王五 --instance 1
expect_exit 0 "inspection show" inspection show "$id"
out_has "half  *= 3" "../level div 2"
out_has "total  *= 13" "/paths/tank/half + ./../limit"
out_has "pos  *= 1" "position(..) still works"

mkdir -p "$T/bad"
printf 'form_id,version\nbad,1\n' >"$T/bad/settings.csv"
printf 'type,name,label,calculation\ncalculate,a,,../nope\ncalculate,b,,../../a\ncalculate,c,,/other/a\n' \
	>"$T/bad/survey.csv"
expect_err 1 "survey.csv:2:4: calculation: character 4: the path names nothing: 'nope' is no item there" \
	"a path to nothing is refused at its cell" forms check "$T/bad"
expect_err 1 "the path climbs above the form" "a path above the root is refused" \
	forms check "$T/bad"
expect_err 1 "a path from the root starts /bad/" "a root of another name is refused" \
	forms check "$T/bad"
