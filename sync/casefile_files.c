/* casefile_files.c - the photos and files of a case export (see casefile.h):
 * every attachment line of the inspection and of its hazards, the file it
 * names under files/<sha256> once however many lines name it.
 *
 * A file not on this laptop is fetched first, as `evidence fetch` does
 * (sync/evfetch.h); one still missing (offline, on no remote) is refused
 * unless the officer forces the export, which then lists it as missing.  A
 * file is hashed again before it goes in (evidence_check): bytes that are
 * not what the line says are an error, never packed.  Files are streamed
 * into the archive (tarball_add_fd), never read whole.
 */
#include "casefile_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/attachment.h"
#include "core/clock.h"
#include "core/hazard.h"
#include "core/i18n.h"
#include "core/inspection.h"
#include "core/table.h"
#include "core/tarball.h"
#include "evfetch.h"

void cf_note_lines(struct casefile *cf, const struct fc_record *rec, const char *git_path)
{
	const struct fc_attachment *list;
	size_t n, i;
	int insp = rec->kind == REC_INSPECTION;

	if (rec->kind != REC_INSPECTION && rec->kind != REC_HAZARD)
		return;
	list = insp ? rec->u.inspection.attachments : rec->u.hazard.attachments;
	n = insp ? rec->u.inspection.n_attachments : rec->u.hazard.n_attachments;
	for (i = 0; i < n; i++) {
		struct cf_line *l;
		struct strbuf needle;
		ALLOC_GROW(cf->lines, cf->n_lines + 1, cf->alloc_lines);
		l = &cf->lines[cf->n_lines++];
		memset(l, 0, sizeof *l);
		l->kind = insp ? "inspection" : "hazard";
		snprintf(l->record, sizeof l->record, "%s",
			 insp ? rec->u.inspection.id : rec->u.hazard.id);
		l->git_path = xstrdup(git_path);
		attachment_copy(&l->a, &list[i]);
		/* the start of its line as the record's canonical text has it
		 * (core/record_encode.c): a quote in a value is escaped there */
		strbuf_init(&needle);
		strbuf_adds(&needle, "{\"to\": ");
		json_quote(&needle, l->a.to);
		strbuf_adds(&needle, ", \"sha256\": ");
		json_quote(&needle, l->a.sha256);
		l->needle = strbuf_detach(&needle);
	}
}

void cf_lines_release(struct casefile *cf)
{
	size_t i;

	for (i = 0; i < cf->n_lines; i++) {
		free(cf->lines[i].git_path);
		free(cf->lines[i].needle);
		attachment_clear(&cf->lines[i].a);
	}
	free(cf->lines);
	cf->lines = NULL;
	cf->n_lines = cf->alloc_lines = 0;
	if (cf->have_es)
		evidence_store_release(&cf->es);
	cf->have_es = 0;
}

/* Whether line i is the first of the lines naming its file. */
int cf_line_first(const struct casefile *cf, size_t i)
{
	size_t k;

	for (k = 0; k < i; k++)
		if (!strcmp(cf->lines[k].a.sha256, cf->lines[i].a.sha256))
			return 0;
	return 1;
}

/* ---- before the package: fetching what is not here ---- */

struct targets {
	struct evfetch_target *t;
	char (*ids)[FC_UUID_LEN + 1];
	size_t n, alloc, alloc_ids;
	int missing;          /* a file of these records is not here */
	const struct evidence_store *es;
};

static void note_missing(struct targets *tg, const struct fc_attachment *list, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		tg->missing |= !evidence_has(tg->es, list[i].sha256);
}

static void add_target(struct targets *tg, const char *kind, const char *id)
{
	ALLOC_GROW(tg->ids, tg->n + 1, tg->alloc_ids);
	ALLOC_GROW(tg->t, tg->n + 1, tg->alloc);
	snprintf(tg->ids[tg->n], sizeof tg->ids[tg->n], "%s", id);
	tg->t[tg->n].kind = kind;
	tg->t[tg->n].id = NULL;   /* set once ids stops moving */
	tg->n++;
}

static int hazard_target(const struct hazard_row *r, void *ctx)
{
	struct targets *tg = ctx;

	add_target(tg, "hazard", r->id);
	return 0;
}

int casefile_fetch_missing(struct fc_workspace *ws, const char *id, size_t *fetched,
			   struct fc_err *err)
{
	struct targets tg;
	struct evidence_store es;
	struct hazard_filter hf = { 0 };
	struct fc_inspection in;
	struct evfetch_result res;
	struct fc_err why = { 0 };
	char today[FC_DATE_LEN + 1];
	size_t i;
	int rc = -1;

