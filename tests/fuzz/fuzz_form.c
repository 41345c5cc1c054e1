/* fuzz_form.c - libFuzzer target for the form loader and evaluator.
 *
 * Form files travel with the records, so a form from a remote is as
 * untrusted as a record.  The input is survey.csv, choices.csv and
 * settings.csv separated by NUL bytes (which no valid form file holds; with
 * two parts there is no choices.csv), and a fourth part is every CSV file a
 * select_one_from_file names (a form's file is as hostile as its sheets).  Whatever the bytes, loading must not
 * crash or leak, and a form that loads must evaluate every item without
 * crashing, whatever the answers.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/strbuf.h"
#include "forms/engine/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const values[] = {
	"", "1", "-2.5", "yes", "no", "pass", "fail", "na", "2024-02-29", "a b c",
	"abc", "10", "0",
};
#define N_VALUES ARRAY_SIZE(values)

struct answers {
	const struct form *f;
	size_t seed;
};

/* A value per item that depends on the item and the round: a mix of
 * answered, unanswered and odd values. */
static const char *get(void *ctx, const char *name)
{
	const struct answers *a = ctx;
	size_t h = a->seed;

	for (; *name; name++)
		h = h * 31 + (unsigned char)*name;
	return h % (N_VALUES + 1) == N_VALUES ? NULL : values[h % (N_VALUES + 1)];
}

/* count(${repeat}): some number of instances. */
static size_t count(void *ctx, const struct form *f, size_t repeat)
{
	(void)f;
	return (((const struct answers *)ctx)->seed + repeat) % 3;
}

/* indexed-repeat(): a made-up instance for k up to 2. */
static int instance_at(void *ctx, const struct form *f, size_t repeat, size_t k, char *uuid)
{
	(void)ctx, (void)f, (void)repeat;
	if (k < 1 || k > 2)
		return -1;
	strcpy(uuid, k == 1 ? "0b9c5e8e-1f0a-4c55-9d1e-7a3f2b6c4d01"
			    : "5d2a9f10-3b4c-4e6d-8f7a-1b2c3d4e5f02");
	return 0;
}

/* Two rounds of answers over the first items (kept cheap: the loader is
 * what is mostly under test), the second inside a repeat instance. */
static void evaluate(const struct form *f)
{
	struct answers a = { f, 0 };
	struct form_answers fa = { .get = get, .ctx = &a, .today = "2024-03-20", .count = count,
				   .instance_at = instance_at, .last_saved = get };
	struct fc_err err;
	size_t i, k, n;

	for (a.seed = 0; a.seed < 2; a.seed++)
		for (i = 0; i < f->n_items && i < 64; i++) {
			fa.instance = a.seed ? "0b9c5e8e-1f0a-4c55-9d1e-7a3f2b6c4d01" : NULL;
			fa.position = a.seed ? "2" : NULL;
			if (f->items[i].type == FT_BEGIN_REPEAT &&
			    form_repeat_count(f, i, &fa, &n, &err) == 1 && n > FORM_REPEAT_MAX)
				abort();
			form_relevant(f, i, &fa, &err);
			form_required(f, i, &fa, &err);
			k = (i + a.seed) % N_VALUES;
			form_check_value(f, i, values[k], &fa, form_lang_of(k & 1 ? "en" : "fr"),
					 &err);
			if (f->items[i].default_value)
				form_check_value(f, i, f->items[i].default_value, &fa,
						 form_lang_of("zh"), &err);
			if (f->items[i].choices_of) { /* select_one ${x}: its choices */
				struct form_list l;
				if (!form_dyn_choices(f, i, &fa, &l, &err))
					form_dyn_release(&l);
			}
			{ /* a value (lookups, computed questions), an offer */
				char *v = NULL;
				if (!form_value(f, i, &fa, &v, &err) && v && strlen(v) > (1u << 20))
					abort();
				free(v);
				v = NULL;
				form_offer(f, i, &fa, &v, &err);
				free(v);
				v = NULL;
				form_calculate(f, i, &fa, &v, &err); /* what a trigger sets */
				free(v);
			}
			/* every text in a language the form has, and one it lacks */
			for (k = 0; k <= f->n_langs; k++)
				if (strlen(form_item_label(f, &f->items[i], k < f->n_langs ?
					   form_lang_of(f->langs[k].code) : form_lang_of("de")))
				    > (size_t)1 << 24)
					abort();
		}
}

/* form_files.file: the fourth part, whatever the name. */
static int file(void *ctx, const char *name, char **text, size_t *len, struct fc_err *err)
{
	const char *part = ctx;

	(void)name, (void)err;
	if (!part)
		return 1;
	*text = xstrdup(part);
	*len = strlen(part);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size, *part[4] = { NULL, NULL, NULL, NULL };
	size_t len[4] = { 0, 0, 0, 0 }, n = 0;
	char *copy[4] = { NULL, NULL, NULL, NULL };
	struct form_problems probs = { 0 };
	struct form_files files;
	struct form *f;

	while (n < 4) {
		const char *z = memchr(p, '\0', (size_t)(end - p));
		part[n] = p;
		len[n] = z ? (size_t)(z - p) : (size_t)(end - p);
		copy[n] = xstrndup(part[n], len[n]);
		n++;
		if (!z)
			break;
		p = z + 1;
	}
	memset(&files, 0, sizeof files);
	files.survey = copy[0], files.survey_len = len[0];
	if (n >= 3) {
		files.choices = copy[1], files.choices_len = len[1];
		files.settings = copy[2], files.settings_len = len[2];
		files.file = file;
		files.file_ctx = copy[3];
	} else {
		files.settings = copy[1], files.settings_len = len[1];
	}
	f = form_load_mem("fuzz", &files, &probs);
	if (f) {
		if (probs.n)
			abort(); /* a form that loads has no problems */
		evaluate(f);
		form_free(f);
	} else if (!probs.n) {
		abort(); /* a form that does not load says why */
	}
	form_problems_release(&probs);
	free(copy[0]);
	free(copy[1]);
	free(copy[2]);
	free(copy[3]);
	return 0;
}
