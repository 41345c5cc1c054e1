/* triggers.c - the trigger column: pyxform's setvalue on a value change.
 *
 * An item with a calculation and a trigger ("${a}", or several as
 * "${a}, ${b}") is set to the calculation's value whenever the answer of
 * an item it names changes (forms/inspect/kept.c does it, as an answer in
 * the record); a question may then be answered otherwise until the
 * trigger changes again.  As pyxform, a trigger names items that exist and
 * that a person answers ("not user-visible so it can't be used as a
 * calculation trigger"), separated by commas (empty parts allowed).  An
 * item inside a repeat is set in the instance whose answer changed, so its
 * triggers are in the same repeat.
 */
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/engine_impl.h"
#include "forms/engine/load_impl.h"
#include "forms/engine/survey_impl.h"

/* The next part of a trigger list at *p: a ${name} into name (1), an empty
 * part (0), the end (2) or something else (-1). */
static int next_part(const char **p, char *name, size_t size)
{
	const char *s = *p + strspn(*p, " \t"), *end;
	size_t n;

	if (!*s)
		return 2;
	if (*s == ',') {
		*p = s + 1;
		return 0;
	}
	if (strncmp(s, "${", 2) || !(end = strchr(s + 2, '}')) ||
	    (n = (size_t)(end - s - 2)) == 0 || n >= size)
		return -1;
	memcpy(name, s + 2, n);
	name[n] = '\0';
	s = end + 1 + strspn(end + 1, " \t");
	if (*s && *s != ',')
		return -1; /* "${a}${b}": pyxform wants commas */
	*p = *s ? s + 1 : s;
	return 1;
}

/* Adds item t as a trigger of item i, or reports why it cannot be one. */
static void add_trigger(struct loader *ld, struct survey *sv, size_t i, const char *name)
{
	struct form_item *it = &ld->f->items[i];
	int t = form_item_index(ld->f, name);
	const struct form_item *ti = t >= 0 ? &ld->f->items[t] : NULL;

	if (!ti && form_xls_name_shared(ld->f, name)) {
		sheet_problem(ld, &sv->sh, sv->row[i], S_TRIGGER, SLOT_PLAIN, "trigger: "
			      "${%s} names items in several groups: use the scoped name", name);
	} else if (!ti) {
		sheet_problem(ld, &sv->sh, sv->row[i], S_TRIGGER, SLOT_PLAIN, "trigger: "
			      "${%s} names no item", name);
	} else if ((!form_item_answerable(ti) && !ti->missing_file) || ti->type == FT_MEDIA) {
		/* (a select whose file is missing is a person's to answer once
		 * the file is there: it triggers nothing until then) */
		sheet_problem(ld, &sv->sh, sv->row[i], S_TRIGGER, SLOT_PLAIN, "trigger: "
			      "${%s} is not answered by a person, so it cannot trigger '%s'",
			      name, it->name);
	} else if (it->repeat >= 0 && ti->repeat != it->repeat) {
		sheet_problem(ld, &sv->sh, sv->row[i], S_TRIGGER, SLOT_PLAIN, "trigger: "
			      "${%s} is not in the repeat '%s' is in, whose instance it would set",
			      name, it->name);
	} else {
		it->triggers = xreallocarray(it->triggers, it->n_triggers + 1,
					     sizeof *it->triggers); /* a few */
		it->triggers[it->n_triggers++] = (size_t)t;
	}
}

void survey_link_triggers(struct loader *ld, struct survey *sv, size_t i)
{
	struct form_item *it = &ld->f->items[i];
	const char *p = sheet_get(&sv->sh, sv->row[i], S_TRIGGER, SLOT_PLAIN);
	char name[NAME_MAX_LEN + 1];
	int r, n = 0;

	if (!it->triggered)
		return;
	while ((r = next_part(&p, name, sizeof name)) != 2) {
		if (r < 0) {
			sheet_problem(ld, &sv->sh, sv->row[i], S_TRIGGER, SLOT_PLAIN, "trigger: "
				      "'%s' is not a list of ${name}, separated by commas",
				      sheet_get(&sv->sh, sv->row[i], S_TRIGGER, SLOT_PLAIN));
			return;
		}
		if (r == 1 && n++ < 64)
			add_trigger(ld, sv, i, name);
	}
	if (!n)
		sheet_problem(ld, &sv->sh, sv->row[i], S_TRIGGER, SLOT_PLAIN, "trigger: names "
			      "no item");
}

int form_item_stored(const struct form_item *it)
{
	return it->calculation && (it->type == FT_CALCULATE || it->computed) &&
	       (it->once || it->triggered);
}

int form_item_triggers(const struct form *f, size_t t, size_t x)
{
	const struct form_item *it = &f->items[x];
	size_t k;

	for (k = 0; it->triggered && k < it->n_triggers; k++)
		if (it->triggers[k] == t)
			return 1;
	return 0;
}
