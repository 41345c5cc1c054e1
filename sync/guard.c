/* guard.c - the pre-receive hook (see guard.h). */
#include "guard.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <git2.h>

#include "core/i18n.h"
#include "core/roster.h"
#include "evtree.h"
#include "gitutil.h"
#include "guardev.h"
#include "trust.h"

#define MAIN_REF "refs/heads/main"
#define MAX_LINES 100

static void say(struct strbuf *msgs, int *refused, const char *fmt, ...) FC_PRINTF(3, 4);
static void say(struct strbuf *msgs, int *refused, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vaddf(msgs, fmt, ap);
	va_end(ap);
	strbuf_addc(msgs, '\n');
	*refused = 1;
}

/* One update of main: forward only, every new commit judged. */
static int judge_main(git_repository *repo, const git_oid *old, const git_oid *new,
		      const char *founder, struct strbuf *msgs, int *refused, struct fc_err *err)
{
	struct trust_options o;
	struct trust_result tw;
	char id[16];
	size_t i;
	int rc;

	if (git_oid_is_zero(new)) {
		say(msgs, refused, _("main cannot be deleted"));
		return 0;
	}
	if (!git_oid_is_zero(old) && !git_oid_equal(old, new) &&
	    git_graph_descendant_of(repo, new, old) != 1) {
		say(msgs, refused, _("main cannot be rewritten: %s does not contain %s (fetch, sync, "
		    "then push)"), oid_short(new, id, sizeof id),
		    git_oid_tostr_s(old));
		return 0;
	}
	memset(&o, 0, sizeof o);
	o.strict_content = 1;
	o.founder_fp = founder;
	trust_roster_at(repo, old, &o.known_roster); /* what the guard let in before */
	trust_result_init(&tw);
	rc = trust_walk(repo, new, git_oid_is_zero(old) ? NULL : old, &o, &tw, err);
	for (i = 0; rc == 0 && i < tw.n_refused && i < TRUST_MAX_REASONS; i++)
		say(msgs, refused, _("commit %s refused: %s"),
		    oid_short(&tw.refusals[i].commit, id, sizeof id), tw.refusals[i].why);
	if (rc == 0 && tw.n_refused > TRUST_MAX_REASONS)
		say(msgs, refused, _("and %zu more commits refused"), tw.n_refused - TRUST_MAX_REASONS);
	trust_result_release(&tw);
	return rc;
}

/* "OLD NEW REF" */
static int parse_line(char *line, git_oid *old, git_oid *new, const char **ref)
{
	line[strcspn(line, "\r\n")] = '\0';
	if (strlen(line) < 2 * GIT_OID_HEXSZ + 3 || line[GIT_OID_HEXSZ] != ' ' ||
	    line[2 * GIT_OID_HEXSZ + 1] != ' ')
		return -1;
	line[GIT_OID_HEXSZ] = line[2 * GIT_OID_HEXSZ + 1] = '\0';
	if (git_oid_fromstr(old, line) < 0 || git_oid_fromstr(new, line + GIT_OID_HEXSZ + 1) < 0)
		return -1;
	*ref = line + 2 * GIT_OID_HEXSZ + 2;
	return 0;
}

static char *configured_founder(git_repository *repo)
{
	git_config *cfg = NULL;
	git_buf v = { 0 };
	char *out = NULL;

	if (git_repository_config_snapshot(&cfg, repo) == 0 &&
	    git_config_get_string_buf(&v, cfg, "fieldcheck.founder") == 0)
		out = xstrdup(v.ptr);
	git_buf_dispose(&v);
	git_config_free(cfg);
	git_error_clear();
	return out;
}

