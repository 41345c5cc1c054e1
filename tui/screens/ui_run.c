/* ui_run.c - the screen runner (see ui_run.h): paint, the key bar and the
 * help made from the keymap, keys dispatched to the screen's requests. */
#include "core/strbuf.h"
#include "ui_run.h"

struct run {
	const struct ui_screen *scr;
	void *ctx;
	struct ui_keydef bar[UI_RUN_MAX_KEYS];
	int prio[UI_RUN_MAX_KEYS];
};

static int applies(const struct run *r, const struct ui_keymap *k)
{
	unsigned m = UI_MODES_OF(k->modes);

	return !m || (r->scr->mode && (r->scr->mode(r->ctx) & m));
}

/* Whether entry k is on the bar now. */
static int on_bar(const struct run *r, const struct ui_keymap *k)
{
	unsigned bar = k->modes >> 16;

	return k->label && applies(r, k) && (!bar || (r->scr->mode && (r->scr->mode(r->ctx) & bar)));
}

static int bar_need(const struct ui_keydef *d)
{
	return ui_width(d->label) + ui_width(_(d->what)) + 1;
}

/* The entries that fit in COLS: the lowest priority goes first (of equal
 * ones the later), as long as one is left. */
static size_t fit_bar(struct run *r, size_t n)
{
	size_t i, low;
	int total = -1;

	for (i = 0; i < n; i++)
		total += bar_need(&r->bar[i]) + 1;
	while (n > 1 && total > COLS) {
		for (low = 0, i = 1; i < n; i++)
			if (r->prio[i] <= r->prio[low])
				low = i;
		total -= bar_need(&r->bar[low]) + 1;
		for (i = low; i + 1 < n; i++) {
			r->bar[i] = r->bar[i + 1];
			r->prio[i] = r->prio[i + 1];
		}
		n--;
	}
	return n;
}

static void keybar(struct ui *ui, struct run *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->scr->n_keys && n < UI_RUN_MAX_KEYS; i++) {
		const struct ui_keymap *k = &r->scr->keys[i];
		if (!on_bar(r, k))
			continue;
		r->bar[n].key = k->keys[0];
		r->bar[n].label = k->label;
		r->bar[n].what = k->what;
		r->prio[n++] = k->prio;
	}
	ui_keybar(ui, r->bar, fit_bar(r, n));
}

static void paint(struct ui *ui, void *ctx)
{
	struct run *r = ctx;

	r->scr->paint(ui, r->ctx);
	ui_msgline(ui);
	keybar(ui, r);
}

static void help(struct ui *ui, const struct run *r)
{
	struct ui_help h[UI_RUN_MAX_KEYS];
	size_t i, n = 0;

	if (!r->scr->help_title)
		return;

	for (i = 0; i < r->scr->n_keys && n < UI_RUN_MAX_KEYS; i++) {
		const struct ui_keymap *k = &r->scr->keys[i];
		if (k->help_keys && applies(r, k)) {
			h[n].keys = k->help_keys;
			h[n++].what = k->help;
		}
	}
	ui_help(ui, _(r->scr->help_title), h, n);
}

/* The request `key` sends now, or UI_REQ_NONE. */
static int request(const struct run *r, int key)
{
	size_t i, j;

	for (i = 0; i < r->scr->n_keys; i++) {
		const struct ui_keymap *k = &r->scr->keys[i];
		for (j = 0; j < ARRAY_SIZE(k->keys) && k->keys[j]; j++)
			if (k->keys[j] == key && applies(r, k))
				return k->req;
	}
	return key == UI_ESC ? UI_REQ_BACK : UI_REQ_NONE;
}

void ui_run(struct ui *ui, const struct ui_screen *scr, void *ctx)
{
	struct run r = { .scr = scr, .ctx = ctx };
	ui_paint_fn old;
	void *old_ctx;
	int key, req;

	ui_set_paint(ui, paint, &r, &old, &old_ctx);
	if (scr->start) {
		if (!ui_too_small(ui)) {
			erase();
			paint(ui, &r);
		}
		scr->start(ui, ctx);
	}
	while (!ui->quit) {
		if (ui_too_small(ui)) {
			ui_getkey(ui);  /* only a resize or F10 (ui->quit) counts */
			continue;
		}
		erase();
		paint(ui, &r);
		key = ui_getkey(ui);
		if (ui->quit || (req = request(&r, key)) == UI_REQ_BACK)
			break;
		if (req == UI_REQ_HELP)
			help(ui, &r);
		else if (scr->act(ui, ctx, req, key))
			break;
		/* a screen it opened may have left its own paint registered */
		ui_set_paint(ui, paint, &r, NULL, NULL);
	}
	ui_set_paint(ui, old, old_ctx, NULL, NULL);
	ui->bar = NULL;
	ui->n_bar = 0;
}