	*fetched = 0;
	memset(&tg, 0, sizeof tg);
	if (evidence_store_open(ws, &es, err))
		return -1;
	tg.es = &es;
	if (clock_today(today, err) || inspection_get(ws->store, id, &in, err))
		goto out;
	add_target(&tg, "inspection", in.id);
	note_missing(&tg, in.attachments, in.n_attachments);
	inspection_clear(&in);
	hf.inspection = id;
	hf.enterprise = "";
	hf.today = today;
	if (hazard_list(ws->store, &hf, hazard_target, &tg, err))
		goto out;
	for (i = 1; i < tg.n; i++) {
		struct fc_hazard h;
		if (hazard_get(ws->store, tg.ids[i], &h, err))
			goto out;
		note_missing(&tg, h.attachments, h.n_attachments);
		hazard_clear(&h);
	}
	rc = 0;
	if (!tg.missing)
		goto out;
	for (i = 0; i < tg.n; i++)
		tg.t[i].id = tg.ids[i];
	/* Offline or refused: what is still missing is said by the export. */
	if (evfetch_run(ws, tg.t, tg.n, NULL, &res, &why) == 0)
		*fetched = res.kept;
	evfetch_result_release(&res);
out:
	free(tg.t);
	free(tg.ids);
	evidence_store_release(&es);
	return rc;
}

/* ---- in the package ---- */

/* Line l's file as kept here, hashed again: 1 when here and what the line
 * says, 0 when not here, -1 (an error) when its bytes are not the line's. */
static int check_one(struct casefile *cf, struct cf_line *l, struct fc_err *err)
{
	struct evidence_info info;

	if (evidence_check(&cf->es, l->a.sha256, &info, err))
		return err->kind == FC_ENOTFOUND ? 0 : -1;
	if (strcmp(info.blob, l->a.blob) || (long long)info.size != l->a.size ||
	    strcmp(media_type_name(info.type), l->a.type))
		return fc_fail(err, _("%s (%.12s) of %s %.8s: the file kept here is not the one "
			       "its line names (blob, size or type differ)"), l->a.name,
			       l->a.sha256, l->kind, l->record);
	return 1;
}

int cf_check_lines(struct casefile *cf, int force, struct casefile_result *res,
		   struct fc_err *err)
{
	struct strbuf names;
	size_t i;
	int rc;

	if (!cf->n_lines)
		return 0;
	if (evidence_store_open(cf->ws, &cf->es, err))
		return -1;
	cf->have_es = 1;
	strbuf_init(&names);
	for (i = 0; i < cf->n_lines; i++) {
		if (!cf_line_first(cf, i)) {
			size_t k;
			for (k = 0; strcmp(cf->lines[k].a.sha256, cf->lines[i].a.sha256); k++)
				;
			cf->lines[i].here = cf->lines[k].here;
			continue;
		}
		if ((rc = check_one(cf, &cf->lines[i], err)) < 0) {
			strbuf_release(&names);
			return -1;
		}
		cf->lines[i].here = rc;
		if (rc) {
			res->evidence++;
			continue;
		}
		res->missing++;
		if (names.len < 200)
			strbuf_addf(&names, "%s%s", names.len ? ", " : "", cf->lines[i].a.name);
	}
	rc = 0;
	if (res->missing && !force)
		rc = fc_fail(err, _("%zu file%s the records name %s not on this laptop and could not "
			     "be fetched (%s); give --force to export without them, listed as "
			     "missing"), res->missing, res->missing == 1 ? "" : "s",
			     res->missing == 1 ? "is" : "are", names.buf);
	strbuf_release(&names);
	return rc;
}

int cf_write_lines(struct casefile *cf, struct tarball *t, struct fc_err *err)
{
	struct evidence_info info;
	char path[80];
	size_t i;
	int fd, rc;

	for (i = 0; i < cf->n_lines; i++) {
		const struct cf_line *l = &cf->lines[i];
		if (!l->here || !cf_line_first(cf, i))
			continue;
		if (evidence_open(&cf->es, l->a.sha256, &fd, &info, err))
			return -1;
		snprintf(path, sizeof path, "files/%s", l->a.sha256);
		rc = info.size == (uint64_t)l->a.size ?
		     tarball_add_fd(t, path, fd, info.size, err) :
		     fc_fail(err, _("%s changed while being exported"), l->a.name);
		close(fd);
		if (rc)
			return -1;
	}
	return 0;
}
