/* ui_notice.c - the rectification order as text (see ui_notice.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "ui_notice.h"
#include "ui_data.h"
#include "core/enterprise.h"
#include "core/hazard.h"
#include "core/inspection.h"
#include "core/table.h"
#include "forms/inspect.h"

/* The texts of the order in each language.  Sentences with a value inside
 * are split around it (no format strings from a table). */
struct words {
	const char *title, *unit, *code, *address, *found, *basis, *item, *sev[2];
	const char *due[2], *items_head, *item_line[3], *order[2], *review[3];
	const char *officers, *badge, *signature, *inspected_on;
};

static const struct words zh = {
	"责令限期整改指令书", "被检查单位：", "统一社会信用代码：", "地址：",
	"经查，你单位存在下列事故隐患：", "依据：", "检查项目：", { "一般隐患", "重大隐患" },
	{ "整改期限：", "前" },
	"整改事项：", { "对上述第", "项隐患，于", "前整改完毕。" },
	{ "现责令你单位对上述隐患于", "前整改完毕，达到有关法律法规规章和标准规定的要求。"
	  "整改期间，你单位应当采取措施，确保安全生产。" },
	{ "如果不服本指令，可以依法在60日内向", "申请行政复议，或者在6个月内依法向",
	  "提起行政诉讼，但本指令不停止执行，法律另有规定的除外。" },
	"安全生产行政执法人员（签名）：", "执法证号：",
	"被检查单位负责人（签名）：", "检查日期：",
};

static const struct words en = {
	"ORDER TO RECTIFY WITHIN A TIME LIMIT", "Inspected unit: ", "Credit code: ",
	"Address: ", "The inspection found the following hazards:", "Basis: ", "Item: ",
	{ "general hazard", "major hazard" }, { "Rectify by: ", "" },
	"Rectification items:", { "Hazard ", " above: rectify by ", "." },
	{ "You are ordered to rectify the hazards above by ", ", to the requirements of the "
	  "applicable laws, regulations, rules and standards, and to keep production safe "
	  "while doing so." },
	{ "If you disagree with this order you may apply for administrative review to ",
	  " within 60 days, or bring an administrative suit before ", " within 6 months; the "
	  "order remains in force meanwhile unless the law provides otherwise." },
	"Enforcement officers (signature): ", "ID no. ",
	"Responsible person of the inspected unit (signature): ", "Inspected on: ",
};

struct ctx {
	struct fc_workspace *ws;
	const struct words *w;
	enum form_lang lang;
	struct fc_inspection in;
	struct fc_enterprise e;
	struct form *f;
	struct data_haz hz;
	char *review, *court;
};

static void line(struct strbuf *sb, const char *a, const char *b)
{
	strbuf_adds(sb, a);
	strbuf_adds(sb, b ? b : "");
	strbuf_addc(sb, '\n');
}

static void hazards(struct ctx *c, struct strbuf *sb)
{
	size_t i;

	line(sb, c->w->found, "");
	for (i = 0; i < c->hz.n; i++) {
		const struct hazard_row *r = &c->hz.rows[i];
		int idx = r->item[0] && c->f ? form_item_index(c->f, r->item) : -1;
		strbuf_addf(sb, "\n  %zu. %s\n", i + 1, r->description);
		if (idx >= 0 && strcmp(r->description,
					       form_text(&c->f->items[idx].label, c->lang))) {
			strbuf_adds(sb, "     ");
			line(sb, c->w->item, form_text(&c->f->items[idx].label, c->lang));
		}
		strbuf_addf(sb, "     %s\n", c->w->sev[!strcmp(r->severity, "major")]);
		if (idx >= 0 && *form_text(&c->f->items[idx].legal_basis, c->lang)) {
			strbuf_adds(sb, "     ");
			line(sb, c->w->basis, form_text(&c->f->items[idx].legal_basis, c->lang));
		}
		strbuf_addf(sb, "     %s%s%s\n", c->w->due[0], r->due, c->w->due[1]);
	}
}

static void items(struct ctx *c, struct strbuf *sb, char *latest)
{
	size_t i;

	strbuf_addc(sb, '\n');
	line(sb, c->w->items_head, "");
	latest[0] = '\0';
	for (i = 0; i < c->hz.n; i++) {
		strbuf_addf(sb, "  %s%zu%s%s%s\n", c->w->item_line[0], i + 1, c->w->item_line[1],
			    c->hz.rows[i].due, c->w->item_line[2]);
		if (strcmp(c->hz.rows[i].due, latest) > 0)
			strcpy(latest, c->hz.rows[i].due);
	}
}

