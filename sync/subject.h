/* subject.h - the first line of a commit fieldcheck wrote, in the user's
 * language.
 *
 * Commit messages are data every laptop of a team reads, whatever language
 * its user speaks, so they are written in English, always in one of a few
 * fixed forms (export.c, mergein.c, rosteredit.c).  A history shown to a
 * person translates those forms here; any other subject (written by hand, by
 * another program, or by a newer fieldcheck) is shown as it is.
 */
#ifndef FC_SYNC_SUBJECT_H
#define FC_SYNC_SUBJECT_H

/* The subject as a person reads it; a new string. */
char *subject_shown(const char *subject);

#endif
