# t_forms_pyxform_reads.sh - what pyxform reads with a meaning loads with
# that meaning (and a warning where fieldcheck reads it differently): a
# note without a name (pyxform names it), the name on an end row that is
# not the group's (pyxform reads none there), a form_id that is no id or
# empty (the form is known by its folder's name, as without one).
. "$FIELDCHECK_TOP/tests/lib.sh"
init_ws
mkdir -p "$WS/forms/site"
cat >"$WS/forms/site/survey.csv" <<'CSV'
type,name,label
note,,Read the rules first
begin group,outer,Outer
text,q1,Q
end group,adsaf,
CSV
printf 'form_id,version\nSite visit,1\n' >"$WS/forms/site/settings.csv"
expect_exit 0 "the form loads" forms check "$WS/forms/site"
check "a note without a name is named as pyxform names it (no problem)" \
	lacks "missing name" "$ERR"
check "the name of an end row is a warning naming what it closes" \
	grep -q "survey.csv:5:2: warning: the name 'adsaf' of an end_group row is not used: it closes group 'outer' (line 3)" "$ERR"
check "a form_id that is no id: the folder's name, with a warning" \
	grep -q "settings.csv:2:1: warning: form_id 'Site visit' is not a valid id (letters, digits, then also _ - .; at most 64): the form's id is 'site', its folder's name" "$ERR"
printf 'form_id,version\n,1\n' >"$WS/forms/site/settings.csv"
expect_exit 0 "an empty form_id is none, as pyxform reads it" forms check "$WS/forms/site"
expect_exit 0 "forms list" forms list --format csv
out_has "^site,1," "the form is known by its folder's name"

# pyxform's other names of columns: bind:relevant is relevant,
# control:appearance appearance, bind:jr:constraintMsg the constraint's
# message, id_string the form's id; what they say applies.
fc enterprise add --code "$USCC1" --name 华东化工有限公司
mkdir -p "$WS/forms/alias"
cat >"$WS/forms/alias/survey.csv" <<'CSV'
type,name,label,bind:relevant,bind:constraint,bind:jr:constraintMsg,control:appearance
integer,n,How many,,. < 10,Fewer than ten please,
text,more,More,${n} > 2,,,multiline
CSV
printf 'id_string,version\nalias,1\n' >"$WS/forms/alias/settings.csv"
expect_exit 0 "the aliased columns load" forms check "$WS/forms/alias"
check "and are read, not ignored" lacks "is not used" "$ERR"
fc inspection new --form alias --enterprise "$USCC1"
id=$(cat "$OUT")
expect_err 1 "Fewer than ten please" "bind:constraint and its message apply" \
	inspection answer "$id" n 12
expect_exit 0 "an answer within it" inspection answer "$id" n 1
expect_err 1 "applies when \${n} > 2" "bind:relevant applies" inspection answer "$id" more x

# A note has a value in ODK, empty: an expression may read it, as pyxform
# lets it (its calculate.xls).
mkdir -p "$WS/forms/notes"
cat >"$WS/forms/notes/survey.csv" <<'CSV'
type,name,label,calculation
note,intro,Read this,
calculate,seen,,"if(${intro} = '', 'empty', 'not empty')"
note,out,Note reads ${seen} and '${intro}',
CSV
expect_exit 0 "a calculation reading a note loads" forms check "$WS/forms/notes"
fc inspection new --form notes --enterprise "$USCC1"
nid=$(cat "$OUT")
expect_exit 0 "inspection show" inspection show "$nid"
out_has "seen  *= empty$" "the note's value is empty"

# pyxform's older type names; a note shown by its image alone; a
# choice_filter on what is no select (pyxform ignores it).
mkdir -p "$WS/forms/legacy"
cat >"$WS/forms/legacy/survey.csv" <<'CSV'
type,name,label,media::image,choice_filter
add text prompt,t,Text,,
q int,i,Whole,,
add date prompt,d,Date,,
get today,td,,,
select one using yn,s,Yes or no,,
add image prompt,p,Photo,,
note,pic,,sign.jpg,
text,f,Filtered,,1 = 1
CSV
printf 'list_name,name,label\nyn,yes,Yes\nyn,no,No\n' >"$WS/forms/legacy/choices.csv"
expect_exit 0 "pyxform's older names load" forms check "$WS/forms/legacy"
check "a note with only an image is a warning naming it" \
	grep -q "survey.csv:8:3: warning: note item 'pic' has no label but its media::image" "$ERR"
check "a choice_filter on a text is a warning" \
	grep -q "survey.csv:9:5: warning: choice_filter is not used for items of type text" "$ERR"
fc inspection new --form legacy --enterprise "$USCC1"
lid=$(cat "$OUT")
expect_err 1 "is not a whole number" "q int is an integer" inspection answer "$lid" i x
expect_exit 0 "select one using is a select_one" inspection answer "$lid" s yes
expect_err 1 "attaching a file" "add image prompt is a photo" inspection answer "$lid" p x