static void officers(struct ctx *c, struct strbuf *sb)
{
	size_t i;

	strbuf_addc(sb, '\n');
	for (i = 0; i < 2; i++) {
		const struct fc_person *p = i < c->in.n_team ? &c->in.team[i] : NULL;
		strbuf_adds(sb, i == 0 ? c->w->officers : "");
		if (i)
			strbuf_addf(sb, "%*s", (int)text_width(c->w->officers), "");
		strbuf_addf(sb, "__________  %s  %s%s\n", p ? p->name : "__________", c->w->badge,
			    p ? p->badge : "__________");
	}
}

static void body(struct ctx *c, struct strbuf *sb, const char *today)
{
	const char *blank = "________________";
	char latest[FC_DATE_LEN + 1], day[FC_DATE_LEN + 1];
	int pad = (60 - (int)text_width(c->w->title)) / 2;

	strbuf_addf(sb, "%*s%s\n%*s(%.8s)\n\n", pad > 0 ? pad : 0, "", c->w->title, 52, "",
		    c->in.id);
	line(sb, c->w->unit, c->e.name ? c->e.name : "");
	line(sb, c->w->code, c->in.enterprise);
	if (c->e.address && *c->e.address)
		line(sb, c->w->address, c->e.address);
	memcpy(day, c->in.created_at, FC_DATE_LEN);
	day[FC_DATE_LEN] = '\0';
	line(sb, c->w->inspected_on, day);
	strbuf_addc(sb, '\n');
	hazards(c, sb);
	items(c, sb, latest);
	strbuf_addc(sb, '\n');
	strbuf_addf(sb, "%s%s%s\n\n", c->w->order[0], latest, c->w->order[1]);
	strbuf_addf(sb, "%s%s%s%s%s\n", c->w->review[0],
		    c->review && *c->review ? c->review : blank, c->w->review[1],
		    c->court && *c->court ? c->court : blank, c->w->review[2]);
	officers(c, sb);
	strbuf_addc(sb, '\n');
	line(sb, c->w->signature, "________________");
	strbuf_addc(sb, '\n');
	strbuf_addf(sb, "%44s", "");
	line(sb, c->in.n_team ? c->in.team[0].dept : "", "");
	strbuf_addf(sb, "%44s", "");
	if (c->lang == LANG_ZH)
		strbuf_addf(sb, "%.4s年%.2s月%.2s日\n", today, today + 5, today + 8);
	else
		strbuf_addf(sb, "%s\n", today);
}

static int load(struct ctx *c, const char *id, struct fc_err *err)
{
	struct hazard_filter hf = { 0 };
	char today[FC_DATE_LEN + 1];

	if (clock_today(today, err) || inspection_get(c->ws->store, id, &c->in, err))
		return -1;
	if (enterprise_get(c->ws->store, c->in.enterprise, &c->e, err))
		return -1;
	c->f = inspect_form(c->ws, c->in.form_id, c->in.form_version, err);
	hf.inspection = c->in.id;
	hf.enterprise = "";
	hf.today = today;
	if (data_haz_more(c->ws->store, &hf, &c->hz, 10000, err))
		return -1;
	if (c->hz.n == 0)
		return fc_fail(err, "inspection %.8s found no hazards: there is nothing to order "
			       "rectified", id);
	if (store_meta_get(c->ws->store, "notice.review", &c->review, err) ||
	    store_meta_get(c->ws->store, "notice.court", &c->court, err))
		return -1;
	return 0;
}

int notice_build(struct fc_workspace *ws, const char *id, enum form_lang lang,
		 struct strbuf *out, struct fc_err *err)
{
	char today[FC_DATE_LEN + 1];
	struct ctx c;
	int rc;

	memset(&c, 0, sizeof c);
	c.ws = ws;
	c.lang = lang;
	c.w = lang == LANG_ZH ? &zh : &en;
	rc = clock_today(today, err) || load(&c, id, err) ? -1 : 0;
	if (rc == 0)
		body(&c, out, today);
	form_free(c.f);
	data_haz_free(&c.hz);
	inspection_clear(&c.in);
	enterprise_clear(&c.e);
	free(c.review);
	free(c.court);
	return rc;
}

static int write_all(const char *path, const struct strbuf *sb, struct fc_err *err)
{
	char tmp[4200];
	int fd;

	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return fc_failk(err, FC_EIO, "cannot write %s: %s", tmp, strerror(errno));
	if (write(fd, sb->buf, sb->len) != (ssize_t)sb->len || fsync(fd)) {
		fc_failk(err, FC_EIO, "cannot write %s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	if (close(fd) || rename(tmp, path)) {
		fc_failk(err, FC_EIO, "cannot write %s: %s", path, strerror(errno));
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
		fc_failk(err, FC_EIO, "cannot create %s: %s", dir, strerror(errno));
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
