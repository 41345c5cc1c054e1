/* ui_dialog.h - boxes that ask something over the current screen: a form
 * of fields, a choice from a list, several choices, a yes/no question.
 *
 * Every dialog repaints the screen under it first (ui->paint), so a resize
 * while it is open redraws everything.  A check that fails keeps the dialog
 * open with the message inside it, where the user is looking.
 */
#ifndef FC_UI_DIALOG_H
#define FC_UI_DIALOG_H

#include "ui.h"
#include "ui_edit.h"

enum ui_field_kind { UF_TEXT, UF_CYCLE, UF_SHOW };

struct ui_field {
	const char *label;          /* already translated */
	enum ui_field_kind kind;
	struct ui_edit ed;          /* UF_TEXT */
	const char *const *opts;    /* UF_CYCLE: option labels, translated */
	int n_opts, opt;
	const char *show;           /* UF_SHOW: text shown, not editable */
	char note[300];             /* shown under the field */
	int note_err;
};

struct ui_form {
	const char *title;
	struct ui_field *f;
	size_t n;
	size_t focus;
	char msg[1024];             /* under the fields: why submit refused */
	int msg_err;
	/* After a field changed (may set notes); may be NULL. */
	void (*changed)(struct ui_form *d, size_t i, void *ctx);
	/* On Enter: 0 closes the dialog, -1 keeps it open (msg says why). */
	int (*submit)(struct ui_form *d, void *ctx);
	void *ctx;
};

/* Runs the dialog: 0 when submit accepted it, -1 when cancelled. */
int ui_form_run(struct ui *ui, struct ui_form *d);
void ui_field_text(struct ui_field *f, const char *label, const char *init, size_t max);
void ui_field_cycle(struct ui_field *f, const char *label, const char *const *opts, int n,
		    int opt);
void ui_field_show(struct ui_field *f, const char *label, const char *text);
/* Frees the editors of n fields. */
void ui_fields_free(struct ui_field *f, size_t n);
/* The text of field i (free() it). */
char *ui_field_value(const struct ui_form *d, size_t i);

/* One text, checked by `check` (may be NULL) before the dialog closes.
 * 0 with *out (free() it), or -1 when cancelled. */
typedef int (*ui_check_fn)(const char *value, void *ctx, struct fc_err *err);
int ui_ask_text(struct ui *ui, const char *title, const char *label, const char *init,
		size_t max, ui_check_fn check, void *ctx, char **out);

/* A choice from labels[0..n-1] (drawn safely); `cur` is selected first.
 * Returns the index, or -1 when cancelled.  '/' searches. */
int ui_choose(struct ui *ui, const char *title, const char *const *labels, size_t n,
	      size_t cur);
/* ui_choose whose '/' search also finds row i by also[i], a text not shown
 * (a form's id beside its title, so that the id still finds it). */
int ui_choose_find(struct ui *ui, const char *title, const char *const *labels,
		   const char *const *also, size_t n, size_t cur);
/* Several choices: sel[i] toggled with Space; 0 on Enter, -1 cancelled. */
int ui_choose_many(struct ui *ui, const char *title, const char *const *labels, size_t n,
		   unsigned char *sel);
/* A yes/no question; 1 for yes.  `dflt_yes` picks the button Enter takes. */
int ui_confirm(struct ui *ui, const char *title, const char *question, int dflt_yes);
/* Where a box of `h` rows goes: between the title and the message line,
 * never over the message line (a message under a box would show around its
 * border).  Returns the rows it gets and sets *y, its top row. */
int ui_dialog_place(int h, int *y);

#endif
