/* casefile_impl.h - what the files of the case export share (casefile.c
 * gathers and checks, casefile_manifest.c describes). */
#ifndef FC_CASEFILE_IMPL_H
#define FC_CASEFILE_IMPL_H

#include "carried.h"
#include "casefile.h"
#include "core/evidence_store.h"
#include "core/record.h"
#include "core/strbuf.h"

/* One file of the archive. */
struct cf_file {
	char *path;                  /* in the archive */
	char *git_path;              /* in the repository, or NULL (the notice,
				      * a form only the store had) */
	char *data;
	size_t len;
	git_oid blob;                /* as `git hash-object` computes it */
	struct carried *carried;     /* the commits, for files with a git_path */
};

/* An attachment line of one of the package's records (casefile_files.c). */
struct cf_line {
	const char *kind;            /* "inspection" or "hazard" */
	char record[FC_UUID_LEN + 1];
	char *git_path;              /* the record's path in the repository */
	struct fc_attachment a;
	char *needle;                /* its line's start in the record's text */
	int here;                    /* its file is here and checked */
	struct carried *carried;     /* the commits that carried the line */
};

struct cf_remote {
	char *name, *url;            /* url without any password in it */
	git_oid tip;                 /* refs/remotes/NAME/main */
	int has_tip;
};

/* A commit that carried a record, and who signed it. */
struct cf_commit {
	git_oid id;
	int is_signed;
	int before_roster;           /* its tree has no roster: nothing signs it */
	char signer[MAX_BADGE + 1];  /* whose key on the roster, or "" */
	char time[16];               /* committer time, as -Overify-time takes it */
};

struct casefile {
	struct fc_workspace *ws;
	struct replica *r;
	git_oid head;
	git_tree *tree;              /* of head */
	int format;                  /* of tree: where its records are (sync/format.h) */
	char id[FC_UUID_LEN + 1];
	struct fc_record insp;       /* the store's copy */
	struct cf_file *files;
	size_t n_files, alloc_files;
	struct carried *carried;     /* one per file with a git_path */
	size_t n_carried;
	struct cf_remote *remotes;
	size_t n_remotes, alloc_remotes;
	struct cf_commit *commits;   /* every commit of the carried lists */
	size_t n_commits, alloc_commits;
	struct cf_line *lines;       /* of the records, in the records' order */
	size_t n_lines, alloc_lines;
	struct evidence_store es;
	int have_es;
	char now[FC_TIMESTAMP_LEN + 1];
	long long epoch;
};

/* The remotes of the replica with their branches as last seen. */
int cf_remotes(struct casefile *cf, struct fc_err *err);
void cf_remotes_release(struct casefile *cf);
/* Adds a file to the package, which takes `data`; `path` NULL means the
 * repository's path under records/. */
void cf_add_file(struct casefile *cf, const char *path, const char *git_path, char *data,
		 size_t len);
/* The commits behind the carried lists, with their signatures. */
int cf_commits(struct casefile *cf, struct fc_err *err);
/* The attachment lines of a record of the package (rec at git_path). */
void cf_note_lines(struct casefile *cf, const struct fc_record *rec, const char *git_path);
void cf_lines_release(struct casefile *cf);
/* Whether line i is the first naming its file (each file goes in once). */
int cf_line_first(const struct casefile *cf, size_t i);
/* Which lines' files are here, each hashed again; a file not here is
 * refused unless `force`, bytes not the line's always. */
int cf_check_lines(struct casefile *cf, int force, struct casefile_result *res,
		   struct fc_err *err);
struct tarball;
/* files/<sha256> of each file here, streamed. */
int cf_write_lines(struct casefile *cf, struct tarball *t, struct fc_err *err);
/* Adds documents/<kind>.pdf and .txt of each document that applies
 * (casefile_docs.c), counting them in res->documents. */
int cf_take_documents(struct casefile *cf, struct casefile_result *res, struct fc_err *err);
/* manifest.json. */
void cf_manifest(const struct casefile *cf, struct strbuf *out);

#endif
