/* instances.c - repeat instances in an inspection's answers (instances.h). */
#include "instances.h"
#include "kept.h"
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

/* A live marker's value: its number, a decimal of at most 9 digits (else
 * 0: a hand-edited record still shows, first), then for an instance of a
 * nested repeat '@' and the uuid of the instance it is in (else ""). */
static unsigned long parse_marker(const char *v, char *parent)
{
	size_t n = strspn(v, "0123456789");

	*parent = '\0';
	if (v[n] == '@' && strlen(v + n + 1) == FC_UUID_LEN &&
	    !uuid_check(v + n + 1, "", NULL))
		memcpy(parent, v + n + 1, FC_UUID_LEN + 1);
	return n && n <= 9 && (!v[n] || *parent) ? strtoul(v, NULL, 10) : 0;
}

/* Whether uuid is a live instance of repeat r: its marker is, and so is
 * the instance it is in, for a nested repeat. */
static int live(const struct form *f, const struct fc_inspection *in, size_t r,
		const char *uuid, int depth)
{
	char key[MAX_ITEM_KEY + 1], parent[FC_UUID_LEN + 1];
	const struct fc_answer *a;
	int pr = f->items[r].repeat;

	if (depth > FORM_REPEAT_DEPTH || strlen(uuid) != FC_UUID_LEN)
		return 0;
	snprintf(key, sizeof key, "%s@%s", f->items[r].name, uuid);
	if (!(a = inspection_answer(in, key)) || !strcmp(a->value, INSPECT_INSTANCE_REMOVED))
		return 0;
	parse_marker(a->value, parent);
	return pr < 0 || (*parent && live(f, in, (size_t)pr, parent, depth + 1));
}

int inspect_instance_live(const struct form *f, const struct fc_inspection *in, size_t r,
			  const char *uuid)
{
	return live(f, in, r, uuid, 1);
}

size_t inspect_instances(const struct form *f, const struct fc_inspection *in, size_t r,
			 const char *parent, int all, struct inspect_instance **out)
{
	const char *repeat = f->items[r].name;
	int pr = f->items[r].repeat;
	size_t i, n = 0, alloc = 0;
	char par[FC_UUID_LEN + 1];
	const char *u;

	*out = NULL;
	for (i = 0; i < in->n_answers; i++) {
		const struct fc_answer *a = &in->answers[i];
		unsigned long number;
		int removed;
		if (!(u = marker_of(a->item, repeat)))
			continue;
		removed = !strcmp(a->value, INSPECT_INSTANCE_REMOVED);
		number = parse_marker(a->value, par);
		if (pr >= 0 && parent && strcmp(par, parent))
			continue;
		if (!all && (removed || (pr >= 0 && !(*par && live(f, in, (size_t)pr, par, 2)))))
			continue;
		ALLOC_GROW(*out, n + 1, alloc);
		memcpy((*out)[n].uuid, u, FC_UUID_LEN + 1);
		memcpy((*out)[n].parent, par, FC_UUID_LEN + 1);
		(*out)[n].at = a->at;
		(*out)[n].number = number;
		(*out)[n++].removed = removed;
	}
	if (n > 1)
		qsort(*out, n, sizeof **out, cmp_instance);
	return n;
}

/* The instance uuid of repeat r is in (of the repeat enclosing r), into
 * parent; "" for a repeat inside none, or when uuid has no marker. */
static void parent_of(const struct form *f, const struct fc_inspection *in, size_t r,
		      const char *uuid, char *parent)
{
	char key[MAX_ITEM_KEY + 1];
	const struct fc_answer *a;

	*parent = '\0';
	snprintf(key, sizeof key, "%s@%s", f->items[r].name, uuid);
	if (f->items[r].repeat >= 0 && (a = inspection_answer(in, key)))
		parse_marker(a->value, parent);
}

int inspect_instance_up(const struct form *f, const struct fc_inspection *in, size_t r,
			const char *uuid, size_t to, char *out)
{
	char cur[FC_UUID_LEN + 1], par[FC_UUID_LEN + 1];
	int d;

	snprintf(cur, sizeof cur, "%s", uuid);
	for (d = 0; d <= FORM_REPEAT_DEPTH; d++) {
		if (r == to) {
			memcpy(out, cur, FC_UUID_LEN + 1);
			return *cur ? 0 : -1;
		}
		if (f->items[r].repeat < 0)
			return -1;
		parent_of(f, in, r, cur, par);
		memcpy(cur, par, sizeof cur);
		r = (size_t)f->items[r].repeat;
	}
	return -1;
}

