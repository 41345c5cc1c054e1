/* quarantine.c - putting refused input aside, bounded (see quarantine.h). */
#include "quarantine.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "blobread.h"
#include "core/clock.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/text.h"
#include "gitutil.h"

/* A path is cut to this many bytes in a line: a tree entry's name may be
 * tens of kilobytes, and the log stays bounded. */
#define PATH_SHOWN 256

/* One sync's quarantine: what the folder holds and what was left out. */
struct quarantine_state {
	char *dir;
	size_t files;                /* files the folder holds, its log aside */
	unsigned long long bytes;    /* and their bytes */
	size_t listed;               /* refusals listed in the report and the log */
	size_t unlisted;             /* refusals counted only */
	size_t unkept;               /* refused paths whose bytes were not kept */
	struct sync_log *summed;  /* the report whose line `summary` says */
	size_t summary;              /* what was not listed, once some was not */
};

/* The folder, made, and what it holds counted; the log moved aside when it
 * grew past its bound. */
static struct quarantine_state *state_of(struct replica *r)
{
	struct quarantine_state *st = r->quarantine;
	struct dirent *d;
	struct stat sb;
	DIR *dp;

	if (st)
		return st;
	st = r->quarantine = xcalloc(1, sizeof *st);
	st->dir = workspace_file(r->ws, "quarantine");
	mkdir(st->dir, 0700);
	if ((dp = opendir(st->dir)) != NULL) {
		while ((d = readdir(dp)) != NULL) {
			char *f = xstrfmt("%s/%s", st->dir, d->d_name);
			if (strncmp(d->d_name, "log", 3) && stat(f, &sb) == 0 && S_ISREG(sb.st_mode))
				st->files++, st->bytes += (unsigned long long)sb.st_size;
			free(f);
		}
		closedir(dp);
	}
	{
		char *log = xstrfmt("%s/log", st->dir), *old = xstrfmt("%s/log.old", st->dir);
		if (stat(log, &sb) == 0 && sb.st_size > QUARANTINE_LOG_MAX)
			rename(log, old);
		free(log);
		free(old);
	}
	return st;
}

static void log_line(struct quarantine_state *st, const char *text)
{
	char now[FC_TIMESTAMP_LEN + 1] = "";
	char *log = xstrfmt("%s/log", st->dir);
	struct fc_err ignore;
	FILE *fp;

	clock_now(now, &ignore);
	if ((fp = fopen(log, "a")) != NULL) {
		fprintf(fp, "%s %s\n", now, text);
		fclose(fp);
	}
	free(log);
}

/* Whether quarantine/HEX is there: an object is kept once. */
static int is_kept(const struct quarantine_state *st, const char *hex)
{
	char *file = xstrfmt("%s/%s", st->dir, hex);
	struct stat sb;
	int yes = stat(file, &sb) == 0;

	free(file);
	return yes;
}

/* Writes data as quarantine/HEX; -1 when the folder has no room left (or
 * the disk failed). */
static int keep(struct quarantine_state *st, const char *hex, const void *data, size_t len)
{
	char *file = xstrfmt("%s/%s", st->dir, hex), *tmp = xstrfmt("%s/%s.tmp", st->dir, hex);
	int rc = 0;
	FILE *fp;

	if (st->files >= QUARANTINE_MAX_FILES || st->bytes + len > QUARANTINE_MAX_BYTES) {
		rc = -1;
		goto out;
	}
	if ((fp = fopen(tmp, "wb")) == NULL) {
		rc = -1;
		goto out;
	}
	rc = fwrite(data, 1, len, fp) == len ? 0 : -1;
	if (fclose(fp) || rc || rename(tmp, file)) {
		remove(tmp);
		rc = -1;
		goto out;
	}
	st->files++;
	st->bytes += len;
out:
	free(file);
	free(tmp);
	return rc;
}

/* Keeps data (len bytes; NULL: too large to have been read) as HEX when it
 * may be, and says in `out` where its bytes are or why they are not kept;
 * 1 when they are kept. */
static int kept_or_not(struct quarantine_state *st, const char *hex, const void *data,
			size_t len, char *out, size_t size)
{
	if (!data || len > QUARANTINE_MAX_OBJECT)
		snprintf(out, size, "bytes not kept: %zu bytes, over %u MiB", len,
			 QUARANTINE_MAX_OBJECT >> 20);
	else if (!is_kept(st, hex) && keep(st, hex, data, len))
		snprintf(out, size, "bytes not kept: quarantine/ is full");
	else
		return snprintf(out, size, "bytes in quarantine/%s", hex), 1;
	return 0;
}

/* "N more refused paths not listed; the bytes of M not kept (...)" */
static char *left_out(const struct quarantine_state *st)
{
	struct strbuf sb;

	strbuf_init(&sb);
	strbuf_addf(&sb, "%zu more refused path%s not listed (the first %d are)", st->unlisted,
		    st->unlisted == 1 ? "" : "s", QUARANTINE_LISTED);
	if (st->unkept)
		strbuf_addf(&sb, "; the bytes of %zu refused path%s not kept (quarantine/ keeps "
			    "files up to %u MiB, at most %u MiB in %d files)", st->unkept,
			    st->unkept == 1 ? "" : "s", QUARANTINE_MAX_OBJECT >> 20,
			    QUARANTINE_MAX_BYTES >> 20, QUARANTINE_MAX_FILES);
	return strbuf_detach(&sb);
}

