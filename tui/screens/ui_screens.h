/* ui_screens.h - the screens, each a function that runs until the user
 * goes back (Esc) or quits (F10, which sets ui->quit). */
#ifndef FC_UI_SCREENS_H
#define FC_UI_SCREENS_H

#include "ui.h"
#include "core/inspection.h"

void ui_home(struct ui *ui);
/* New inspection: 0 with the new draft's id in id_out, -1 if abandoned. */
int ui_new(struct ui *ui, char *id_out);
/* Asks texts [first, first + n) of an inspection (enum insp_text,
 * core/inspection.h), starting from init[]; 0 with out[first..] set
 * (free() them), -1 when cancelled. */
int ui_ask_texts(struct ui *ui, const char *title, const char *const init[INSP_TEXT_COUNT],
		 int first, int n, char *out[INSP_TEXT_COUNT]);
/* The walk through a draft's checklist (a final one opens its review). */
void ui_walk(struct ui *ui, const char *id);

enum review_end { REVIEW_BACK, REVIEW_GOTO, REVIEW_FINAL };
/* Review of an inspection; REVIEW_GOTO puts the item to open in *item. */
enum review_end ui_review(struct ui *ui, const char *id, const struct form *f, size_t *item);
/* An inspection read whole, scrolled; a finalized one is amended from
 * here (ui_record.c). */
void ui_record(struct ui *ui, const char *id);
/* Opens an inspection from a list: a draft in its walk (asking first when
 * the officer is not on its team), a finalized one as its record (ui_open.c). */
void ui_open_inspection(struct ui *ui, const char *id);
/* The team of a draft, from its walk or review: members added are stored
 * at once (ui_team.c).  A walk's or review's keymap sends UI_REQ_TEAM, a
 * request above every screen's own, for it. */
void ui_draft_team(struct ui *ui, const char *id);
#define UI_REQ_TEAM 200
/* Drafts and finished inspections. */
void ui_drafts(struct ui *ui);
/* Hazards, filtered; `inspection` (a full id) or NULL. */
void ui_hazards(struct ui *ui, const char *inspection);
/* One hazard with its event log. */
void ui_hazard(struct ui *ui, const char *id);
void ui_settings(struct ui *ui);
/* Sync with the central repository (a supervisor's workspace pulls), with
 * progress and what arrived (ui_sync.c). */
void ui_sync(struct ui *ui);
struct sync_status;
/* "3 records, 1 commit": what waits to be sent, for a status line. */
void ui_sync_waiting(const struct sync_status *st, char *buf, size_t size);
/* The drafts with conflicting answers, to open one and resolve them; and
 * how many there are (0 when they cannot be read) (ui_conflicts.c). */
void ui_conflicts(struct ui *ui);
long ui_conflicts_count(struct ui *ui);
/* Writes the rectification order of an inspection and says where. */
void ui_notice(struct ui *ui, const char *inspection);
/* The supervisor's dashboard: the figures for a period, the open hazards
 * overdue or major, bars by town, form or month, and the records behind
 * each (ui_dashboard.c). */
void ui_dashboard(struct ui *ui);
/* A record's history in the replica: who changed it, when and what
 * (ui_history.c); an inspection's path needs its created_at. */
void ui_history_inspection(struct ui *ui, const char *id, const char *created_at);
void ui_history_hazard(struct ui *ui, const char *id);

/* What a chosen file documents: a hazard (and its event number, 0 for the
 * hazard itself) when `hazard` is set, else an inspection (and one of its
 * items, or "" for the inspection itself). */
struct ui_attach_to {
	const char *inspection, *item;
	const char *hazard;
	size_t event;
};
/* Chooses files in a folder (newest first, several at once) and attaches
 * them as evidence, saying how many on the message line (ui_files.c). */
void ui_attach_files(struct ui *ui, const struct ui_attach_to *to);
/* Opens one of the files of a record (kind "inspection" or "hazard",
 * chosen when several) with the desktop's viewer; one not on this laptop
 * is fetched first when the officer agrees (ui_evopen.c). */
struct fc_attachment;
void ui_open_file(struct ui *ui, const struct fc_attachment *list, size_t n, const char *kind,
		  const char *id);

#endif
