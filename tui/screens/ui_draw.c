/* ui_draw.c - every piece of text reaches the screen through here.
 *
 * Records are validated when they enter the store, but the screen does not
 * trust them: a control character is drawn as ^X (never sent raw, so no
 * record can move the cursor, recolour or retitle the terminal), bytes that
 * are not UTF-8 as '?', and text is measured and cut by display width
 * (wcwidth: a Chinese character takes two columns), never by bytes.  A
 * text cut to its place ends in "…", so the reader sees that it goes on;
 * wrapped text that runs out of rows ends its last row so too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "ui.h"
#include "core/strbuf.h"
#include "core/text.h"

/* One character of s (n bytes left): its byte length in *len, the glyph to
 * draw in g (NUL-terminated wide string, "" for none) and its columns. */
static int glyph(const char *s, size_t n, size_t *len, wchar_t g[3])
{
	size_t k = utf8_seq_len((const unsigned char *)s, n);
	unsigned cp;
	int w;

	g[0] = g[1] = g[2] = 0;
	if (k == 0) {
		*len = 1;
		g[0] = L'?';
		return 1;
	}
	*len = k;
	cp = utf8_decode((const unsigned char *)s, k);
	if (cp < 0x20 || cp == 0x7f) {
		g[0] = L'^';
		g[1] = cp == 0x7f ? L'?' : (wchar_t)(cp + '@');
		return 2;
	}
	if (cp >= 0x80 && cp < 0xa0) {
		g[0] = L'?';
		return 1;
	}
	w = wcwidth((wchar_t)cp);
	if (w < 0) {
		g[0] = L'?';
		return 1;
	}
	if (w == 0)   /* combining marks, zero-width and bidi controls: dropped */
		return 0;
	g[0] = (wchar_t)cp;
	return w;
}

/* Lines are drawn with Unicode box characters in a UTF-8 locale (the Linux
 * console, tmux and every terminal emulator show them) and ASCII otherwise;
 * never through the alternate character set, which some terminal types
 * (vt100 in a UTF-8 terminal) turn into letters.  So is the mark of a cut. */
static int utf8_locale(void)
{
	return MB_CUR_MAX > 1;
}

/* What marks a cut: an ellipsis, or '~' where the locale has no "…". */
static const wchar_t *cut_mark(void)
{
	return utf8_locale() ? L"\x2026" : L"~";
}

/* Columns the first n bytes of s take. */
static int width_n(const char *s, size_t n)
{
	size_t i = 0, len;
	int used = 0;
	wchar_t g[3];

	while (i < n) {
		used += glyph(s + i, n - i, &len, g);
		i += len;
	}
	return used;
}

/* Draws the n bytes at s in at most maxw columns; when they do not fit, or
 * `more` says the text goes on, the last column shows the cut mark, so a cut
 * is seen (and never splits a character).  Returns the columns used. */
static int put_n(int y, int x, const char *s, size_t n, int maxw, attr_t a, int more)
{
	size_t i = 0, len;
	int used = 0, w, room;
	wchar_t g[3];

	if (y < 0 || y >= LINES || x < 0 || x >= COLS || maxw <= 0)
		return 0;
	if (maxw > COLS - x)
		maxw = COLS - x;
	more = more || width_n(s, n) > maxw;
	room = more ? maxw - 1 : maxw;
	attrset(a);
	move(y, x);
	while (i < n) {
		w = glyph(s + i, n - i, &len, g);
		if (used + w > room)
			break;
		if (w > 0)
			addnwstr(g, (int)wcslen(g));
		used += w;
		i += len;
	}
	if (more) {
		addnwstr(cut_mark(), 1);
		used++;
	}
	attrset(A_NORMAL);
	return used;
}

/* Whether row y ends (before column x, blanks aside) in the mark of a cut. */
static int ends_cut(int y, int x)
{
	cchar_t cell;
	wchar_t have[CCHARW_MAX + 1];
	attr_t ca;
	short pair;

	for (; x >= 0; x--) {
		have[0] = 0;
		if (mvin_wch(y, x, &cell) != OK || getcchar(&cell, have, &ca, &pair, NULL) != OK)
			return 0;
		if (have[0] != L' ')
			return have[0] == cut_mark()[0];
	}
	return 0;
}

void ui_cut_mark(int y, int x, attr_t a)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS || ends_cut(y, x))
		return;
	attrset(a);
	mvaddnwstr(y, x, cut_mark(), 1);
	attrset(A_NORMAL);
}

int ui_put(int y, int x, const char *s, int maxw, attr_t a)
{
	return put_n(y, x, s ? s : "", s ? strlen(s) : 0, maxw, a, 0);
}

int ui_col(int y, int x, const char *s, int w, attr_t a)
{
	ui_put(y, x, s, w, a);
	return w + 1;
}

