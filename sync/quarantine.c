/* quarantine.c - putting refused input aside (see quarantine.h). */
#include "quarantine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/clock.h"
#include "core/strbuf.h"
#include "core/table.h"
#include "core/text.h"
#include "gitutil.h"

/* A file name from a path that may hold anything: only safe bytes kept. */
static void safe_name(const char *path, struct strbuf *out)
{
	const unsigned char *p = (const unsigned char *)path;
	size_t n = 0;

	for (; *p && n < 120; p++, n++)
		strbuf_addc(out, ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '.' || *p == '-') ? (char)*p : '_');
}

void quarantine(struct replica *r, struct sync_report *rep, const git_oid *commit,
		const char *path, const void *data, size_t len, const char *why)
{
	char hex[16] = "-", now[FC_TIMESTAMP_LEN + 1] = "";
	struct strbuf line, file;
	char *dir = workspace_file(r->ws, "quarantine"), *shown;
	struct fc_err ignore;
	FILE *fp;

	if (commit)
		oid_short(commit, hex, sizeof hex);
	strbuf_init(&line);
	/* The path and the reason (which may repeat the path) may hold escape
	 * sequences or bidi overrides: shown and logged made visible. */
	strbuf_addf(&line, "commit %s, ", hex);
	json_quote(&line, path);
	strbuf_addf(&line, ": %s", why);
	shown = text_shown(line.buf);
	rep->quarantined = xrealloc(rep->quarantined, (rep->n_quarantined + 1) * sizeof *rep->quarantined);
	rep->quarantined[rep->n_quarantined++].text = xstrdup(shown);
	mkdir(dir, 0700);
	strbuf_init(&file);
	strbuf_addf(&file, "%s/%s-", dir, hex);
	safe_name(path, &file);
	if (data && (fp = fopen(file.buf, "wb")) != NULL) {
		fwrite(data, 1, len, fp);
		fclose(fp);
	}
	strbuf_reset(&file);
	strbuf_addf(&file, "%s/log", dir);
	clock_now(now, &ignore);
	if ((fp = fopen(file.buf, "a")) != NULL) {
		fprintf(fp, "%s %s\n", now, shown);
		fclose(fp);
	}
	strbuf_release(&file);
	strbuf_release(&line);
	free(shown);
	free(dir);
}
