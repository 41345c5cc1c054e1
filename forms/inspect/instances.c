/* instances.c - repeat instances in an inspection's answers (instances.h). */
#include "instances.h"
#include "inspect_impl.h"
#include "inspect.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/hazard.h"
#include "core/i18n.h"
#include "core/inspection.h"
#include "core/store.h"
#include "core/strbuf.h"

/* The instance uuid of a key "<repeat>@<uuid>", or NULL for another key. */
static const char *marker_of(const char *key, const char *repeat)
{
	size_t n = strlen(repeat);

	if (strncmp(key, repeat, n) || key[n] != '@' || strlen(key + n + 1) != FC_UUID_LEN)
		return NULL;
	return key + n + 1;
}

static int cmp_instance(const void *a, const void *b)
{
	const struct inspect_instance *p = a, *q = b;
	int c = strcmp(p->at, q->at);

	if (p->number != q->number)
		return p->number < q->number ? -1 : 1;
	return c ? c : strcmp(p->uuid, q->uuid);
}

/* A live marker's number: its value when that is a decimal of at most 9
 * digits, else 0 (a hand-edited record still shows, first). */
static unsigned long number_of(const char *v)
{
	size_t n = strspn(v, "0123456789");

	return n && n <= 9 && !v[n] ? strtoul(v, NULL, 10) : 0;
}

size_t inspect_instances(const struct fc_inspection *in, const char *repeat, int all,
			 struct inspect_instance **out)
{
	size_t i, n = 0, alloc = 0;
	const char *u;

	*out = NULL;
	for (i = 0; i < in->n_answers; i++) {
		const struct fc_answer *a = &in->answers[i];
		int removed;
		if (!(u = marker_of(a->item, repeat)))
			continue;
		removed = !strcmp(a->value, INSPECT_INSTANCE_REMOVED);
		if (removed && !all)
			continue;
		ALLOC_GROW(*out, n + 1, alloc);
		memcpy((*out)[n].uuid, u, FC_UUID_LEN + 1);
		(*out)[n].at = a->at;
		(*out)[n].number = number_of(a->value);
		(*out)[n++].removed = removed;
	}
	if (n > 1)
		qsort(*out, n, sizeof **out, cmp_instance);
	return n;
}

size_t inspect_instance_position(const struct fc_inspection *in, const char *repeat,
				 const char *uuid)
{
	struct inspect_instance *v;
	size_t n = inspect_instances(in, repeat, 0, &v), k, pos = 0;

	for (k = 0; k < n && !pos; k++)
		if (!strcmp(v[k].uuid, uuid))
			pos = k + 1;
	free(v);
	return pos;
}

/* What a person calls repeat item r ("Vehicle"). */
static const char *repeat_label(const struct form *f, size_t r, struct form_lang lang)
{
	return form_item_label(f, &f->items[r], lang);
}

int inspect_instance_which(const struct form *f, const struct fc_inspection *in, size_t repeat,
			   const char *which, char *uuid, struct form_lang lang,
			   struct fc_err *err)
{
	struct inspect_instance *v;
	size_t n = inspect_instances(in, f->items[repeat].name, 0, &v), k;
	char *end;
	unsigned long pos = strtoul(which, &end, 10);
	int found = 0;

	if (*which >= '1' && *which <= '9' && !*end && pos <= n) {
		memcpy(uuid, v[pos - 1].uuid, FC_UUID_LEN + 1);
		found = 1;
	}
	for (k = 0; k < n && !found; k++)
		if (!strcmp(v[k].uuid, which)) {
			memcpy(uuid, v[k].uuid, FC_UUID_LEN + 1);
			found = 1;
		}
	free(v);
	if (found)
		return 0;
	return fc_fail(err, ngettext("“%s” has %zu instance: '%.40s' is neither its number "
				     "nor the uuid of a live one",
				     "“%s” has %zu instances: '%.40s' is neither a number from 1 "
				     "to %zu nor the uuid of a live one", n),
		       repeat_label(f, repeat, lang), n, which, n);
}

