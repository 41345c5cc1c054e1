/* inspect_notice.c - the rectification order with the form's words, and
 * written to a file (see inspect_notice.h; the text is core/notice.c's). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "inspect_notice.h"
#include "core/inspection.h"
#include "inspect.h"
#include "core/i18n.h"

static void form_item(void *ctx, const char *form_id, int version, const char *item,
		      enum notice_lang lang, struct notice_item *out)
{
	struct notice_formcache *c = ctx;
	struct form_lang fl = c->lang.code[0] ? c->lang
			      : form_lang_of(lang == NOTICE_ZH ? "zh" : "en");
	struct fc_err err = { 0 };
	int idx;

	if (!c->id || strcmp(c->id, form_id) || c->version != version) {
		form_free(c->f);
		free(c->id);
		c->id = xstrdup(form_id);
		c->version = version;
		c->f = inspect_form(c->ws, form_id, version, &err); /* none: no labels */
	}
	idx = c->f ? form_item_index(c->f, item) : -1;
	if (idx < 0)
		return;
	out->label = form_text(c->f, &c->f->items[idx].label, fl);
	out->basis = form_text(c->f, &c->f->items[idx].legal_basis, fl);
}

void notice_forms_init(struct notice_formcache *cache, struct fc_workspace *ws,
		       struct notice_forms *out)
{
	memset(cache, 0, sizeof *cache);
	cache->ws = ws;
	out->item = form_item;
	out->ctx = cache;
}

void notice_forms_release(struct notice_formcache *cache)
{
	form_free(cache->f);
	free(cache->id);
	memset(cache, 0, sizeof *cache);
}

int notice_build(struct fc_workspace *ws, const char *id, struct form_lang lang,
		 struct strbuf *out, struct fc_err *err)
{
	struct notice_formcache cache;
	struct notice_forms forms;
	int rc;

	notice_forms_init(&cache, ws, &forms);
	cache.lang = lang;
	rc = notice_text(ws->store, id, form_lang_is(lang, "zh") ? NOTICE_ZH : NOTICE_EN,
			 &forms, out, err);
	notice_forms_release(&cache);
	return rc;
}

int notice_write_new(const char *dir, const char *base, const char *ext,
		     const struct strbuf *sb, char *path, size_t size, struct fc_err *err)
{
	char tmp[4200];
	int fd, k, e, bad, rc = -1;

	snprintf(tmp, sizeof tmp, "%s/.%s.%ld.tmp", dir, base, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return fc_failk(err, FC_EIO, _("cannot write %s: %s"), tmp, strerror(errno));
	bad = write(fd, sb->buf, sb->len) != (ssize_t)sb->len || fsync(fd);
	e = errno;
	if (close(fd) && !bad)
		bad = 1, e = errno;
	if (bad) {
		fc_failk(err, FC_EIO, _("cannot write %s: %s"), tmp, strerror(e));
		unlink(tmp);
		return -1;
	}
	for (k = 1, e = EEXIST; k <= NOTICE_MAX_NAMES && rc && e == EEXIST; k++) {
		if (k == 1)
			snprintf(path, size, "%s/%s.%s", dir, base, ext);
		else
			snprintf(path, size, "%s/%s-%d.%s", dir, base, k, ext);
		if (link(tmp, path) == 0)
			rc = 0;
		else
			e = errno;
	}
	if (rc && e == EEXIST)
		fc_failk(err, FC_EIO, _("%s/%s*.%s: %d documents of this kind are written "
			 "already; move some elsewhere to write another"), dir, base, ext,
			 NOTICE_MAX_NAMES);
	else if (rc)
		fc_failk(err, FC_EIO, _("cannot write %s: %s"), path, strerror(e));
	unlink(tmp);
	return rc;
}

int notice_save(struct fc_workspace *ws, const char *folder, const char *id, const char *stem,
		const char *ext, const struct strbuf *text, char **path_out, struct fc_err *err)
{
	char *dir = workspace_file(ws, folder), path[4200], base[64];
	struct fc_inspection in;
	int rc = -1;

	*path_out = NULL;
	if (mkdir(dir, 0755) && errno != EEXIST) {
		fc_failk(err, FC_EIO, _("cannot create %s: %s"), dir, strerror(errno));
		goto out;
	}
	if (inspection_get(ws->store, id, &in, err))
		goto out;
	/* A draft's document is named so, as its text says. */
	snprintf(base, sizeof base, "%.8s%s%s", id, stem, in.status == INSP_DRAFT ? "-draft" : "");
	inspection_clear(&in);
	if (notice_write_new(dir, base, ext, text, path, sizeof path, err))
		goto out;
	*path_out = xstrdup(path);
	rc = 0;
out:
	free(dir);
	return rc;
}

int notice_write(struct fc_workspace *ws, const char *id, struct form_lang lang,
		 char **path_out, struct fc_err *err)
{
	struct strbuf sb;
	int rc;

	*path_out = NULL;
	strbuf_init(&sb);
	rc = notice_build(ws, id, lang, &sb, err) ||
	     notice_save(ws, "notices", id, "", "txt", &sb, path_out, err) ? -1 : 0;
	strbuf_release(&sb);
	return rc;
}
