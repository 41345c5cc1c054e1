/* ui_theme.c - what each role of text looks like, per theme.
 *
 * Normal uses a few colours; high contrast (for sunlight) uses only bold and
 * reverse video at full brightness, never dim or coloured small text; mono
 * is for terminals without colour (vt100) and is what normal falls back to
 * there.  Screens ask for a role (R_ERROR, R_SELECT...), never a colour.
 */
#include <string.h>

#include "ui.h"

static const char *const names[THEME_COUNT] = { "normal", "high", "mono" };

const char *ui_theme_name(enum ui_theme t)
{
	return t < THEME_COUNT ? names[t] : names[0];
}

int ui_theme_parse(const char *s, enum ui_theme *out)
{
	int i;

	for (i = 0; s && i < THEME_COUNT; i++)
		if (!strcmp(s, names[i])) {
			*out = (enum ui_theme)i;
			return 0;
		}
	return -1;
}

enum { P_TITLE = 1, P_BAR, P_ERROR, P_INFO, P_PASS, P_SECTION, P_DIM, P_BARKEY };

static void mono(attr_t *a)
{
	a[R_NORMAL] = A_NORMAL;
	a[R_TITLE] = A_REVERSE;
	a[R_BAR_KEY] = A_BOLD;
	a[R_BAR_TEXT] = A_REVERSE;
	a[R_SELECT] = A_REVERSE;
	a[R_ERROR] = A_BOLD;
	a[R_INFO] = A_NORMAL;
	a[R_PASS] = A_NORMAL;
	a[R_FAIL] = A_BOLD;
	a[R_DIM] = A_DIM;
	a[R_SECTION] = A_BOLD | A_UNDERLINE;
	a[R_WARN] = A_BOLD;
	a[R_FIELD] = A_UNDERLINE;
	a[R_FRAME] = A_NORMAL;
}

static void high(attr_t *a)
{
	a[R_NORMAL] = A_BOLD;
	a[R_TITLE] = A_REVERSE | A_BOLD;
	a[R_BAR_KEY] = A_BOLD;
	a[R_BAR_TEXT] = A_REVERSE | A_BOLD;
	a[R_SELECT] = A_REVERSE | A_BOLD;
	a[R_ERROR] = A_REVERSE | A_BOLD;
	a[R_INFO] = A_BOLD | A_UNDERLINE;
	a[R_PASS] = A_BOLD;
	a[R_FAIL] = A_REVERSE | A_BOLD;
	a[R_DIM] = A_NORMAL;
	a[R_SECTION] = A_BOLD | A_UNDERLINE;
	a[R_WARN] = A_REVERSE | A_BOLD;
	a[R_FIELD] = A_UNDERLINE | A_BOLD;
	a[R_FRAME] = A_BOLD;
}

static void colour(attr_t *a)
{
	init_pair(P_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(P_BAR, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_BARKEY, COLOR_WHITE, COLOR_BLACK);
	init_pair(P_ERROR, COLOR_RED, -1);
	init_pair(P_INFO, COLOR_CYAN, -1);
	init_pair(P_PASS, COLOR_GREEN, -1);
	init_pair(P_SECTION, COLOR_YELLOW, -1);
	init_pair(P_DIM, COLOR_BLUE, -1);
	mono(a);
	a[R_TITLE] = COLOR_PAIR(P_TITLE) | A_BOLD;
	a[R_BAR_KEY] = COLOR_PAIR(P_BARKEY) | A_BOLD;
	a[R_BAR_TEXT] = COLOR_PAIR(P_BAR);
	a[R_ERROR] = COLOR_PAIR(P_ERROR) | A_BOLD;
	a[R_INFO] = COLOR_PAIR(P_INFO);
	a[R_PASS] = COLOR_PAIR(P_PASS) | A_BOLD;
	a[R_FAIL] = COLOR_PAIR(P_ERROR) | A_BOLD;
	a[R_DIM] = A_DIM;
	a[R_SECTION] = COLOR_PAIR(P_SECTION) | A_BOLD;
	a[R_WARN] = COLOR_PAIR(P_SECTION) | A_BOLD;
	a[R_FIELD] = A_UNDERLINE;
}

void ui_theme_apply(struct ui *ui)
{
	ui->colors = 0;
	if (ui->theme == THEME_HIGH) {
		high(ui->attr);
		return;
	}
	if (ui->theme == THEME_NORMAL && has_colors() && start_color() == OK) {
		use_default_colors();
		ui->colors = 1;
		colour(ui->attr);
		return;
	}
	mono(ui->attr);
}