int inspect_key(const struct form *f, const struct fc_inspection *in, const char *key,
		size_t *idx, char *instance, struct form_lang lang, struct fc_err *err)
{
	const char *at = strchr(key, '@');
	char name[MAX_ITEM_KEY + 1];
	int i;

	snprintf(name, sizeof name, "%.*s", at ? (int)(at - key) : (int)strlen(key), key);
	i = form_item_index(f, name);
	if (i < 0 && form_xls_name_shared(f, name)) {
		struct strbuf sb;
		strbuf_init(&sb);
		form_scoped_names(f, name, &sb);
		fc_fail(err, _("form %s has several items called '%s', in different groups: say "
			       "which (%s)"), f->id, name, sb.buf);
		strbuf_release(&sb);
		return -1;
	}
	if (i < 0)
		return fc_fail(err, _("form %s has no item '%.64s' (see 'fieldcheck inspection show')"),
			       f->id, name);
	*idx = (size_t)i;
	*instance = '\0';
	if (f->items[i].repeat < 0) {
		if (at)
			return fc_fail(err, _("item “%s” is not inside a repeat: it takes no "
					      "instance"), form_item_label(f, &f->items[i], lang));
		return 0;
	}
	if (!at)
		return fc_fail(err, _("item “%s” is answered once for each “%s”: say which "
				      "(--instance N)"), form_item_label(f, &f->items[i], lang),
			       repeat_label(f, (size_t)f->items[i].repeat, lang));
	if (!inspect_instance_position(in, f->items[f->items[i].repeat].name, at + 1))
		return fc_fail(err, _("“%s” has no live instance '%.40s'"),
			       repeat_label(f, (size_t)f->items[i].repeat, lang), at + 1);
	memcpy(instance, at + 1, FC_UUID_LEN + 1);
	return 0;
}

/* The begin_repeat called `repeat`, or -1 with err. */
static int repeat_index(const struct form *f, const char *repeat, struct fc_err *err)
{
	int r = form_item_index(f, repeat);

	if (r < 0 || f->items[r].type != FT_BEGIN_REPEAT)
		return fc_fail(err, _("form %s has no repeat '%.64s'"), f->id, repeat);
	return r;
}

/* Whether instances may be added to repeat r now: it applies, and has
 * fewer than its repeat_count (or FORM_REPEAT_MAX). */
static int may_add(const struct form *f, size_t r, const struct fc_inspection *in,
		   struct form_lang lang, struct fc_err *err)
{
	struct inspect_answers a;
	struct inspect_instance *v;
	size_t live = inspect_instances(in, f->items[r].name, 0, &v), want;
	int rel, has;

	free(v);
	inspect_answers_init(&a, in);
	if ((rel = form_relevant(f, r, &a.fa, err)) < 0 ||
	    (has = form_repeat_count(f, r, &a.fa, &want, err)) < 0)
		return -1;
	if (!has)
		want = FORM_REPEAT_MAX;
	if (!rel)
		return fc_fail(err, _("“%s” does not apply given the answers so far"),
			       repeat_label(f, r, lang));
	if (live >= want)
		return fc_fail(err, has ? _("“%s” has the %zu instances its repeat_count asks for")
				    : _("“%s” has %zu instances, the most one repeat may have"),
			       repeat_label(f, r, lang), live);
	return 0;
}

/* Runs fn in a transaction on draft `id` filled with f. */
static int on_draft(struct fc_workspace *ws, const struct form *f, const char *id,
		    int (*fn)(struct fc_workspace *, const struct form *,
			      const struct fc_inspection *, void *, struct fc_err *),
		    void *arg, struct fc_err *err)
{
	struct fc_inspection in;
	int rc;

	if (inspect_begin_read(ws, id, &in, err))
		return -1;
	if (strcmp(in.form_id, f->id) || in.form_version != f->version)
		rc = fc_fail(err, _("inspection %.8s was filled with %s version %d, not %s version %d"),
			     id, in.form_id, in.form_version, f->id, f->version);
	else if (in.status == INSP_FINAL)
		rc = inspection_require_draft(ws->store, id, err);
	else
		rc = fn(ws, f, &in, arg, err);
	inspection_clear(&in);
	if (rc) {
		store_rollback(ws->store);
		return -1;
	}
	return store_commit(ws->store, err);
}

