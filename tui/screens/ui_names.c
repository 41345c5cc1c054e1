/* ui_names.c - forms' titles and items' labels for the screens (see
 * ui_names.h). */
#include <stdlib.h>
#include <string.h>

#include "ui_names.h"
#include "forms/inspect/visit.h"
#include "core/strbuf.h"
#include "forms/inspect/inspect.h"

static const struct form *from_catalog(struct ui *ui, struct ui_names *c, const char *id)
{
	if (!c->cat) {
		c->cat = xcalloc(1, sizeof *c->cat);
		form_catalog_load(c->cat, ui->ws->dir);
	}
	return form_catalog_find(c->cat, id);
}

/* The form, read once; NULL when neither the store nor the catalogue has it. */
static const struct form *form_of(struct ui *ui, struct ui_names *c, const char *id, int version)
{
	struct fc_err err = { 0 };
	struct form *f = NULL;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (c->e[i].version == version && !strcmp(c->e[i].id, id))
			return c->e[i].f ? c->e[i].f : version ? from_catalog(ui, c, id) : NULL;
	if (version == 0 || c->n >= UI_NAMES_MAX)
		return from_catalog(ui, c, id);
	f = inspect_form(ui->ws, id, version, &err);
	ALLOC_GROW(c->e, c->n + 1, c->alloc);
	c->e[c->n].id = xstrdup(id);
	c->e[c->n].version = version;
	c->e[c->n++].f = f;
	return f ? f : from_catalog(ui, c, id);
}

const char *ui_form_title(struct ui *ui, struct ui_names *c, const char *id, int version)
{
	const struct form *f = form_of(ui, c, id, version);
	const char *t = f ? form_text(f, &f->title, ui->lang) : "";

	return *t ? t : id;
}

void ui_item_name(struct ui *ui, struct ui_names *c, const char *id, int version,
		  const struct fc_inspection *in, const char *key, struct strbuf *out)
{
	inspect_key_label(form_of(ui, c, id, version), in, key, ui->lang, out);
}

void ui_names_release(struct ui_names *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->e[i].id);
		form_free(c->e[i].f);
	}
	free(c->e);
	if (c->cat) {
		form_catalog_release(c->cat);
		free(c->cat);
	}
	memset(c, 0, sizeof *c);
}