int guard_run(FILE *in, struct strbuf *msgs, int *refused, struct fc_err *err)
{
	git_repository *repo = NULL;
	char line[4096], *founder = NULL;
	size_t n = 0;
	int rc = 0;

	*refused = 0;
	if (gitutil_init(err))
		return *refused = 1, -1;
	/* receive-pack has opened this repository and checked its owner under
	 * git's own safe.directory rules, which libgit2 1.5 does not read from
	 * the environment (GIT_CONFIG_COUNT): its second check is left out. */
	git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
	/* GIT_DIR and the quarantine's object directories, as receive-pack set them */
	if (git_repository_open_ext(&repo, NULL, GIT_REPOSITORY_OPEN_FROM_ENV, NULL) < 0) {
		rc = git_fail(err, _("opening the repository the hook runs in"));
		goto out;
	}
	founder = configured_founder(repo);
	while (rc == 0 && fgets(line, sizeof line, in)) {
		git_oid old, new;
		const char *ref;
		if (++n > MAX_LINES) {
			say(msgs, refused, _("more than %d refs in one push"), MAX_LINES);
			break;
		}
		if (parse_line(line, &old, &new, &ref)) {
			rc = fc_fail(err, _("receive-pack sent a line the guard does not understand"));
			break;
		}
		if (!strncmp(ref, EVIDENCE_REF_PREFIX, strlen(EVIDENCE_REF_PREFIX))) {
			rc = guard_evidence(repo, &old, &new, ref, msgs, refused, err);
			continue;
		}
		if (strcmp(ref, MAIN_REF)) {
			say(msgs, refused, _("only main and refs/evidence/<badge> are kept here, not "
			    "%.200s"), ref);
			continue;
		}
		rc = judge_main(repo, &old, &new, founder, msgs, refused, err);
	}
out:
	if (rc)
		*refused = 1;
	free(founder);
	git_repository_free(repo);
	gitutil_done();
	return rc;
}

/* The hook script: the binary's path, quoted for sh. */
static void hook_script(const char *bin, struct strbuf *out)
{
	const char *p;

	strbuf_adds(out, "#!/bin/sh\n# fieldcheck's guard: refuses forged or malformed pushes "
		    "(fieldcheck guard --help)\nexec '");
	for (p = bin; *p; p++)
		if (*p == '\'')
			strbuf_adds(out, "'\\''");
		else
			strbuf_addc(out, *p);
	strbuf_adds(out, "' guard\n");
}

int guard_install(const char *dir, const char *bin, const char *founder, struct fc_err *err)
{
	git_repository *repo = NULL;
	git_config *cfg = NULL;
	char *hooks = NULL, *hook = NULL, *tmp = NULL;
	struct strbuf script;
	FILE *f = NULL;
	int rc = -1, written;

	strbuf_init(&script);
	if (gitutil_init(err))
		return -1;
	if (git_repository_open_bare(&repo, dir) < 0) {
		git_fail(err, _("opening the central repository"));
		goto out;
	}
	if (founder && (git_repository_config(&cfg, repo) < 0 ||
			git_config_set_string(cfg, "fieldcheck.founder", founder) < 0)) {
		git_fail(err, _("keeping the founder's fingerprint"));
		goto out;
	}
	hooks = xstrfmt("%shooks", git_repository_path(repo));
	hook = xstrfmt("%s/pre-receive", hooks);
	tmp = xstrfmt("%s.new", hook);
	hook_script(bin, &script);
	if ((mkdir(hooks, 0755) && errno != EEXIST) || !(f = fopen(tmp, "w"))) {
		fc_failk(err, FC_EIO, _("cannot write %s: %s"), hook, strerror(errno));
		goto out;
	}
	written = fwrite(script.buf, 1, script.len, f) == script.len;
	if (fclose(f) || !written || chmod(tmp, 0755) || rename(tmp, hook)) {
		fc_failk(err, FC_EIO, _("cannot write %s: %s"), hook, strerror(errno));
		goto out;
	}
	rc = 0;
out:
	strbuf_release(&script);
	free(hooks);
	free(hook);
	free(tmp);
	git_config_free(cfg);
	git_repository_free(repo);
	gitutil_done();
	return rc;
}