size_t inspect_instance_position(const struct form *f, const struct fc_inspection *in,
				 size_t r, const char *uuid)
{
	struct inspect_instance *v;
	char parent[FC_UUID_LEN + 1];
	size_t n, k, pos = 0;

	if (!live(f, in, r, uuid, 1))
		return 0;
	parent_of(f, in, r, uuid, parent);
	n = inspect_instances(f, in, r, parent, 0, &v);
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

/* The repeats r is inside and r, outermost first, into reps; their count. */
static size_t repeat_chain(const struct form *f, size_t r, size_t *reps)
{
	size_t n = 0, k;
	int q;

	for (q = (int)r; q >= 0 && n < FORM_REPEAT_DEPTH; q = f->items[q].repeat)
		reps[n++] = (size_t)q;
	for (k = 0; k < n / 2; k++) {
		size_t t = reps[k];
		reps[k] = reps[n - 1 - k];
		reps[n - 1 - k] = t;
	}
	return n;
}

/* "N" or, for a nested repeat, "N/M/..." from the outermost repeat in:
 * the live instance those positions name, into uuid.  0, or -1 (with the
 * number of live instances at the level that failed in *n). */
static int by_positions(const struct form *f, const struct fc_inspection *in, size_t r,
			const char *which, char *uuid, size_t *n)
{
	size_t reps[FORM_REPEAT_DEPTH], depth = repeat_chain(f, r, reps), j;
	char parent[FC_UUID_LEN + 1] = "";
	const char *p = which;

	*n = 0;
	for (j = 0; j < depth; j++) {
		struct inspect_instance *v;
		char *end;
		unsigned long pos = strtoul(p, &end, 10);
		int ok = *p >= '1' && *p <= '9' && (j + 1 < depth ? *end == '/' : !*end);
		*n = inspect_instances(f, in, reps[j], parent, 0, &v);
		ok = ok && pos <= *n;
		if (ok)
			memcpy(parent, v[pos - 1].uuid, FC_UUID_LEN + 1);
		free(v);
		if (!ok)
			return -1;
		p = end + 1;
	}
	memcpy(uuid, parent, FC_UUID_LEN + 1);
	return 0;
}

int inspect_instance_which(const struct form *f, const struct fc_inspection *in, size_t repeat,
			   const char *which, char *uuid, struct form_lang lang,
			   struct fc_err *err)
{
	size_t n;

	if (strlen(which) == FC_UUID_LEN && live(f, in, repeat, which, 1)) {
		memcpy(uuid, which, FC_UUID_LEN + 1);
		return 0;
	}
	if (!by_positions(f, in, repeat, which, uuid, &n))
		return 0;
	if (f->items[repeat].repeat >= 0)
		return fc_fail(err, _("“%s” is inside “%s”: '%.40s' names none of its live "
				      "instances; give its uuid, or its number in each repeat "
				      "from the outermost, like 2/1"), repeat_label(f, repeat, lang),
			       repeat_label(f, (size_t)f->items[repeat].repeat, lang), which);
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
	if (!live(f, in, (size_t)f->items[i].repeat, at + 1, 1))
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

/* Whether instances may be added to repeat r inside instance `parent`
 * ("" for a repeat inside none) now: it applies there, and has fewer
 * than its repeat_count (or FORM_REPEAT_MAX) there. */
static int may_add(const struct form *f, size_t r, const char *parent,
		   const struct fc_inspection *in, struct form_lang lang, struct fc_err *err)
{
	struct inspect_answers a;
	struct inspect_instance *v;
	size_t live_n = inspect_instances(f, in, r, parent, 0, &v), want;
	int rel, has;

	free(v);
	inspect_answers_init(&a, in);
	if (f->items[r].repeat >= 0)
		inspect_answers_in(&a, f, (size_t)f->items[r].repeat, parent);
	if ((rel = form_relevant(f, r, &a.fa, err)) < 0)
		return -1;
	if (!rel)  /* before its repeat_count, which may read what is not answered */
		return fc_fail(err, _("“%s” does not apply given the answers so far"),
			       repeat_label(f, r, lang));
	if ((has = form_repeat_count(f, r, &a.fa, &want, err)) < 0)
		return -1;
	if (!has)
		want = FORM_REPEAT_MAX;
	if (live_n >= want)
		return fc_fail(err, has ? _("“%s” has the %zu instances its repeat_count asks for")
				    : _("“%s” has %zu instances, the most one repeat may have"),
			       repeat_label(f, r, lang), live_n);
	return 0;
}

/* The instance of the repeat enclosing r that `which` names, into parent
 * ("" for a repeat inside none, which takes no `which`).  0, or -1. */
static int parent_which(const struct form *f, const struct fc_inspection *in, size_t r,
			const char *which, char *parent, struct form_lang lang,
			struct fc_err *err)
{
	int pr = f->items[r].repeat;

	*parent = '\0';
	if (pr < 0 && which && *which)
		return fc_fail(err, _("“%s” is inside no other repeat: its instances are added "
				      "without naming one"), repeat_label(f, r, lang));
	if (pr < 0)
		return 0;
	if (!which || !*which)
		return fc_fail(err, _("“%s” is answered once for each “%s”: say which"),
			       repeat_label(f, r, lang), repeat_label(f, (size_t)pr, lang));
	return inspect_instance_which(f, in, (size_t)pr, which, parent, lang, err);
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
	const char *repeat, *which, *parent;
	char *uuid;
	size_t *pos;
	struct form_lang lang;
};

static int add_locked(struct fc_workspace *ws, const struct form *f,
		      const struct fc_inspection *in, void *arg, struct fc_err *err)
{
	struct change *c = arg;
	char key[MAX_ITEM_KEY + 1], number[24 + FC_UUID_LEN], parent[FC_UUID_LEN + 1];
	struct inspect_instance *v;
	struct fc_inspection now;
	int r = repeat_index(f, c->repeat, err);
	size_t n, k;
	unsigned long top = 0;

	if (r < 0 || parent_which(f, in, (size_t)r, c->parent, parent, c->lang, err) ||
	    may_add(f, (size_t)r, parent, in, c->lang, err) || uuid_new(c->uuid, err))
		return -1;
	n = inspect_instances(f, in, (size_t)r, parent, 0, &v);
	for (k = 0; k < n; k++)
		top = v[k].number > top ? v[k].number : top;
	free(v);
	snprintf(key, sizeof key, "%s@%s", c->repeat, c->uuid);
	snprintf(number, sizeof number, *parent ? "%lu@%s" : "%lu", top + 1, parent);
	if (inspection_set_answer(ws->store, &ws->me, in->id, key, number, "", err) ||
	    inspection_get(ws->store, in->id, &now, err))
		return -1;
	*c->pos = inspect_instance_position(f, &now, (size_t)r, c->uuid);
	inspection_clear(&now);
	return inspect_keep_once(ws, f, in->id, err); /* the new instance's once() */
}

int inspect_repeat_add(struct fc_workspace *ws, const struct form *f, const char *id,
		       const char *repeat, const char *parent, char *uuid_out, size_t *pos,
		       struct form_lang lang, struct fc_err *err)
{
	struct change c = { repeat, NULL, parent, uuid_out, pos, lang };

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

/* Withdraws the hazards made inside instance uuid of repeat r and inside
 * the instances of the repeats nested in r that are in it. */
static int withdraw_all(struct fc_workspace *ws, const struct form *f,
			const struct fc_inspection *in, size_t r, const char *uuid, int depth,
			struct fc_err *err)
{
	size_t i, k, n;

	if (withdraw_hazards(ws, in, uuid, err))
		return -1;
	for (i = r + 1; depth < FORM_REPEAT_DEPTH && i < f->n_items; i++) {
		struct inspect_instance *v;
		int rc = 0;
		if (f->items[i].type != FT_BEGIN_REPEAT || f->items[i].repeat != (int)r)
			continue;
		n = inspect_instances(f, in, i, uuid, 1, &v);
		for (k = 0; k < n && !rc; k++)
			rc = withdraw_all(ws, f, in, i, v[k].uuid, depth + 1, err);
		free(v);
		if (rc)
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
	return withdraw_all(ws, f, in, (size_t)r, c->uuid, 1, err);
}

int inspect_repeat_remove(struct fc_workspace *ws, const struct form *f, const char *id,
			  const char *repeat, const char *which, struct form_lang lang,
			  struct fc_err *err)
{
	char uuid[FC_UUID_LEN + 1];
	size_t pos = 0;
	struct change c = { repeat, which, NULL, uuid, &pos, lang };

	return on_draft(ws, f, id, remove_locked, &c, err);
}
