/* casefile_manifest.c - manifest.json of the case export, and the remotes
 * it names (see casefile.h).
 *
 *   {
 *     "format": "fieldcheck/case/1",
 *     "inspection": ID, "status": "draft"|"final", "enterprise": CODE,
 *     "form": FORM-ID, "form_version": N,
 *     "exported_at": TIMESTAMP,
 *     "exported_by": {"name": N, "badge": B, "dept": D},
 *     "branch": "main",
 *     "remotes": [
 *       {"name": NAME, "url": URL, "main": COMMIT or null},      one per line
 *     ],
 *     "files": [
 *       {"path": P, "size": N, "sha256": HEX, "blob": HEX,
 *        "git_path": PATH or null, "commits": [COMMIT, ...]},    one per line
 *     ],
 *     "evidence": [
 *       {"path": "files/SHA256" or null, "sha256": HEX, "blob": HEX,
 *        "size": N, "type": MEDIA-TYPE, "name": NAME,
 *        "record": "inspection"|"hazard", "id": ID, "git_path": PATH,
 *        "documents": TO, "taken": TIMESTAMP, "by": BADGE, "at": TIMESTAMP,
 *        "missing": BOOL, "commits": [COMMIT, ...]},            one per line
 *     ]
 *   }
 *
 * Keys in this order, two-space indent, UTF-8 as is, a final LF.  "blob" is
 * what `git hash-object FILE` prints; "commits" are those that carried the
 * blob at git_path on the branch (sync/carried.h), newest first; "main" is
 * the remote's branch as this workspace last fetched or pushed it, which
 * reaches every one of them.  "evidence" has one entry per attachment line
 * of the records: "documents" is the line's `to` ("" the record itself, an
 * item, or a hazard's event as "<kind>@<at>", docs/FORMAT.md), "commits"
 * those that added the line to the record; a file is under files/ once
 * however many lines name it, and "missing" with "path" null when it was
 * not on this laptop (an export forced without it).
 */
#include "casefile_impl.h"

#include "core/i18n.h"
#include "core/roster.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/sha256.h"
#include "core/table.h"
#include "gitutil.h"
#include "url.h"

/* One remote from its config entry "remote.NAME.url" (read without
 * git_remote_list and git_remote_lookup, whose pattern matching leaks in
 * libgit2 1.5). */
static void add_remote(struct casefile *cf, const char *key, const char *url)
{
	size_t len = strlen(key);
	struct cf_remote *rm;
	struct strbuf ref;

	if (len <= 11 || strncmp(key, "remote.", 7) || strcmp(key + len - 4, ".url"))
		return;
	ALLOC_GROW(cf->remotes, cf->n_remotes + 1, cf->alloc_remotes);
	rm = &cf->remotes[cf->n_remotes++];
	memset(rm, 0, sizeof *rm);
	rm->name = xstrndup(key + 7, len - 11);
	rm->url = url_public(url ? url : "");
	strbuf_init(&ref);
	strbuf_addf(&ref, "refs/remotes/%s/main", rm->name);
	rm->has_tip = git_reference_name_to_id(&rm->tip, cf->r->repo, ref.buf) == 0;
	strbuf_release(&ref);
}

int cf_remotes(struct casefile *cf, struct fc_err *err)
{
	git_config *all = NULL, *cfg = NULL;
	git_config_iterator *it = NULL;
	git_config_entry *e;
	int rc;

	/* The replica's own config: the remotes of `fieldcheck remote add`. */
	if (git_repository_config_snapshot(&all, cf->r->repo) < 0 ||
	    git_config_open_level(&cfg, all, GIT_CONFIG_LEVEL_LOCAL) < 0 ||
	    git_config_iterator_new(&it, cfg) < 0) {
		git_config_free(cfg);
		git_config_free(all);
		return git_fail(err, _("reading the replica's remotes"));
	}
	while ((rc = git_config_next(&e, it)) == 0)
		add_remote(cf, e->name, e->value);
	git_config_iterator_free(it);
	git_config_free(cfg);
	git_config_free(all);
	return rc == GIT_ITEROVER ? 0 : git_fail(err, _("reading the replica's remotes"));
}

void cf_remotes_release(struct casefile *cf)
{
	size_t i;

	for (i = 0; i < cf->n_remotes; i++) {
		free(cf->remotes[i].name);
		free(cf->remotes[i].url);
	}
	free(cf->remotes);
	cf->remotes = NULL;
	cf->n_remotes = cf->alloc_remotes = 0;
}

static void str(struct strbuf *out, const char *key, const char *v, const char *end)
{
	json_quote(out, key);
	strbuf_adds(out, ": ");
	if (v)
		json_quote(out, v);
	else
		strbuf_adds(out, "null");
	strbuf_adds(out, end);
}

static void oid(struct strbuf *out, const git_oid *id)
{
	char hex[GIT_OID_HEXSZ + 1];

	git_oid_tostr(hex, sizeof hex, id);
	json_quote(out, hex);
}

static void remotes(const struct casefile *cf, struct strbuf *out)
{
	size_t i;

	strbuf_adds(out, "  \"remotes\": [");
	for (i = 0; i < cf->n_remotes; i++) {
		const struct cf_remote *rm = &cf->remotes[i];
		strbuf_adds(out, i ? ",\n    {" : "\n    {");
		str(out, "name", rm->name, ", ");
		str(out, "url", rm->url, ", \"main\": ");
		if (rm->has_tip)
			oid(out, &rm->tip);
		else
			strbuf_adds(out, "null");
		strbuf_adds(out, "}");
	}
	strbuf_adds(out, cf->n_remotes ? "\n  ],\n" : "],\n");
}