int ui_width(const char *s)
{
	return s ? width_n(s, strlen(s)) : 0;
}

size_t ui_fit(const char *s, int width)
{
	size_t n = s ? strlen(s) : 0, i = 0, len;
	int used = 0, w;
	wchar_t g[3];

	while (i < n) {
		w = glyph(s + i, n - i, &len, g);
		if (used + w > width)
			break;
		used += w;
		i += len;
	}
	return i;
}

/* Chinese is broken between any two characters, but not before closing
 * punctuation nor after opening punctuation (so "）" never starts a row and
 * "（" never ends one); other text at spaces. */
static int no_row_start(wchar_t c)
{
	return c && wcschr(L"\xff0c\x3002\x3001\xff1b\xff1a\xff01\xff1f\xff09\x300d\x300f"
			   L"\x300b\x3009\x3011\x3015\x201d\x2019\xff0e\x2026\x2014,.;:!?)]}%",
			   c);
}

static int no_row_end(wchar_t c)
{
	return c && wcschr(L"\xff08\x300c\x300e\x300a\x3008\x3010\x3014\x201c\x2018([{", c);
}

/* Where a row may end: at `end`, the next row starting at `next`; `cols`
 * the columns of the row so far. */
struct brk {
	size_t end, next;
	int cols, have;
};

/* The break a full row takes: the last space when it leaves the row at
 * least half full (a quoted Chinese name stays whole in English text), else
 * the last break between Chinese characters that does, else the last
 * space; NULL: the row is cut where it is full (a long code or path after a
 * few Chinese characters fills its rows rather than starting a new one). */
static const struct brk *best_break(const struct brk *space, const struct brk *cjk, int width)
{
	int cjk_ok = cjk->have && 2 * cjk->cols >= width;

	if (space->have && (!cjk_ok || space->end > cjk->end || 2 * space->cols >= width))
		return space;
	return cjk_ok ? cjk : NULL;
}

size_t ui_wrap(const char *s, int width, size_t *starts, size_t *lens, size_t max)
{
	size_t n = s ? strlen(s) : 0, i = 0, start = 0, k = 0, len;
	struct brk space = { 0 }, cjk = { 0 };
	const struct brk *b;
	int used = 0, w;
	wchar_t g[3], prev = 0;

	if (width < 1)
		width = 1;
	while (i < n && k < max) {
		if (s[i] == '\n') {
			starts[k] = start;
			lens[k++] = i - start;
			start = ++i;
			used = space.have = cjk.have = 0;
			prev = 0;
			continue;
		}
		w = glyph(s + i, n - i, &len, g);
		if (s[i] == ' ') {   /* a row may end here, the space dropped */
			space = (struct brk){ i, i + 1, used, 1 };
		} else if (i > start && w == 2 && !no_row_start(g[0]) && !no_row_end(prev)) {
			cjk = (struct brk){ i, i, used, 1 };   /* before this character */
		}
		if (used + w > width && i > start) {
			b = best_break(&space, &cjk, width);
			starts[k] = start;
			lens[k++] = (b ? b->end : i) - start;
			start = i = b ? b->next : i;
			used = space.have = cjk.have = 0;
			prev = 0;
			continue;
		}
		used += w;
		prev = g[0];
		i += len;
	}
	if (k < max && (i > start || k == 0)) {
		starts[k] = start;
		lens[k++] = i - start;
	}
	return k;
}

int ui_text_rows(const char *s, int width)
{
	size_t n = s ? strlen(s) : 0, *starts, *lens, k;

	if (!n)
		return 0;
	/* a row holds a character at least, a newline starts one more */
	starts = xcalloc(n + 1, sizeof *starts);
	lens = xcalloc(n + 1, sizeof *lens);
	k = ui_wrap(s, width, starts, lens, n + 1);
	free(starts);
	free(lens);
	return (int)k;
}

int ui_put_wrapped(int y, int x, int w, int h, const char *s, attr_t a)
{
	size_t starts[65], lens[65], n, k, max;

	if (h <= 0 || w <= 0)
		return 0;
	max = (size_t)h < ARRAY_SIZE(starts) - 1 ? (size_t)h : ARRAY_SIZE(starts) - 1;
	n = ui_wrap(s, w, starts, lens, max + 1);   /* one more: is there more? */
	for (k = 0; k < n && k < max; k++)
		put_n(y + (int)k, x, s + starts[k], lens[k], w, a, k + 1 == max && n > max);
	return (int)k;
}

