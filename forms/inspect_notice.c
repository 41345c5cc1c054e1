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
#include "inspect.h"
#include "core/i18n.h"

static void form_item(void *ctx, const char *form_id, int version, const char *item,
		      enum notice_lang lang, struct notice_item *out)
{
	struct notice_formcache *c = ctx;
	enum form_lang fl = lang == NOTICE_ZH ? LANG_ZH : LANG_EN;
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
	out->label = form_text(&c->f->items[idx].label, fl);
	out->basis = form_text(&c->f->items[idx].legal_basis, fl);
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

int notice_build(struct fc_workspace *ws, const char *id, enum form_lang lang,
		 struct strbuf *out, struct fc_err *err)
{
	struct notice_formcache cache;
	struct notice_forms forms;
	int rc;

	notice_forms_init(&cache, ws, &forms);
	rc = notice_text(ws->store, id, lang == LANG_ZH ? NOTICE_ZH : NOTICE_EN, &forms, out,
			 err);
	notice_forms_release(&cache);
	return rc;
}

static int write_all(const char *path, const struct strbuf *sb, struct fc_err *err)
{
	char tmp[4200];
	int fd;

	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return fc_failk(err, FC_EIO, _("cannot write %s: %s"), tmp, strerror(errno));
	if (write(fd, sb->buf, sb->len) != (ssize_t)sb->len || fsync(fd)) {
		fc_failk(err, FC_EIO, _("cannot write %s: %s"), tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	if (close(fd) || rename(tmp, path)) {
		fc_failk(err, FC_EIO, _("cannot write %s: %s"), path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

int notice_write(struct fc_workspace *ws, const char *id, enum form_lang lang,
		 char **path_out, struct fc_err *err)
{
	char *dir = workspace_file(ws, "notices"), path[4096];
	struct strbuf sb;
	int rc = -1;

	*path_out = NULL;
	strbuf_init(&sb);
	if (mkdir(dir, 0755) && errno != EEXIST) {
		fc_failk(err, FC_EIO, _("cannot create %s: %s"), dir, strerror(errno));
		goto out;
	}
	snprintf(path, sizeof path, "%s/%.8s.txt", dir, id);
	if (notice_build(ws, id, lang, &sb, err) || write_all(path, &sb, err))
		goto out;
	*path_out = xstrdup(path);
	rc = 0;
out:
	strbuf_release(&sb);
	free(dir);
	return rc;
}