/* One more line in the report (n lines at most: the summary is one). */
static void add_line(struct sync_log *rep, char *text)
{
	ALLOC_GROW(rep->quarantined, rep->n_quarantined + 1, rep->alloc_quarantined);
	rep->quarantined[rep->n_quarantined++].text = text;
}

/* The report's last line says what was not listed, kept up to date. */
static void sum_up(struct quarantine_state *st, struct sync_log *rep)
{
	if (st->summed == rep) {
		free(rep->quarantined[st->summary].text);
		rep->quarantined[st->summary].text = left_out(st);
		return;
	}
	st->summed = rep;
	st->summary = rep->n_quarantined;
	add_line(rep, left_out(st));
}

/* Lists the refusal, or counts it once the sync has listed enough.  `bytes`
 * says where its bytes are, or why they were not kept (NULL: none to keep);
 * `unkept` whether there were bytes it did not keep. */
static void record(struct replica *r, struct sync_log *rep, const git_oid *commit,
		   const char *path, const char *why, const char *bytes, int unkept)
{
	struct quarantine_state *st = state_of(r);
	char hex[16] = "-";
	size_t cut = strlen(path);
	struct strbuf line;
	char *cut_path, *shown;

	st->unkept += unkept != 0;
	rep->refused_paths++;
	if (st->listed >= QUARANTINE_LISTED) {
		st->unlisted++;
		sum_up(st, rep);
		return;
	}
	st->listed++;
	if (commit)
		oid_short(commit, hex, sizeof hex);
	if (cut > PATH_SHOWN)
		for (cut = PATH_SHOWN; cut && ((unsigned char)path[cut] & 0xc0) == 0x80; cut--)
			;
	cut_path = xstrndup(path, cut);
	strbuf_init(&line);
	/* The path and the reason (which may repeat the path) may hold escape
	 * sequences or bidi overrides: shown and logged made visible. */
	strbuf_addf(&line, "commit %s, ", hex);
	json_quote(&line, cut_path);
	strbuf_addf(&line, "%s: %s", cut < strlen(path) ? " (cut)" : "", why);
	if (bytes)
		strbuf_addf(&line, " [%s]", bytes);
	shown = text_shown(line.buf);
	log_line(st, shown);
	add_line(rep, shown);
	strbuf_release(&line);
	free(cut_path);
}

void quarantine(struct replica *r, struct sync_log *rep, const git_oid *commit,
		const char *path, const void *data, size_t len, const char *why)
{
	char hex[GIT_OID_HEXSZ + 1], bytes[128];
	git_oid id;

	if (data && git_odb_hash(&id, data, len, GIT_OBJECT_BLOB) == 0) {
		git_oid_tostr(hex, sizeof hex, &id);
		int kept = kept_or_not(state_of(r), hex, data, len, bytes, sizeof bytes);
		record(r, rep, commit, path, why, bytes, !kept);
	} else {
		record(r, rep, commit, path, why, NULL, 0);
	}
}

void quarantine_blob(struct replica *r, struct sync_log *rep, const git_oid *commit,
		     const char *path, const git_oid *blob, const char *why)
{
	char hex[GIT_OID_HEXSZ + 1], bytes[128];
	git_object_t type;
	git_blob *b = NULL;
	size_t size;
	int kept = 0;

	/* Its size first: an object too large to keep is never inflated. */
	if (!blob || git_oid_is_zero(blob) || blob_header(r->repo, blob, &size, &type) ||
	    type != GIT_OBJECT_BLOB) {
		record(r, rep, commit, path, why, NULL, 0);
		return;
	}
	git_oid_tostr(hex, sizeof hex, blob);
	if (is_kept(state_of(r), hex)) /* read once, however many paths hold it: */
		kept = kept_or_not(state_of(r), hex, "", 0, bytes, sizeof bytes); /* says where */
	else if (size > QUARANTINE_MAX_OBJECT)
		kept_or_not(state_of(r), hex, NULL, size, bytes, sizeof bytes);
	else if (git_blob_lookup(&b, r->repo, blob) == 0)
		kept = kept_or_not(state_of(r), hex, git_blob_rawcontent(b),
				   (size_t)git_blob_rawsize(b), bytes, sizeof bytes);
	else
		snprintf(bytes, sizeof bytes, "bytes not kept: the object cannot be read");
	git_blob_free(b);
	record(r, rep, commit, path, why, bytes, !kept);
}

void quarantine_close(struct replica *r)
{
	struct quarantine_state *st = r->quarantine;

	if (!st)
		return;
	if (st->unlisted) {
		char *text = left_out(st);
		log_line(st, text);
		free(text);
	}
	free(st->dir);
	free(st);
	r->quarantine = NULL;
}