# ODK's functions on numbers and text: trigonometry, logarithms, pi(),
# normalize-space().
mkdir -p "$WS/forms/math"
cat >"$WS/forms/math/survey.csv" <<'CSV'
type,name,label,calculation
decimal,x,X,
calculate,s,,round(sin(pi() div 2) * 100)
calculate,a,,"round(atan2(1, 1) * 4 * 1000)"
calculate,l,,log10(1000)
calculate,e,,exp10(2)
calculate,q,,"concat('[', normalize-space('  a   b  '), ']')"
calculate,t,,round(atan(${x}) * 1000)
calculate,bad,,log(-1)
CSV
expect_exit 0 "a form with ODK's math functions loads" forms check "$WS/forms/math"
fc inspection new --form math --enterprise "$USCC1"
mid=$(cat "$OUT")
fc inspection answer "$mid" x 1
expect_exit 0 "inspection show" inspection show "$mid"
out_has "^  s  *= 100$" "sin(pi() div 2) is 1"
out_has "^  a  *= 3142$" "atan2(1, 1) is pi/4"
out_has "^  l  *= 3$" "log10(1000) is 3"
out_has "^  e  *= 100$" "exp10(2) is 100"
out_has "^  q  *= \[a b\]$" "normalize-space trims and joins white space"
out_has "^  t  *= 785$" "atan of an answer"
out_has "^  bad  *= *$" "log of a negative number is no number (empty)"

# pulldata('FILE', 'COLUMN', 'KEY_COLUMN', key): a CSV file beside the form,
# kept with it as a select's file is.
mkdir -p "$T/pd/pd"
cat >"$T/pd/pd/survey.csv" <<'CSV'
type,name,label,calculation
text,fruit,Fruit,
calculate,price,,"pulldata('prices', 'price', 'name', ${fruit})"
note,shown,Price ${price},
CSV
printf "name,price\nmango,12\norange,it's 3\n" >"$T/pd/pd/prices.csv"
printf 'form_id,version\npd,1\n' >"$T/pd/pd/settings.csv"
expect_exit 0 "a form with pulldata() and its file loads" forms check "$T/pd/pd"
expect_exit 0 "and is added with its file" forms add "$T/pd/pd"
check "the file is kept with the form" [ -f "$WS/forms/pd/prices.csv" ]
fc inspection new --form pd --enterprise "$USCC1"
pid=$(cat "$OUT")
fc inspection answer "$pid" fruit orange
expect_exit 0 "inspection show" inspection show "$pid"
out_has "^  price  *= it's 3$" "the key's row gives the column's value"
fc inspection answer "$pid" fruit kiwi
expect_exit 0 "inspection show" inspection show "$pid"
out_has "^  price  *= *$" "a key in no row gives ''"
sed -i 's/.price., .name./'"'"'cost'"'"', '"'"'name'"'"'/' "$T/pd/pd/survey.csv"
expect_err 1 "pulldata(): prices.csv has no column 'cost'" "a column the file lacks is refused" \
	forms check "$T/pd/pd"
rm "$T/pd/pd/prices.csv"
expect_err 0 "survey.csv:3:4: warning: prices.csv is not beside the form (pulldata() reads from it): it reads as empty" \
	"a file that is not there is warned of at its cell (pyxform takes the form)" \
	forms check "$T/pd/pd"

# A select's default that is none of its choices is not used (a warning;
# pyxform does not check it); a choice's name may be a sentence.
mkdir -p "$WS/forms/dflt"
long=the_waste_is_collected_by_the_municipality_every_week_from_the_street_side
printf 'type,name,label,default\nselect_one w,w,Waste,Fixme\n' >"$WS/forms/dflt/survey.csv"
printf 'list_name,name,label\nw,%s,Weekly\nw,never,Never\n' "$long" >"$WS/forms/dflt/choices.csv"
expect_exit 0 "a default outside the choices loads" forms check "$WS/forms/dflt"
check "with a warning that it is not used" \
	grep -q "survey.csv:2:4: warning: default: 'Fixme' is not one of the item's choices: it is not used" "$ERR"
fc inspection new --form dflt --enterprise "$USCC1"
did=$(cat "$OUT")
expect_exit 0 "a choice named by a sentence is an answer" inspection answer "$did" w "$long"

# What pyxform puts on a bind and ODK never uses there: a group's required
# or default, a calculate's constraint or default (a warning each).
mkdir -p "$WS/forms/unused"
cat >"$WS/forms/unused/survey.csv" <<'CSV'
type,name,label,required,constraint,default,calculation
begin_group,g,G,yes,,x,
integer,n,N,,,,
end_group,,,yes,,,
calculate,c,,,. > 1,5,${n} + 1
CSV
expect_exit 0 "they load" forms check "$WS/forms/unused"
check "a group's required is a warning" \
	grep -q "survey.csv:2:4: warning: required is not used for items of type begin_group" "$ERR"
check "a calculate's constraint is a warning" \
	grep -q "survey.csv:5:5: warning: constraint is not used for items of type calculate" "$ERR"
check "a calculate's default is a warning" \
	grep -q "survey.csv:5:6: warning: default is not used for items of type calculate" "$ERR"

# An empty settings.csv is none, as an empty settings sheet is.
mkdir -p "$WS/forms/nosettings"
printf 'type,name,label\ntext,t,T\n' >"$WS/forms/nosettings/survey.csv"
: >"$WS/forms/nosettings/settings.csv"
expect_exit 0 "an empty settings.csv is none" forms check "$WS/forms/nosettings"
