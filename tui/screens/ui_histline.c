/* ui_histline.c - a record's history in the user's words (see
 * ui_histline.h).  A changed line is one field ("status": "final") or one
 * element of an array ({"item": "x", "value": "pass", ...}) of the record's
 * canonical text; it is read with the strict JSON reader, and shown as
 * "Label: value, Label: value", the empty fields of an element left out.
 * A line that does not read is shown as it is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_histline.h"
#include "ui_labels.h"
#include "core/json.h"
#include "core/strbuf.h"
#include "sync/subject.h"

/* The record's keys (core/record_encode.c) as labels. */
static const char *key_label(const char *k)
{
	static const char *const l[][2] = {
		{ "format", N_("Format") }, { "code", N_("Credit code") }, { "name", N_("Name") },
		{ "town", N_("Town") }, { "industry", N_("Industry") },
		{ "address", N_("Address") }, { "id", N_("Id") }, { "form", N_("Form") },
		{ "form_version", N_("Form version") }, { "enterprise", N_("Enterprise") },
		{ "type", N_("Type") }, { "status", N_("Status") }, { "location", N_("Location") },
		{ "created_at", N_("Created") }, { "created_by", N_("Created by") },
		{ "finalized_at", N_("Finalized") }, { "team", N_("Team") },
		{ "badge", N_("Badge") }, { "dept", N_("Department") },
		{ "answers", N_("Answers") }, { "conflicts", N_("Conflicts") },
		{ "amendments", N_("Amendments") }, { "item", N_("Item") },
		{ "value", N_("Answer") }, { "note", N_("Note") }, { "by", N_("By") },
		{ "at", N_("At") }, { "reason", N_("Reason") },
		{ "inspection", N_("Inspection") }, { "severity", N_("Severity") },
		{ "description", N_("Description") }, { "deadline", N_("Deadline") },
		{ "events", N_("Events") }, { "kind", N_("Event") }, { "date", N_("Date") },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(l); i++)
		if (!strcmp(k, l[i][0]))
			return _(l[i][1]);
	return k;
}

struct ctx {
	struct ui *ui;
	struct ui_names *names;
	const char *form_id;
	int form_version;
};

/* A value as shown: items by label, the model's words translated. */
static void add_value(struct ctx *c, struct strbuf *sb, const char *key,
		      const struct json_value *v)
{
	enum hazard_event_kind k;

	if (v->type == JSON_INT) {
		strbuf_addf(sb, "%lld", v->i);
	} else if (v->type != JSON_STRING) {
		strbuf_adds(sb, "?");
	} else if (!strcmp(key, "item") && *c->form_id && *v->s) {
		ui_item_name(c->ui, c->names, c->form_id, c->form_version, NULL, v->s, sb);
	} else if (!strcmp(key, "kind") && hazard_event_parse(v->s, &k) == 0) {
		strbuf_adds(sb, hazard_event_label(k));
	} else if (!strcmp(key, "type") || !strcmp(key, "status") || !strcmp(key, "severity")) {
		strbuf_adds(sb, model_word(v->s));
	} else {
		strbuf_adds(sb, v->s);
	}
}

/* The line shown, or NULL when it does not read as a field or an element. */
static char *line_shown(struct ctx *c, const char *text)
{
	static const struct json_limits lim = { 16, 32 };
	struct fc_err err = { 0 };
	struct json_value v;
	struct strbuf in, out;
	size_t i;

	strbuf_init(&in);
	if (text[0] == '{')
		strbuf_adds(&in, text);
	else
		strbuf_addf(&in, "{%s}", text);
	if (json_parse(in.buf, in.len, "history", &lim, &v, &err)) {
		strbuf_release(&in);
		return NULL;
	}
	strbuf_release(&in);
	strbuf_init(&out);
	for (i = 0; v.type == JSON_OBJECT && i < v.len; i++) {
		const struct json_member *m = &v.members[i];
		if (text[0] == '{' && m->value.type == JSON_STRING && !*m->value.s)
			continue;
		if (out.len)
			strbuf_adds(&out, _(", "));
		strbuf_adds(&out, key_label(m->key));
		strbuf_adds(&out, _(": "));
		add_value(c, &out, m->key, &m->value);
	}
	json_release(&v);
	return strbuf_detach(&out);
}

void ui_history_localize(struct ui *ui, struct ui_names *names, struct history *h,
			 const char *form_id, int form_version)
{
	struct ctx c = { ui, names, form_id, form_version };
	size_t i, k;

	for (i = 0; i < h->n; i++) {
		struct history_entry *e = &h->e[i];
		char *s = subject_shown(e->summary);
		free(e->summary);
		e->summary = s;
		for (k = 0; k < e->n_lines; k++) {
			struct history_line *l = &e->lines[k];
			char *t = line_shown(&c, l->text);
			if (t) {
				free(l->text);
				l->text = t;
			}
			if (l->section[0])
				snprintf(l->section, sizeof l->section, "%s", key_label(l->section));
		}
	}
}
