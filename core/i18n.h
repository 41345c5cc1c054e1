/* i18n.h - messages in the user's language, for every layer.
 *
 * English is the msgid; gettext looks the text up in the one domain,
 * "fieldcheck", whose catalogues (tui/po/LANG.po) hold the strings of
 * core/, forms/, sync/ and both front ends.  Mark a message with _() where
 * it is made, or with N_() where it sits in a table and is translated when
 * used.  What is written into records, commits or machine-read output stays
 * English: only text meant for a person goes through _().  No curses here:
 * the layers below the UI use this as they are.
 */
#ifndef FC_I18N_H
#define FC_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

/* Binds the domain to its catalogues: $FIELDCHECK_LOCALEDIR, else
 * build/locale or locale beside the binary (its build tree, see
 * core/exedir.h), else FC_LOCALEDIR (where `make install` puts them).  main() calls it once,
 * after setlocale(), before either front end speaks. */
void i18n_init(void);

#endif
