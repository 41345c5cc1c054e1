/* ui_msg.c - the message line: what just happened, or what went wrong,
 * shown where the user is looking until the next key. */
#include <stdarg.h>
#include <stdio.h>

#include "ui.h"

static void set(struct ui *ui, int is_err, const char *fmt, va_list ap) FC_PRINTF(3, 0);

static void set(struct ui *ui, int is_err, const char *fmt, va_list ap)
{
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	ui->msg_err = is_err;
}

void ui_info(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set(ui, 0, fmt, ap);
	va_end(ap);
}

void ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set(ui, 1, fmt, ap);
	va_end(ap);
	beep();
}

void ui_error_err(struct ui *ui, const struct fc_err *err)
{
	ui_error(ui, "%s", err->msg[0] ? err->msg : _("something failed"));
}
