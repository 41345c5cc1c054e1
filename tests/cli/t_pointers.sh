# t_pointers.sh - comments point inside the repository: no citation of a
# design document that is not in it ("DESIGN §N", ../shared), and every
# "docs/ARCHITECTURE.md, \"HEADING\"" names a heading the document has.
. "$FIELDCHECK_TOP/tests/lib.sh"
cd "$TOP" || exit 1
DOC=docs/ARCHITECTURE.md

sources() { find core forms sync tui tests bench -name '*.[ch]' 2>/dev/null; }

check "docs/ARCHITECTURE.md is in the repository" test -s "$DOC"
sources | xargs grep -n -e 'DESIGN §' -e '\.\./shared' >"$T/outside"
check "no comment cites a document outside the repository" test ! -s "$T/outside"
sed 's/^/    /' "$T/outside"

# Each citation, joined across the comment's line breaks ("\n * ").
sources | xargs perl -0777 -ne 's/\n\s*\*\s*/ /g;
	print "$ARGV: $1\n" while /ARCHITECTURE\.md,\s*\\?"([^"\\]+)\\?"/g' \
	>"$T/cited"
check "the comments cite sections of it" test -s "$T/cited"
sed -n 's/^#\{1,4\} //p' "$DOC" >"$T/headings"
while IFS= read -r line; do
	heading=${line#*: }
	if grep -qxF -- "$heading" "$T/headings"; then
		ok "${line%%: *} cites \"$heading\", a heading of $DOC"
	else
		not_ok "${line%%: *} cites \"$heading\", which $DOC has no heading for"
	fi
done <"$T/cited"