static void file(const struct cf_file *f, struct strbuf *out)
{
	char sha[SHA256_HEX_LEN + 1];
	size_t k;

	sha256_hex(f->data, f->len, sha);
	strbuf_adds(out, "    {");
	str(out, "path", f->path, ", ");
	strbuf_addf(out, "\"size\": %zu, ", f->len);
	str(out, "sha256", sha, ", \"blob\": ");
	oid(out, &f->blob);
	strbuf_adds(out, ", ");
	str(out, "git_path", f->git_path, ", \"commits\": [");
	for (k = 0; f->carried && k < f->carried->n; k++) {
		if (k)
			strbuf_adds(out, ", ");
		oid(out, &f->carried->commits[k]);
	}
	strbuf_adds(out, "]}");
}

static void evidence_line(const struct cf_line *l, struct strbuf *out)
{
	char path[80];
	size_t k;

	snprintf(path, sizeof path, "files/%s", l->a.sha256);
	strbuf_adds(out, "    {");
	str(out, "path", l->here ? path : NULL, ", ");
	str(out, "sha256", l->a.sha256, ", ");
	str(out, "blob", l->a.blob, ", ");
	strbuf_addf(out, "\"size\": %lld, ", l->a.size);
	str(out, "type", l->a.type, ", ");
	str(out, "name", l->a.name, ", ");
	str(out, "record", l->kind, ", ");
	str(out, "id", l->record, ", ");
	str(out, "git_path", l->git_path, ", ");
	str(out, "documents", l->a.to, ", ");
	str(out, "taken", l->a.taken, ", ");
	str(out, "by", l->a.by, ", ");
	str(out, "at", l->a.at, ", ");
	strbuf_addf(out, "\"missing\": %s, \"commits\": [", l->here ? "false" : "true");
	for (k = 0; l->carried && k < l->carried->n; k++) {
		if (k)
			strbuf_adds(out, ", ");
		oid(out, &l->carried->commits[k]);
	}
	strbuf_adds(out, "]}");
}

/* Who made each commit: plain ssh-keygen checks it with the package's
 * roster, at the commit's time (-Overify-time), so a key ended since still
 * verifies what it signed before its end. */
static void commits(const struct casefile *cf, struct strbuf *out)
{
	int roster = 0;
	size_t i;

	for (i = 0; i < cf->n_files; i++)
		roster |= cf->files[i].git_path && !strcmp(cf->files[i].git_path, ROSTER_PATH);
	strbuf_adds(out, "  \"signatures\": {");
	str(out, "roster", roster ? ROSTER_PATH : NULL, ", ");
	str(out, "namespace", "git", ", ");
	str(out, "check", "ssh-keygen -Y verify -f roster/allowed_signers -I SIGNER -n git "
	    "-s commits/ID.sig -Overify-time=TIME < commits/ID.payload", "},\n");
	strbuf_adds(out, "  \"commits\": [");
	for (i = 0; i < cf->n_commits; i++) {
		const struct cf_commit *c = &cf->commits[i];
		strbuf_adds(out, i ? ",\n    {\"id\": " : "\n    {\"id\": ");
		oid(out, &c->id);
		strbuf_adds(out, ", ");
		str(out, "time", c->time, ", ");
		strbuf_addf(out, "\"signed\": %s, ", c->is_signed ? "true" : "false");
		str(out, "signer", c->signer[0] ? c->signer : NULL, ", ");
		str(out, "era", c->before_roster ? "before the roster" : "signed", "}");
	}
	strbuf_adds(out, cf->n_commits ? "\n  ],\n" : "],\n");
}

void cf_manifest(const struct casefile *cf, struct strbuf *out)
{
	const struct fc_inspection *in = &cf->insp.u.inspection;
	const struct fc_person *me = &cf->ws->me;
	size_t i;

	strbuf_adds(out, "{\n  ");
	str(out, "format", CASEFILE_FORMAT, ",\n  ");
	str(out, "inspection", cf->id, ",\n  ");
	str(out, "status", insp_status_name(in->status), ",\n  ");
	str(out, "enterprise", in->enterprise, ",\n  ");
	str(out, "form", in->form_id, ",\n");
	strbuf_addf(out, "  \"form_version\": %d,\n  ", in->form_version);
	str(out, "exported_at", cf->now, ",\n  \"exported_by\": {");
	str(out, "name", me->name, ", ");
	str(out, "badge", me->badge, ", ");
	str(out, "dept", me->dept, "},\n  ");
	str(out, "branch", "main", ",\n");
	remotes(cf, out);
	commits(cf, out);
	strbuf_adds(out, "  \"files\": [\n");
	for (i = 0; i < cf->n_files; i++) {
		strbuf_adds(out, i ? ",\n" : "");
		file(&cf->files[i], out);
	}
	strbuf_adds(out, "\n  ],\n  \"evidence\": [");
	for (i = 0; i < cf->n_lines; i++) {
		strbuf_adds(out, i ? ",\n" : "\n");
		evidence_line(&cf->lines[i], out);
	}
	strbuf_adds(out, cf->n_lines ? "\n  ]\n}\n" : "]\n}\n");
}
