/* loop.c - XLSForm's "begin loop over LIST" ... "end loop", expanded.
 *
 * pyxform (builder.py, _create_loop_from_dict) makes a loop a group named
 * as the loop, holding for each choice of LIST (but one named "none") a
 * group named as the choice and labelled with its label, holding a copy of
 * the loop's rows.  In the rows directly inside the loop (not in a group
 * inside it) every "%(name)s", "%(label)s" or "%(COLUMN)s" of any cell
 * reads that of the choice ("How many %(label)s?").  A list an or_other
 * select uses has its "other" choice there too, as pyxform adds it to the
 * list itself.  This is done here, on the survey's rows, before any item is
 * made: the rest of the engine sees ordinary begin_group/end_group rows.
 *
 * ODK tells the copies apart by their path (loop/choice/item); a
 * fieldcheck name is the form's, so each copy's names are prefixed
 * "CHOICE_" (the choice's group is "LOOP_CHOICE"), and a ${name} in
 * the copy of a name of the same copy follows it (pyxform refuses such a
 * ${name} when the list has two choices: it names two items).  A made row
 * keeps its template's line, so a problem names the cell the author wrote.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/survey_impl.h"

#define LOOP_ROWS_MAX CSV_ROWS_MAX /* rows all loops of a form may make */

enum ctl { C_NONE, C_BEGIN, C_END, C_BEGIN_LOOP, C_END_LOOP };

/* The choice a copy is made for. */
struct choice_ctx {
	const struct form *f;
	const char *name;
	const struct form_text *label;
	const struct form_choice *c; /* NULL for or_other's "other" */
};

/* What a type cell opens or closes, as pyxform's RE_BEGIN_CONTROL reads
 * it ("begin loop over L", "begin_loop L", "end_group"); a loop's list
 * into list (NULL when none). */
static enum ctl control(const char *type, char *list, size_t size)
{
	static const char *const kinds[] = { "group", "repeat", "loop" };
	char t[2 * NAME_MAX_LEN + 16];
	const char *rest;
	size_t i, n = 0, k;
	int begin;

	for (i = 0; type[i] && n + 1 < sizeof t; i++)
		if (type[i] != ' ' && type[i] != '\t')
			t[n++] = type[i];
		else if (n && t[n - 1] != ' ')
			t[n++] = ' ';
	t[n] = '\0';
	if (list)
		list[0] = '\0';
	if (!strncmp(t, "begin", 5) && (t[5] == ' ' || t[5] == '_'))
		begin = 1;
	else if (!strncmp(t, "end", 3) && (t[3] == ' ' || t[3] == '_'))
		begin = 0;
	else
		return C_NONE;
	rest = t + (begin ? 6 : 4);
	for (k = 0; k < ARRAY_SIZE(kinds); k++) {
		size_t m = strlen(kinds[k]);
		if (strncmp(rest, kinds[k], m) || (rest[m] && rest[m] != ' '))
			continue;
		if (k < 2)
			return begin ? C_BEGIN : C_END;
		if (!begin)
			return rest[m] ? C_NONE : C_END_LOOP;
		rest += m;
		if (!strncmp(rest, " over ", 6))
			rest += 5;
		if (*rest == ' ' && list && strlen(rest + 1) < size && !strchr(rest + 1, ' '))
			strcpy(list, rest + 1);
		return C_BEGIN_LOOP;
	}
	return C_NONE;
}

static enum ctl row_control(const struct survey *sv, size_t r, char *list, size_t size)
{
	return control(sheet_get(&sv->sh, &sv->sh.csv.rows[r], S_TYPE, SLOT_PLAIN), list, size);
}

/* The row that closes the one opened at `open`, or `to` if none does. */
static size_t find_end(const struct survey *sv, size_t open, size_t to)
{
	size_t r, depth = 0;

	for (r = open + 1; r < to; r++) {
		enum ctl c = row_control(sv, r, NULL, 0);
		if (c == C_BEGIN || c == C_BEGIN_LOOP)
			depth++;
		else if ((c == C_END || c == C_END_LOOP) && depth-- == 0)
			return r;
	}
	return to;
}

static void push(struct loop_rows *out, struct csv_row *row)
{
	ALLOC_GROW(out->row, out->n + 1, out->alloc);
	out->row[out->n++] = row;
}