void ui_fill(int y, int x, int w, attr_t a)
{
	if (y < 0 || y >= LINES || x < 0 || x >= COLS)
		return;
	if (w > COLS - x)
		w = COLS - x;
	attrset(a);
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

static void put_glyph(int y, int x, wchar_t uni, wchar_t ascii)
{
	wchar_t g[2] = { utf8_locale() ? uni : ascii, 0 };

	if (y >= 0 && y < LINES && x >= 0 && x < COLS)
		mvaddnwstr(y, x, g, 1);
}

void ui_hline(int y, int x, int w, attr_t a)
{
	int i;

	attrset(a);
	for (i = 0; i < w && x + i < COLS; i++)
		put_glyph(y, x + i, L'\x2500', L'-');
	attrset(A_NORMAL);
}

void ui_box(int y, int x, int h, int w, attr_t a)
{
	int r;

	if (h < 2 || w < 2)
		return;
	for (r = 0; r < h; r++)
		ui_fill(y + r, x, w, a);
	ui_hline(y, x + 1, w - 2, a);
	ui_hline(y + h - 1, x + 1, w - 2, a);
	attrset(a);
	for (r = 1; r < h - 1; r++) {
		put_glyph(y + r, x, L'\x2502', L'|');
		put_glyph(y + r, x + w - 1, L'\x2502', L'|');
	}
	put_glyph(y, x, L'\x250c', L'+');
	put_glyph(y, x + w - 1, L'\x2510', L'+');
	put_glyph(y + h - 1, x, L'\x2514', L'+');
	put_glyph(y + h - 1, x + w - 1, L'\x2518', L'+');
	attrset(A_NORMAL);
}

void ui_title(struct ui *ui, const char *title, const char *right)
{
	int rw = right ? ui_width(right) : 0;

	ui_fill(0, 0, COLS, ui->attr[R_TITLE]);
	if (rw > COLS / 2)
		rw = COLS / 2;
	ui_put(0, 1, title, COLS - 2 - (rw ? rw + 2 : 0), ui->attr[R_TITLE]);
	if (rw)
		ui_put(0, COLS - 1 - rw, right, rw, ui->attr[R_TITLE]);
}

/* Where entry i of the bar starts; -1 when it does not fit.  Entries are
 * dropped from the end, but the last (F10 Quit or Esc Back) is kept. */
static int bar_x(const struct ui_keydef *keys, size_t n, size_t i, int *end)
{
	int x = 0, last = ui_width(keys[n - 1].label) + ui_width(_(keys[n - 1].what)) + 1;
	size_t k;

	for (k = 0; k < n; k++) {
		int need = ui_width(keys[k].label) + ui_width(_(keys[k].what)) + 1;
		int reserve = k + 1 < n ? last + 1 : 0;
		if (x + need + reserve > COLS) {
			if (k + 1 < n)
				continue;  /* skip this one, the last still has room */
			if (k != i)
				return -1;
		}
		if (k == i) {
			*end = x + need;
			return x;
		}
		x += need + 1;
	}
	return -1;
}

void ui_keybar(struct ui *ui, const struct ui_keydef *keys, size_t n)
{
	int y = LINES - 1, x, end, w;
	size_t i;

	ui->bar = keys;
	ui->n_bar = n;
	ui_fill(y, 0, COLS, ui->attr[R_BAR_TEXT]);
	for (i = 0; i < n; i++) {
		if ((x = bar_x(keys, n, i, &end)) < 0)
			continue;
		w = ui_put(y, x, keys[i].label, COLS - x, ui->attr[R_BAR_KEY]);
		ui_put(y, x + w, _(keys[i].what), COLS - x - w, ui->attr[R_BAR_TEXT]);
	}
}

int ui_keybar_hit(struct ui *ui, int x)
{
	int x0, end;
	size_t i;

	for (i = 0; i < ui->n_bar; i++)
		if ((x0 = bar_x(ui->bar, ui->n_bar, i, &end)) >= 0 && x >= x0 && x < end)
			return ui->bar[i].key;
	return 0;
}

void ui_msgline(struct ui *ui)
{
	int y = LINES - 2;

	ui_fill(y, 0, COLS, ui->attr[R_NORMAL]);
	if (ui->msg[0])
		ui_put(y, 1, ui->msg, COLS - 2, ui->attr[ui->msg_err ? R_ERROR : R_INFO]);
}

int ui_too_small(struct ui *ui)
{
	char buf[160];

	if (COLS >= UI_MIN_COLS && LINES >= UI_MIN_LINES)
		return 0;
	erase();
	snprintf(buf, sizeof buf, _("fieldcheck needs a terminal of at least %dx%d (now %dx%d)."),
		 UI_MIN_COLS, UI_MIN_LINES, COLS, LINES);
	ui_put_wrapped(0, 0, COLS, LINES - 1, buf, ui->attr[R_ERROR]);
	if (LINES > 2)
		ui_put(LINES - 1, 0, _("Enlarge the window, or press F10 to quit."), COLS,
		       ui->attr[R_NORMAL]);
	ui->bar = NULL;
	ui->n_bar = 0;
	return 1;
}
