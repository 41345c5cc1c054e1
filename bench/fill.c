/* fill.c - new inspections made through the store's own API, the way an
 * inspector's laptop makes them, so that they wait in the outbox for a sync.
 *
 *   fill WORKSPACE [--seed S] --start K --inspections N [--base B]
 *        [--as NAME:BADGE:DEPT]
 *
 * Visits K .. K+N-1 of the generated district (synth.h) are started with
 * inspect_new, answered item by item with inspect_answer (a failed check
 * creates its hazard with the form's severity and deadline, as in the TUI),
 * given their rectification notice (hazard_event_add) and finalized with
 * inspect_finalize, by the workspace's inspector at the workspace's clock.
 * It is set-up, not a measurement: the whole fill is one transaction of
 * the store (each call nests in it as a savepoint), synced once.  Prints
 * what it made and how many records wait in the outbox.
 *
 * --as first makes the workspace an inspector's with that identity (its
 * settings, through store_meta_set): a copy of a supervisor's workspace
 * then stands for an inspector's that pulled the same central repository,
 * without a second first pull of 100 000 inspections.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/synth.h"
#include "core/hazard.h"
#include "core/model.h"
#include "core/recordio.h"
#include "core/store.h"
#include "core/workspace.h"
#include "forms/inspect/inspect.h"

static size_t number(const char *s)
{
	char *end;
	unsigned long long v;
	errno = 0;
	v = strtoull(s ? s : "", &end, 10);
	if (!s || !*s || *end || errno) {
		fprintf(stderr, "fill: not a number: '%s'\n", s ? s : "");
		exit(2);
	}
	return (size_t)v;
}

struct tally { size_t inspections, answers, refused, hazards, finalized, failed; };

/* Notices for the hazards the failed answers created. */
static void notices(struct fc_workspace *ws, const struct synth_visit *v, const char *id,
		    struct tally *t)
{
	size_t h;

	for (h = 0; h < v->n_hazards; h++) {
		const struct synth_hazard *sh = &v->hazards[h];
		const char *item = v->form->items[v->answers[sh->answer].item].name;
		char hid[FC_UUID_LEN + 1];
		struct fc_err err = { 0 };
		if (hazard_find_for_item(ws->store, id, item, hid, &err) != 1)
			continue;
		t->hazards++;
		if (sh->n_events > 1 && sh->events[1].kind == HEV_NOTICE &&
		    hazard_event_add(ws->store, &ws->me, hid, HEV_NOTICE, NULL, sh->events[1].note,
				     &err))
			fprintf(stderr, "fill: notice of hazard %.8s: %s\n", hid, err.msg);
	}
}

static void one(struct fc_workspace *ws, const struct synth_visit *v, struct tally *t)
{
	char id[FC_UUID_LEN + 1];
	struct fc_err err = { 0 };
	size_t i;

	/* The workspace's inspector leads; the planned colleagues come along. */
	if (inspect_new(ws, v->form, v->enterprise_code, v->type, v->location, v->team + 1,
			v->n_team - 1, id, &err)) {
		fprintf(stderr, "fill: visit %zu: %s\n", v->k, err.msg);
		t->failed++;
		return;
	}
	t->inspections++;
	for (i = 0; i < v->n_answers; i++) {
		const struct synth_answer *a = &v->answers[i];
		if (inspect_answer(ws, v->form, id, v->form->items[a->item].name, a->value, a->note,
				   NULL, form_lang_of("zh"), &err))
			t->refused++;
		else
			t->answers++;
	}
	notices(ws, v, id, t);
	if (v->finalized_at[0] && inspect_finalize(ws, v->form, id, form_lang_of("zh"), &err) == 0)
		t->finalized++;
}

/* Gives the workspace at dir the identity "NAME:BADGE:DEPT", as an inspector. */
static int become(const char *dir, const char *who, struct fc_err *err)
{
	struct fc_workspace *ws;
	char buf[512], *badge, *dept;
	int rc;

	snprintf(buf, sizeof buf, "%s", who);
	if (!(badge = strchr(buf, ':')) || !(dept = strchr(badge + 1, ':')))
		return fc_fail(err, "--as takes NAME:BADGE:DEPT, not '%s'", who);
	*badge++ = '\0';
	*dept++ = '\0';
	if (workspace_open(dir, &ws, err))
		return -1;
	rc = store_meta_set(ws->store, "name", buf, err) ||
	     store_meta_set(ws->store, "badge", badge, err) ||
	     store_meta_set(ws->store, "dept", dept, err) ||
	     store_meta_set(ws->store, "role", "inspector", err) ? -1 : 0;
	workspace_close(ws);
	return rc;
}

int main(int argc, char **argv)
{
	const char *forms = getenv("FIELDCHECK_FORMS"), *as = NULL;
	struct fc_workspace *ws = NULL;
	struct synth_visit *v;
	struct tally t = { 0 };
	struct fc_err err = { 0 };
	struct synth s;
	size_t start = 0, n = 0, base = 0, outbox = 0, k;
	unsigned long long seed = 1;
	int i, have_base = 0;

	if (argc < 2 || argv[1][0] == '-') {
		fprintf(stderr, "usage: fill WORKSPACE [--seed S] --start K --inspections N [--base B] "
			"[--as NAME:BADGE:DEPT]\n");
		return 2;
	}
	for (i = 2; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--seed"))
			seed = number(argv[i + 1]);
		else if (!strcmp(argv[i], "--start"))
			start = number(argv[i + 1]);
		else if (!strcmp(argv[i], "--inspections"))
			n = number(argv[i + 1]);
		else if (!strcmp(argv[i], "--base"))
			base = number(argv[i + 1]), have_base = 1;
		else if (!strcmp(argv[i], "--as"))
			as = argv[i + 1];
		else
			break;
	}
	if (i < argc) {
		fprintf(stderr, "fill: unknown option %s\n", argv[i]);
		return 2;
	}
	if ((as && become(argv[1], as, &err)) ||
	    synth_init(&s, seed, forms && *forms ? forms : "forms/checklists", have_base ? base : start, &err) ||
	    workspace_open(argv[1], &ws, &err) || store_begin(ws->store, &err)) {
		fprintf(stderr, "fill: %s\n", err.msg);
		return 1;
	}
	v = malloc(sizeof *v);
	for (k = start; v && k < start + n; k++) {
		synth_visit(&s, k, v);
		one(ws, v, &t);
	}
	free(v);
	if (store_commit(ws->store, &err) || outbox_count(ws->store, &outbox, &err)) {
		fprintf(stderr, "fill: %s\n", err.msg);
		return 1;
	}
	printf("fill: %zu inspections (%zu finalized, %zu failed to start), %zu answers (%zu "
	       "refused), %zu hazards; %zu records in the outbox\n", t.inspections, t.finalized,
	       t.failed, t.answers, t.refused, t.hazards, outbox);
	workspace_close(ws);
	synth_release(&s);
	return t.failed ? 1 : 0;
}