/* A copy of src, as wide as the sheet, owned by out. */
static struct csv_row *made_row(const struct survey *sv, struct loop_rows *out,
				const struct csv_row *src)
{
	struct csv_row *r = xcalloc(1, sizeof *r);
	size_t k;

	r->n = src->n > sv->sh.width ? src->n : sv->sh.width;
	r->cells = xcalloc(r->n ? r->n : 1, sizeof *r->cells);
	r->line = src->line;
	for (k = 0; k < r->n; k++) {
		r->cells[k].s = xstrdup(k < src->n ? src->cells[k].s : "");
		r->cells[k].len = strlen(r->cells[k].s);
		r->cells[k].line = k < src->n ? src->cells[k].line : src->line;
	}
	ALLOC_GROW(out->made, out->n_made + 1, out->alloc_made);
	out->made[out->n_made++] = r;
	return r;
}

static void set_cell(const struct survey *sv, struct csv_row *r, int key,
		     enum sheet_slot slot, char *s)
{
	int i = sv->sh.idx[key][slot];

	if (i < 0 || (size_t)i >= r->n) {
		free(s);
		return;
	}
	free(r->cells[i].s);
	r->cells[i].s = s;
	r->cells[i].len = strlen(s);
}

/* The choice's label in language slot `slot`: that language's, else the
 * plain one, else its first. */
static const char *label_in(const struct form_text *t, int slot)
{
	size_t k;

	for (k = 0; k < t->n; k++)
		if (t->tr[k].lang == slot - 1)
			return t->tr[k].s;
	for (k = 0; k < t->n; k++)
		if (t->tr[k].lang == FORM_LANG_PLAIN)
			return t->tr[k].s;
	return t->n ? t->tr[0].s : "";
}

/* The value "%(key)s" reads for the choice, or NULL for no such column. */
static const char *choice_value(const struct choice_ctx *cx, const char *key, int slot)
{
	size_t k;

	if (!strcmp(key, "name"))
		return cx->name;
	if (!strcmp(key, "label"))
		return label_in(cx->label, slot);
	for (k = 0; k < cx->f->n_choice_cols; k++)
		if (!strcmp(cx->f->choice_cols[k], key))
			return cx->c && cx->c->attrs ? cx->c->attrs[k] : "";
	return NULL;
}

/* s with each "%(key)s" of the choice put in and "%%" read as '%', as
 * Python's % does; NULL with *bad the unknown key (a new string). */
static char *substitute(const struct choice_ctx *cx, const char *s, int slot, char *bad,
			size_t size)
{
	struct strbuf sb;
	const char *p;

	if (!strchr(s, '%'))
		return NULL;
	strbuf_init(&sb);
	for (p = s; *p; p++) {
		const char *close = p[0] == '%' && p[1] == '(' ? strstr(p, ")s") : NULL;
		char key[NAME_MAX_LEN + 1];
		const char *v;
		if (p[0] == '%' && p[1] == '%') {
			strbuf_addc(&sb, '%');
			p++;
			continue;
		}
		if (!close || (size_t)(close - p - 2) > NAME_MAX_LEN) {
			strbuf_addc(&sb, *p);
			continue;
		}
		memcpy(key, p + 2, (size_t)(close - p - 2));
		key[close - p - 2] = '\0';
		if (!(v = choice_value(cx, key, slot))) {
			snprintf(bad, size, "%s", key);
			strbuf_release(&sb);
			return NULL;
		}
		strbuf_adds(&sb, v);
		p = close + 1;
	}
	return strbuf_detach(&sb);
}

/* The slot of sheet column k (the language of a label::xx column). */
static int slot_of(const struct survey *sv, size_t k)
{
	int key, s;

	for (key = 0; key < S_NCOLS; key++)
		for (s = 0; s < SLOT_COUNT; s++)
			if (sv->sh.idx[key][s] == (int)k)
				return s;
	return SLOT_PLAIN;
}

