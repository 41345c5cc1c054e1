/* inspect_notice.h - the rectification order (责令限期整改指令书) of an
 * inspection, as printable text, in the language of the UI.
 *
 * The text itself is core/notice.h's; this adds what core/ cannot know, the
 * checklist's labels and legal bases (forms/), and writing the text beside
 * the workspace.  Both front ends use it: the screens show and write the
 * order, `fieldcheck export` words the one in the evidence package.
 */
#ifndef FC_INSPECT_NOTICE_H
#define FC_INSPECT_NOTICE_H

#include "core/notice.h"
#include "core/strbuf.h"
#include "core/workspace.h"
#include "forms/engine/form.h"

/* Appends the text of inspection `id`'s order in `lang` to out.  Refuses an
 * inspection without hazards (there is nothing to order). */
int notice_build(struct fc_workspace *ws, const char *id, struct form_lang lang,
		 struct strbuf *out, struct fc_err *err);
/* Writes it to WORKSPACE/notices/<first 8 of id>.txt, "-draft" before
 * ".txt" for a draft's; an order written before is never replaced: the
 * next is <...>-2.txt, -3 ... (refused after 99).  *path_out gets the path
 * (free() it). */
int notice_write(struct fc_workspace *ws, const char *id, struct form_lang lang,
		 char **path_out, struct fc_err *err);

/* Saves text as WORKSPACE/FOLDER/<id8>STEM[-draft].EXT through
 * notice_write_new (never over an earlier one); *path_out the path, free()
 * it.  The order and every document are saved so. */
int notice_save(struct fc_workspace *ws, const char *folder, const char *id, const char *stem,
		const char *ext, const struct strbuf *text, char **path_out, struct fc_err *err);

/* Writes sb to a temporary file in `dir` and links it in as the first free
 * name of BASE.EXT, BASE-2.EXT ...: link() never replaces a file, so a
 * document printed and served before is never overwritten, even by two
 * writers at once (refused after NOTICE_MAX_NAMES).  path gets the name
 * used.  notice_write and document_write (inspect_document.h) use it. */
#define NOTICE_MAX_NAMES 99
int notice_write_new(const char *dir, const char *base, const char *ext,
		     const struct strbuf *sb, char *path, size_t size, struct fc_err *err);

/* The checklist side of an order, from the forms the workspace knows
 * (forms/inspect/inspect.h), for core/notice.h and sync/casefile.h: sets *out to
 * look items up through `cache`, which loads the form on first use.
 * Release the cache with notice_forms_release. */
struct notice_formcache {
	struct fc_workspace *ws;
	struct form_lang lang;      /* the labels' language; none: the order's */
	struct form *f;
	char *id;
	int version;
};
void notice_forms_init(struct notice_formcache *cache, struct fc_workspace *ws,
		       struct notice_forms *out);
void notice_forms_release(struct notice_formcache *cache);

#endif
