/* catalog.c - every form this installation and this workspace offer.
 *
 * Installed forms ship with the program; a district adds or corrects its
 * own in WORKSPACE/forms without a rebuild.  For each id the highest
 * version wins.  One id and version with two different contents would let
 * two records that name the same form mean different things, so that is a
 * problem, reported, and neither copy is used.
 *
 * The installed forms are FIELDCHECK_FORMS's, else those of the build tree
 * the binary was run from (`make && ./fieldcheck`), else the installed
 * FC_DATADIR/forms.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/exedir.h"
#include "core/i18n.h"
#include "core/strbuf.h"
#include "forms/engine/form.h"

#ifndef FC_DATADIR
#define FC_DATADIR "/usr/local/share/fieldcheck"
#endif
/* The way from the binary's folder to the top of its build tree (the
 * Makefile says where it puts the binary). */
#ifndef FC_TREE_FROM_BIN
#define FC_TREE_FROM_BIN "."
#endif

struct found {
	struct form *f;
	int workspace;      /* 1: from WORKSPACE/forms */
};

struct found_list {
	struct found *v;
	size_t n, alloc;
};

char *form_installed_dir(void)
{
	static const char *const tree[] = { FC_TREE_FROM_BIN "/forms/checklists" };
	const char *e = getenv("FIELDCHECK_FORMS");
	char *dir;

	if (e && *e)
		return xstrdup(e);
	dir = exe_find_beside(tree, ARRAY_SIZE(tree), NULL);
	return dir ? dir : xstrdup(FC_DATADIR "/forms");
}

static void add_problem(struct form_problems *p, char *msg)
{
	ALLOC_GROW(p->msgs, p->n + 1, p->alloc);
	p->msgs[p->n++] = msg;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of dir's entries that are folders, sorted; NULL if dir cannot
 * be opened (errno says why). */
static char **subfolders(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	struct strbuf path;
	struct stat st;
	char **v = NULL;
	size_t alloc = 0;

	*n = 0;
	if (!d)
		return NULL;
	strbuf_init(&path);
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s", dir, e->d_name);
		if (stat(path.buf, &st) || !S_ISDIR(st.st_mode))
			continue;
		ALLOC_GROW(v, *n + 1, alloc);
		v[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	strbuf_release(&path);
	if (!v)
		v = xcalloc(1, sizeof *v);
	qsort(v, *n, sizeof *v, cmp_str);
	return v;
}

static void scan(struct form_catalog *cat, const char *dir, int workspace,
		 struct found_list *out)
{
	struct strbuf path;
	size_t n, i;
	char **names = subfolders(dir, &n);

	if (!names) {
		if (!workspace || errno != ENOENT) {
			strbuf_init(&path);
			strbuf_addf(&path, _("%s: cannot open the forms folder: %s"), dir,
				    strerror(errno));
			add_problem(&cat->problems, strbuf_detach(&path));
		}
		return;
	}
	strbuf_init(&path);
	for (i = 0; i < n; i++) {
		struct form *f;
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/%s", dir, names[i]);
		f = form_load_dir(path.buf, &cat->problems);
		cat->n_tried++;
		if (f && !f->version) { /* settings.c: numbered by `forms add` only */
			add_problem(&cat->problems, xstrfmt(_("%s: version '%s' is not a whole "
				    "number; add the form with `fieldcheck forms add`, which "
				    "numbers it"), path.buf, f->odk_version));
			form_free(f);
			f = NULL;
		}
		if (f) {
			ALLOC_GROW(out->v, out->n + 1, out->alloc);
			out->v[out->n].f = f;
			out->v[out->n++].workspace = workspace;
		}
		free(names[i]);
	}
	free(names);
	strbuf_release(&path);
}

static int cmp_found(const void *a, const void *b)
{
	const struct found *p = a, *q = b;
	int c = strcmp(p->f->id, q->f->id);

	if (c)
		return c;
	if (p->f->version != q->f->version)
		return p->f->version > q->f->version ? -1 : 1; /* highest first */
	return p->workspace - q->workspace;                  /* installed first */
}

/* Keeps the winner of each id (v sorted), frees the rest. */
static void pick(struct form_catalog *cat, struct found *v, size_t n)
{
	size_t i = 0, j;
	struct strbuf sb;

	cat->forms = xcalloc(n ? n : 1, sizeof *cat->forms);
	while (i < n) {
		for (j = i + 1; j < n && !strcmp(v[j].f->id, v[i].f->id); j++)
			;
		if (j > i + 1 && v[i + 1].f->version == v[i].f->version &&
		    !form_same_files(v[i].f, v[i + 1].f)) {
			strbuf_init(&sb);
			strbuf_addf(&sb, _("%s: version %d of form %s differs from %s; neither "
				    "is used (give the changed one a higher version)"),
				    v[i + 1].f->origin, v[i].f->version, v[i].f->id,
				    v[i].f->origin);
			add_problem(&cat->problems, strbuf_detach(&sb));
			form_free(v[i].f);
		} else {
			cat->forms[cat->n++] = v[i].f;
		}
		for (i++; i < j; i++)
			form_free(v[i].f);
	}
}

void form_catalog_load(struct form_catalog *cat, const char *workspace)
{
	struct found_list all = { NULL, 0, 0 };
	struct strbuf ws;
	char *installed = form_installed_dir();

	memset(cat, 0, sizeof *cat);
	scan(cat, installed, 0, &all);
	free(installed);
	if (workspace && *workspace) {
		strbuf_init(&ws);
		strbuf_addf(&ws, "%s/forms", workspace);
		scan(cat, ws.buf, 1, &all);
		strbuf_release(&ws);
	}
	if (all.n)
		qsort(all.v, all.n, sizeof *all.v, cmp_found);
	pick(cat, all.v, all.n);
	free(all.v);
}

void form_catalog_release(struct form_catalog *cat)
{
	size_t i;

	for (i = 0; i < cat->n; i++)
		form_free(cat->forms[i]);
	free(cat->forms);
	form_problems_release(&cat->problems);
	memset(cat, 0, sizeof *cat);
}

const struct form *form_catalog_find(const struct form_catalog *cat, const char *id)
{
	size_t lo = 0, hi = cat->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(cat->forms[mid]->id, id);
		if (c == 0)
			return cat->forms[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