/* Puts the choice into every cell of r (a row directly inside the loop). */
static void fill_row(struct loader *ld, const struct survey *sv, struct csv_row *r,
		     const struct choice_ctx *cx)
{
	char bad[NAME_MAX_LEN + 1], q[QUOTE_SIZE];
	size_t k;

	for (k = 0; k < r->n; k++) {
		char *v;
		bad[0] = '\0';
		v = substitute(cx, r->cells[k].s, slot_of(sv, k), bad, sizeof bad);
		if (bad[0]) {
			load_problem(ld, FF_SURVEY, r->cells[k].line, (int)k + 1, "%%(%s)s: the "
				     "loop's list has no column '%s' to put in",
				     load_quote(bad, q, sizeof q), load_quote(bad, q, sizeof q));
			continue;
		}
		if (!v)
			continue;
		if (strlen(v) > CSV_FIELD_MAX) {
			load_problem(ld, FF_SURVEY, r->cells[k].line, (int)k + 1, "the loop's "
				     "choice makes this cell longer than %u bytes", CSV_FIELD_MAX);
			free(v);
			continue;
		}
		free(r->cells[k].s);
		r->cells[k].s = v;
		r->cells[k].len = strlen(v);
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* s with each ${name} of a name in `names` (sorted) prefixed, or NULL when
 * none is (a new string). */
static char *prefix_refs(const char *s, const char *prefix, char **names, size_t n)
{
	struct strbuf sb;
	const char *p = s, *ref;
	int changed = 0;

	strbuf_init(&sb);
	while ((ref = strstr(p, "${")) != NULL) {
		const char *end = strchr(ref + 2, '}');
		char name[NAME_MAX_LEN + 1], *key = name;
		size_t len = end ? (size_t)(end - ref - 2) : 0;
		strbuf_add(&sb, p, (size_t)(ref - p));
		if (!end || len > NAME_MAX_LEN) {
			strbuf_add(&sb, "${", 2);
			p = ref + 2;
			continue;
		}
		memcpy(name, ref + 2, len);
		name[len] = '\0';
		if (bsearch(&key, names, n, sizeof *names, cmp_str)) {
			strbuf_addf(&sb, "${%s%s}", prefix, name);
			changed = 1;
		} else {
			strbuf_add(&sb, ref, len + 3);
		}
		p = end + 1;
	}
	strbuf_adds(&sb, p);
	if (!changed) {
		strbuf_release(&sb);
		return NULL;
	}
	return strbuf_detach(&sb);
}

/* Prefixes the names of rows [from, out->n) (each a made row) and the
 * ${name} of those names in their cells. */
static void prefix_copy(struct loader *ld, const struct survey *sv, struct loop_rows *out,
			size_t from, const char *prefix)
{
	int ni = sv->sh.idx[S_NAME][SLOT_PLAIN];
	char **names = xcalloc(out->n - from + 1, sizeof *names), q[QUOTE_SIZE];
	size_t r, k, n = 0;

	for (r = from; r < out->n; r++)
		if (ni >= 0 && (size_t)ni < out->row[r]->n && *out->row[r]->cells[ni].s)
			names[n++] = out->row[r]->cells[ni].s;
	qsort(names, n, sizeof *names, cmp_str);
	for (r = from; r < out->n; r++) {
		struct csv_row *row = out->row[r];
		for (k = 0; k < row->n; k++) {
			char *v = (int)k == ni ? NULL : prefix_refs(row->cells[k].s, prefix,
								     names, n);
			if (v) {
				free(row->cells[k].s);
				row->cells[k].s = v;
				row->cells[k].len = strlen(v);
			}
		}
	}
	free(names); /* the strings are the rows' own, renamed below */
	for (r = from; r < out->n; r++) {
		struct csv_row *row = out->row[r];
		char *v;
		if (ni < 0 || (size_t)ni >= row->n || !*row->cells[ni].s)
			continue;
		v = xstrfmt("%s%s", prefix, row->cells[ni].s);
		if (strlen(v) > NAME_MAX_LEN && load_name_ok(row->cells[ni].s))
			load_problem(ld, FF_SURVEY, row->cells[ni].line, ni + 1, "name '%s' in a "
				     "loop is named '%s' in each copy, longer than %d bytes",
				     load_quote(row->cells[ni].s, q, sizeof q), prefix, NAME_MAX_LEN);
		free(row->cells[ni].s);
		row->cells[ni].s = v;
		row->cells[ni].len = strlen(v);
	}
}

/* Whether a select of the survey adds "other" to list `name` (LIST
 * or_other, or specify other, or other). */
static int list_gets_other(const struct survey *sv, const char *name)
{
	static const char *const tails[] = { " or_other", " or specify other", " or other" };
	size_t r, k, n = strlen(name);

	for (r = 1; r < sv->sh.csv.n; r++) {
		const char *t = sheet_get(&sv->sh, &sv->sh.csv.rows[r], S_TYPE, SLOT_PLAIN);
		size_t len = strlen(t);
		if (strncmp(t, "select", 6))
			continue;
		for (k = 0; k < ARRAY_SIZE(tails); k++) {
			size_t m = strlen(tails[k]);
			if (len > m + n && !strcmp(t + len - m, tails[k]) &&
			    !strncmp(t + len - m - n, name, n) && t[len - m - n - 1] == ' ')
				return 1;
		}
	}
	return 0;
}

static const struct form_list *find_list(const struct form *f, const char *name)
{
	size_t k;

	for (k = 0; k < f->n_lists; k++)
		if (!strcmp(f->lists[k].name, name))
			return &f->lists[k];
	return NULL;
}

struct expansion {
	struct loader *ld;
	struct survey *sv;
	struct loop_rows *out;
	int depth;                  /* loops inside loops */
};

static void expand(struct expansion *x, size_t from, size_t to, const struct choice_ctx *cx);

/* The row the loop's copy for one choice starts with: a group named
 * LOOP_CHOICE, labelled as the choice. */
static void choice_group(struct expansion *x, const struct csv_row *loop, const char *loop_name,
			 const struct choice_ctx *cx)
{
	struct csv_row *r = made_row(x->sv, x->out, loop);
	size_t k;
	int s;

	for (k = 0; k < r->n; k++) {
		free(r->cells[k].s);
		r->cells[k].s = xstrdup("");
		r->cells[k].len = 0;
	}
	set_cell(x->sv, r, S_TYPE, SLOT_PLAIN, xstrdup("begin_group"));
	set_cell(x->sv, r, S_NAME, SLOT_PLAIN, xstrfmt("%s_%s", loop_name, cx->name));
	for (s = 0; s < SLOT_COUNT; s++)
		set_cell(x->sv, r, S_LABEL, (enum sheet_slot)s, xstrdup(label_in(cx->label, s)));
	push(x->out, r);
}

static void end_group(struct expansion *x, const struct csv_row *end)
{
	struct csv_row *r = made_row(x->sv, x->out, end);

	set_cell(x->sv, r, S_TYPE, SLOT_PLAIN, xstrdup("end_group"));
	push(x->out, r);
}

/* One copy of the loop's rows (open, end) for choice cx. */
static void expand_choice(struct expansion *x, size_t open, size_t end,
			  const struct csv_row *end_row, const char *loop_name,
			  const struct choice_ctx *cx)
{
	const struct csv_row *loop = &x->sv->sh.csv.rows[open];
	char *prefix = xstrfmt("%s_", cx->name);
	size_t from;

	choice_group(x, loop, loop_name, cx);
	from = x->out->n;
	expand(x, open + 1, end, cx);
	prefix_copy(x->ld, x->sv, x->out, from, prefix);
	end_group(x, end_row ? end_row : loop);
	free(prefix);
}

/* The loop opened at row `open` and closed at row `end` (end_row; NULL
 * when never, end then being where its rows stop): its group,
 * one group per choice, its end.  cx: the choice of a loop it is inside. */
static void expand_loop(struct expansion *x, size_t open, size_t end,
			const struct csv_row *end_row, const char *list,
			const struct choice_ctx *cx)
{
	const struct csv_row *loop = &x->sv->sh.csv.rows[open];
	const struct form_list *l = *list ? find_list(x->ld->f, list) : NULL;
	struct csv_row *r = made_row(x->sv, x->out, loop);
	char name[NAME_MAX_LEN + 1], q[QUOTE_SIZE];
	size_t k, body = end - open + 1, n;

	if (cx)
		fill_row(x->ld, x->sv, r, cx);
	snprintf(name, sizeof name, "%s", sheet_get(&x->sv->sh, r, S_NAME, SLOT_PLAIN));
	set_cell(x->sv, r, S_TYPE, SLOT_PLAIN, xstrdup("begin_group"));
	push(x->out, r);
	n = l ? l->n + list_gets_other(x->sv, list) : 0;
	if (!*list)
		sheet_problem(x->ld, &x->sv->sh, loop, S_TYPE, SLOT_PLAIN, "begin loop needs "
			      "the list it goes over (begin loop over LIST)");
	else if (!l)
		sheet_problem(x->ld, &x->sv->sh, loop, S_TYPE, SLOT_PLAIN, "loop '%s' goes "
			      "over list '%s', which is not in choices", name,
			      load_quote(list, q, sizeof q));
	else if (x->depth >= GROUP_DEPTH_MAX)
		sheet_problem(x->ld, &x->sv->sh, loop, S_TYPE, SLOT_PLAIN, "loops nest "
			      "deeper than %d", GROUP_DEPTH_MAX);
	else if (x->out->n_made + n * (body + 2) > LOOP_ROWS_MAX)
		sheet_problem(x->ld, &x->sv->sh, loop, S_TYPE, SLOT_PLAIN, "loop '%s' over "
			      "'%s' makes more than %d rows", name, load_quote(list, q, sizeof q),
			      LOOP_ROWS_MAX);
	else if (load_name_ok(name)) {
		x->depth++;
		for (k = 0; k < l->n; k++) {
			struct choice_ctx c = { x->ld->f, l->choices[k].name,
						&l->choices[k].label, &l->choices[k] };
			if (strcmp(c.name, "none")) /* pyxform leaves "none" out */
				expand_choice(x, open, end, end_row, name, &c);
		}
		if (n > l->n) { /* as pyxform labels it */
			struct form_tr tr = { FORM_LANG_PLAIN, (char *)"Other" };
			struct form_text other = { &tr, 1, NULL };
			struct choice_ctx c = { x->ld->f, "other", &other, NULL };
			for (k = 0; k < l->n && strcmp(l->choices[k].name, "other"); k++)
				;
			if (k == l->n)
				expand_choice(x, open, end, end_row, name, &c);
		}
		x->depth--;
	}
	end_group(x, end_row ? end_row : loop);
}

/* Rows [from, to) into x->out; cx: the choice of the loop they are
 * directly inside (its rows at depth 0 read it), or NULL outside loops. */
static void expand(struct expansion *x, size_t from, size_t to, const struct choice_ctx *cx)
{
	struct survey *sv = x->sv;
	char list[2 * NAME_MAX_LEN];
	size_t r, end;
	int depth = 0;

	for (r = from; r < to; r++) {
		struct csv_row *row = &sv->sh.csv.rows[r];
		enum ctl c;
		if (sheet_row_blank(row))
			continue;
		c = row_control(sv, r, list, sizeof list);
		if (c == C_BEGIN_LOOP) {
			end = find_end(sv, r, to);
			expand_loop(x, r, end, end < to ? &sv->sh.csv.rows[end] : NULL, list,
				    depth ? NULL : cx);
			if (end == to)
				sheet_problem(x->ld, &sv->sh, row, S_TYPE, SLOT_PLAIN, "loop '%s' is "
					      "never closed (no end loop)",
					      sheet_get(&sv->sh, row, S_NAME, SLOT_PLAIN));
			else if (row_control(sv, end, NULL, 0) != C_END_LOOP)
				sheet_problem(x->ld, &sv->sh, &sv->sh.csv.rows[end], S_TYPE,
					      SLOT_PLAIN, "%s closes loop '%s' (line %d), which "
					      "needs an end loop first",
					      sheet_get(&sv->sh, &sv->sh.csv.rows[end], S_TYPE,
							SLOT_PLAIN),
					      sheet_get(&sv->sh, row, S_NAME, SLOT_PLAIN), row->line);
			r = end;
			continue;
		}
		if (c == C_END_LOOP) {
			sheet_problem(x->ld, &sv->sh, row, S_TYPE, SLOT_PLAIN,
				      "end loop without a begin loop");
			continue;
		}
		if (c == C_END)
			depth--;
		if (cx) {
			struct csv_row *copy = made_row(sv, x->out, row);
			if (depth == 0)
				fill_row(x->ld, sv, copy, cx);
			push(x->out, copy);
		} else {
			push(x->out, row);
		}
		if (c == C_BEGIN)
			depth++;
	}
}

void loop_expand(struct loader *ld, struct survey *sv)
{
	struct expansion x = { ld, sv, &sv->rows, 0 };

	if (sv->sh.csv.n > 1)
		expand(&x, 1, sv->sh.csv.n, NULL);
}

void loop_rows_release(struct loop_rows *r)
{
	size_t i, k;

	for (i = 0; i < r->n_made; i++) {
		for (k = 0; k < r->made[i]->n; k++)
			free(r->made[i]->cells[k].s);
		free(r->made[i]->cells);
		free(r->made[i]);
	}
	free(r->made);
	free(r->row);
	memset(r, 0, sizeof *r);
}