struct change {
	const char *repeat, *which;
	char *uuid;
	size_t *pos;
	struct form_lang lang;
};

static int add_locked(struct fc_workspace *ws, const struct form *f,
		      const struct fc_inspection *in, void *arg, struct fc_err *err)
{
	struct change *c = arg;
	char key[MAX_ITEM_KEY + 1], number[24];
	struct inspect_instance *v;
	struct fc_inspection now;
	int r = repeat_index(f, c->repeat, err);
	size_t n, k;
	unsigned long top = 0;

	if (r < 0 || may_add(f, (size_t)r, in, c->lang, err) || uuid_new(c->uuid, err))
		return -1;
	n = inspect_instances(in, c->repeat, 0, &v);
	for (k = 0; k < n; k++)
		top = v[k].number > top ? v[k].number : top;
	free(v);
	snprintf(key, sizeof key, "%s@%s", c->repeat, c->uuid);
	snprintf(number, sizeof number, "%lu", top + 1);
	if (inspection_set_answer(ws->store, &ws->me, in->id, key, number, "", err) ||
	    inspection_get(ws->store, in->id, &now, err))
		return -1;
	*c->pos = inspect_instance_position(&now, c->repeat, c->uuid);
	inspection_clear(&now);
	return 0;
}

int inspect_repeat_add(struct fc_workspace *ws, const struct form *f, const char *id,
		       const char *repeat, char *uuid_out, size_t *pos, struct form_lang lang,
		       struct fc_err *err)
{
	struct change c = { repeat, NULL, uuid_out, pos, lang };

	return on_draft(ws, f, id, add_locked, &c, err);
}

/* Withdraws the hazards the answers inside instance uuid made. */
static int withdraw_hazards(struct fc_workspace *ws, const struct fc_inspection *in,
			    const char *uuid, struct fc_err *err)
{
	char hid[FC_UUID_LEN + 1];
	size_t i, n;
	int have;

	for (i = 0; i < in->n_answers; i++) {
		const char *key = in->answers[i].item;
		n = strlen(key);
		if (n <= FC_UUID_LEN + 1 || key[n - FC_UUID_LEN - 1] != '@' ||
		    strcmp(key + n - FC_UUID_LEN, uuid))
			continue;
		have = hazard_find_for_item(ws->store, in->id, key, hid, err);
		if (have < 0 || (have && hazard_withdraw(ws->store, hid, err)))
			return -1;
	}
	return 0;
}

static int remove_locked(struct fc_workspace *ws, const struct form *f,
			 const struct fc_inspection *in, void *arg, struct fc_err *err)
{
	struct change *c = arg;
	char key[MAX_ITEM_KEY + 1];
	int r = repeat_index(f, c->repeat, err);

	if (r < 0 || inspect_instance_which(f, in, (size_t)r, c->which, c->uuid, c->lang, err))
		return -1;
	snprintf(key, sizeof key, "%s@%s", c->repeat, c->uuid);
	if (inspection_set_answer(ws->store, &ws->me, in->id, key, INSPECT_INSTANCE_REMOVED, "",
				  err))
		return -1;
	return withdraw_hazards(ws, in, c->uuid, err);
}

int inspect_repeat_remove(struct fc_workspace *ws, const struct form *f, const char *id,
			  const char *repeat, const char *which, struct form_lang lang,
			  struct fc_err *err)
{
	char uuid[FC_UUID_LEN + 1];
	size_t pos = 0;
	struct change c = { repeat, which, uuid, &pos, lang };

	return on_draft(ws, f, id, remove_locked, &c, err);
}
