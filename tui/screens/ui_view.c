/* ui_view.c - reading a longer text on screen (the rectification notice):
 * wrapped to the width, scrolled with the arrows, closed with Esc; from the
 * notice, `p` prints the inspection's documents, the order, the on-site
 * record, the on-site measures decision or the re-inspection opinion, as
 * PDF (first) or HTML into WORKSPACE/documents/; a document that does not
 * apply (no measure called for, no hazard verified) says why. */
#include <stdlib.h>
#include <string.h>

#include "ui_dialog.h"
#include "ui_run.h"
#include "ui_screens.h"
#include "core/strbuf.h"
#include "forms/inspect/inspect_document.h"
#include "forms/inspect/inspect_notice.h"

enum { REQ_PRINT = UI_REQ_SCREEN };
enum { M_DOCS = 1 };          /* the text is an inspection's: it prints */

/* No help: the bar says it all.  Every key but these scrolls (act). */
static const struct ui_keymap keys[] = {
	{ { UI_FN(KEY_UP) }, UI_REQ_NONE, "Up", N_("Scroll"), NULL, NULL, 1, 0 },
	{ { UI_FN(KEY_DOWN) }, UI_REQ_NONE, "Down", N_("Scroll"), NULL, NULL, 1, 0 },
	{ { 'p', 'P', UI_FN(KEY_F(5)) }, REQ_PRINT, "p", N_("Print"), NULL, NULL, 5, M_DOCS },
	{ { UI_ESC, '\n', UI_FN(KEY_ENTER), 'q' }, UI_REQ_BACK, "Esc", N_("Back"), NULL, NULL,
	  9, 0 },
};

struct view {
	const char *title, *text, *foot;
	const char *inspection;   /* whose documents `p` prints, or NULL */
	size_t top;
};

static unsigned mode(void *ctx)
{
	const struct view *v = ctx;

	return v->inspection ? M_DOCS : 0;
}

/* Asks which document in which format (the PDF of each first) and writes
 * it beside the workspace, saying where. */
static void print_documents(struct ui *ui, const char *inspection)
{
	static const struct { const char *label; enum document_kind kind;
			      enum document_format f; } docs[] = {
		{ N_("Rectification order, PDF"), DOCUMENT_ORDER, DOCUMENT_PDF },
		{ N_("On-site inspection record, PDF"), DOCUMENT_RECORD, DOCUMENT_PDF },
		{ N_("On-site measures decision, PDF"), DOCUMENT_MEASURES, DOCUMENT_PDF },
		{ N_("Re-inspection opinion, PDF"), DOCUMENT_REVIEW, DOCUMENT_PDF },
		{ N_("Rectification order, HTML"), DOCUMENT_ORDER, DOCUMENT_HTML },
		{ N_("On-site inspection record, HTML"), DOCUMENT_RECORD, DOCUMENT_HTML },
		{ N_("On-site measures decision, HTML"), DOCUMENT_MEASURES, DOCUMENT_HTML },
		{ N_("Re-inspection opinion, HTML"), DOCUMENT_REVIEW, DOCUMENT_HTML },
	};
	const char *labels[ARRAY_SIZE(docs)];
	struct document_number num;
	struct fc_err err = { 0 };
	char *path = NULL;
	size_t k;
	int c;

	for (k = 0; k < ARRAY_SIZE(docs); k++)
		labels[k] = _(docs[k].label);
	c = ui_choose(ui, _("Print which document?"), labels, ARRAY_SIZE(docs), 0);
	if (c < 0)
		return;
	if (document_write(ui->ws, inspection, docs[c].kind, docs[c].f, ui->lang, &path, &num,
			   &err))
		ui_error_err(ui, &err);
	else if (num.why[0])
		ui_error(ui, _("Written to %s, marked as a draft: %s"), path, num.why);
	else if (num.text[0])
		ui_info(ui, _("%s written to %s"), num.text, path);
	else
		ui_info(ui, _("Written to %s"), path);
	free(path);
}

/* The wrapped lines of the text, as (start, len) pairs, for the width. */
static size_t wrap_all(const char *s, int width, size_t **starts, size_t **lens)
{
	size_t n = 1, i, got;

	for (i = 0; s[i]; i++)
		n += s[i] == '\n';
	n += strlen(s) / (size_t)(width > 0 ? width : 1) + 1;
	*starts = xcalloc(n, sizeof **starts);
	*lens = xcalloc(n, sizeof **lens);
	got = ui_wrap(s, width, *starts, *lens, n);
	return got;
}

static void paint(struct ui *ui, void *ctx)
{
	struct view *v = ctx;
	size_t *starts, *lens, n, k;
	int h = LINES - 4, r;
	char *line;

	ui_title(ui, v->title, NULL);
	n = wrap_all(v->text, COLS - 2, &starts, &lens);
	if (v->top + (size_t)h > n)
		v->top = n > (size_t)h ? n - (size_t)h : 0;
	for (r = 0; r < h && v->top + (size_t)r < n; r++) {
		k = v->top + (size_t)r;
		line = xstrndup(v->text + starts[k], lens[k]);
		ui_put(2 + r, 1, line, COLS - 2, ui->attr[R_NORMAL]);
		free(line);
	}
	free(starts);
	free(lens);
	if (!ui->msg[0] && v->foot)
		ui_info(ui, "%s", v->foot);
}

static int act(struct ui *ui, void *ctx, int req, int key)
{
	struct view *v = ctx;

	if (req == REQ_PRINT && v->inspection) {
		print_documents(ui, v->inspection);
		return 0;
	}
	if (key == UI_FN(KEY_UP) && v->top > 0)
		v->top--;
	else if (key == UI_FN(KEY_DOWN))
		v->top++;
	else if (key == UI_FN(KEY_PPAGE))
		v->top = v->top > (size_t)LINES - 5 ? v->top - (size_t)LINES + 5 : 0;
	else if (key == UI_FN(KEY_NPAGE) || key == ' ')
		v->top += (size_t)LINES - 5;
	else if (key == UI_FN(KEY_HOME))
		v->top = 0;
	return 0;
}

static const struct ui_screen screen = {
	NULL, keys, ARRAY_SIZE(keys), paint, act, mode, NULL,
};

static void view(struct ui *ui, struct view *v)
{
	ui_run(ui, &screen, v);
}

void ui_notice(struct ui *ui, const char *inspection)
{
	struct fc_err err = { 0 };
	struct document_number num;
	struct strbuf sb;
	struct view v;
	char *path = NULL, foot[4200];

	/* an order that can be made (it has hazards) is given its number
	 * before it is shown or written (forms/inspect/inspect_document.h) */
	strbuf_init(&sb);
	if (notice_build(ui->ws, inspection, ui->lang, &sb, &err) ||
	    document_number(ui->ws, inspection, DOCUMENT_ORDER, &num, &err) ||
	    (strbuf_reset(&sb), notice_build(ui->ws, inspection, ui->lang, &sb, &err)) ||
	    notice_write(ui->ws, inspection, ui->lang, &path, &err)) {
		ui_error_err(ui, &err);
		strbuf_release(&sb);
		return;
	}
	if (num.why[0])
		snprintf(foot, sizeof foot, _("Written to %s, marked as a draft: %s"), path, num.why);
	else
		snprintf(foot, sizeof foot, _("Written to %s"), path);
	memset(&v, 0, sizeof v);
	v.title = _("Rectification notice");
	v.text = sb.buf;
	v.foot = foot;
	v.inspection = inspection;
	view(ui, &v);
	ui_info(ui, _("Rectification notice written to %s"), path);
	strbuf_release(&sb);
	free(path);
}
