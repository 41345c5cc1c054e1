/* cli_repeat.c - `fieldcheck inspection repeat ID REPEAT add|remove
 * [INSTANCE]` and --instance: a repeat's instances from the command line
 * (forms/inspect/instances.h says what they are in the record). */
#include <stdio.h>
#include <string.h>

#include "core/i18n.h"
#include "core/inspection.h"
#include "forms/inspect/instances.h"
#include "tui/cli/cli_inspection.h"

static const char usage[] =
	"fieldcheck inspection repeat ID REPEAT add [IN]   (IN: for a repeat inside another, "
	"the instance of that one)\n"
	"       fieldcheck inspection repeat ID REPEAT remove INSTANCE   (its number, like 2 or "
	"2/1 inside another repeat, or uuid)";

int cli_item_key(struct opened *o, const char *item, const char *which, char *key,
		 struct fc_err *err)
{
	struct fc_inspection in;
	char uuid[FC_UUID_LEN + 1];
	int idx = form_item_index(o->f, item), rc;

	if (!which) {
		snprintf(key, MAX_ITEM_KEY + 1, "%.*s", MAX_ITEM_KEY, item);
		return 0;
	}
	if (idx < 0 || o->f->items[idx].repeat < 0) {
		/* inspect_answer names what is wrong: no such item, or one
		 * that takes no instance */
		snprintf(key, MAX_ITEM_KEY + 1, "%.*s@%.36s", MAX_ITEM, item, which);
		return 0;
	}
	if (inspection_get(o->ws->store, o->id, &in, err))
		return -1;
	rc = inspect_instance_which(o->f, &in, (size_t)o->f->items[idx].repeat, which, uuid,
				    form_lang_locale(), err);
	inspection_clear(&in);
	if (!rc)
		snprintf(key, MAX_ITEM_KEY + 1, "%s@%s", item, uuid);
	return rc;
}

int cmd_inspection_repeat(struct cli *cli, int argc, char **argv)
{
	const char *pos[4];
	const struct cli_opt opts[] = { { 0 } };
	char uuid[FC_UUID_LEN + 1];
	struct fc_err err = { 0 };
	struct opened o;
	size_t n, at = 0;
	int rc, add;

	if ((rc = cli_parse(argc, argv, opts, pos, 4, &n, usage)))
		return rc;
	if (n < 3)
		return cli_usage(usage, _("inspection repeat needs the id, the repeat and add or "
					  "remove"));
	add = !strcmp(pos[2], "add");
	if (!add && strcmp(pos[2], "remove"))
		return cli_usage(usage, _("inspection repeat: '%s' is neither add nor remove"),
				 pos[2]);
	if ((add && n > 4) || (!add && n != 4))
		return cli_usage(usage, add ? _("inspection repeat ... add takes at most the "
						"instance it goes in")
				 : _("inspection repeat ... remove needs the instance: its number "
				     "or uuid"));
	if (cli_open_inspection(cli, pos[0], &o, &err))
		return cli_report(&err);
	rc = add ? inspect_repeat_add(o.ws, o.f, o.id, pos[1], n == 4 ? pos[3] : NULL, uuid, &at,
				      form_lang_locale(), &err)
		 : inspect_repeat_remove(o.ws, o.f, o.id, pos[1], pos[3], form_lang_locale(), &err);
	if (!rc && add)
		printf("%zu %s\n", at, uuid);
	cli_close_inspection(&o);
	return rc ? cli_report(&err) : 0;
}
