/* centralhead.c - a central repository's HEAD names main (see centralhead.h). */
#include <stdlib.h>
#include <string.h>

#include "centralhead.h"
#include "core/strbuf.h"
#include "core/text.h"
#include "gitutil.h"

#define FIX_CMD "git symbolic-ref HEAD " REPLICA_BRANCH

/* Adds a line for the report, once however many times a sync retries. */
static void notice_add(struct replica *r, const char *msg)
{
	char *joined;

	if (r->notice && strstr(r->notice, msg))
		return;
	joined = r->notice ? xstrfmt("%s; %s", r->notice, msg) : xstrdup(msg);
	free(r->notice);
	r->notice = joined;
}

void central_head_fix(struct replica *r, const char *remote, git_repository *central)
{
	git_reference *head = NULL;
	const char *target;
	struct strbuf shown;
	char *msg;

	if (git_repository_head_unborn(central) != 1 ||
	    git_reference_lookup(&head, central, "HEAD") < 0)
		return; /* a born HEAD is someone's choice; no HEAD is git's to report */
	target = git_reference_symbolic_target(head);
	if (!target || !strcmp(target, REPLICA_BRANCH)) {
		git_reference_free(head);
		return;
	}
	strbuf_init(&shown);
	text_visible(&shown, target, strlen(target));
	if (git_repository_set_head(central, REPLICA_BRANCH) == 0)
		msg = xstrfmt("%s: its HEAD named %s, a branch that does not exist, so git log "
			      "showed nothing there; it now names main", remote, shown.buf);
	else
		msg = xstrfmt("%s: its HEAD names %s, a branch that does not exist, so git log "
			      "shows nothing there, and it cannot be changed from here (%s): run "
			      "'git --git-dir=%s " FIX_CMD "'", remote, shown.buf,
			      git_error_last() ? git_error_last()->message : "failed",
			      git_repository_path(central));
	notice_add(r, msg);
	free(msg);
	strbuf_release(&shown);
	git_reference_free(head);
}

void central_head_fix_path(struct replica *r, const char *remote, const char *path)
{
	git_repository *central;

	if (git_repository_open_ext(&central, path, GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) < 0)
		return; /* the fetch that follows says why it cannot be opened */
	central_head_fix(r, remote, central);
	git_repository_free(central);
}

void central_head_check(struct replica *r, const char *remote, git_remote *rm)
{
	const git_remote_head **heads;
	const char *head_target = NULL;
	size_t n, i;
	int has_main = 0, has_head = 0;
	char *msg;

	if (git_remote_ls(&heads, &n, rm) < 0)
		return;
	for (i = 0; i < n; i++) {
		if (!strcmp(heads[i]->name, REPLICA_BRANCH))
			has_main = 1;
		if (!strcmp(heads[i]->name, "HEAD")) {
			has_head = 1;
			head_target = heads[i]->symref_target;
		}
	}
	/* A server that does not say where HEAD points (an old protocol) is
	 * given the benefit of the doubt: only a missing HEAD is unborn. */
	if (!has_main || (has_head && (!head_target || !strcmp(head_target, REPLICA_BRANCH))))
		return;
	msg = xstrfmt("%s: its HEAD does not name main, so git log and git clone of it show "
		      "nothing of ours; on its server, in the central repository, run '" FIX_CMD
		      "'", remote);
	notice_add(r, msg);
	free(msg);
}
