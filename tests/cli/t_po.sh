# t_po.sh - every message marked for translation, in any layer, has its
# Chinese translation: none missing, none fuzzy, none empty, and the
# catalogue compiles with its format strings matching their msgids.
. "$FIELDCHECK_TOP/tests/lib.sh"

PO=$TOP/tui/po/zh_CN.po
if ! command -v xgettext >/dev/null 2>&1; then
	skip "every marked message has a zh_CN translation" "xgettext is missing (package gettext)"
	exit 0
fi
# The sources of every layer, as `make po` takes them.
(cd "$TOP" && find core forms sync tui -name '*.[ch]' | sort |
	xargs xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ -o "$T/fresh.pot") 2>"$ERR"
check "xgettext reads every layer's sources" [ -s "$T/fresh.pot" ]
check "the template finds messages of core/, forms/, sync/ and tui/cli/" \
	sh -c "for d in core forms sync tui/cli; do grep -Eq \"^#:.* \$d/[^ ]+:[0-9]\" '$T/fresh.pot' || exit 1; done"

msgcmp "$PO" "$T/fresh.pot" >"$OUT" 2>&1
check "every marked message has a translation in zh_CN.po (msgcmp)" [ $? -eq 0 ]

msgfmt -c --statistics -o "$T/zh.mo" "$PO" >"$OUT" 2>&1
check "zh_CN.po compiles, its formats match their msgids" [ -s "$T/zh.mo" ]
check "zh_CN.po has no fuzzy and no untranslated message" \
	sh -c "! grep -q -e fuzzy -e untranslated '$OUT'"
