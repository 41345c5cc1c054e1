/* pulldata.c - the CSV files an expression's pulldata('FILE', ...) reads:
 * FILE.csv beside the form, read when the form loads and kept with it as a
 * select's file is (fromfile.c), so the lookup (xpath_pulldata.c) means
 * the same wherever the form goes. */
#include <stdio.h>
#include <string.h>

#include "forms/engine/survey_impl.h"

/* Reads the files named by pulldata() in column key of item i. */
void pulldata_files(struct loader *ld, struct survey *sv, size_t i, int key)
{
	const char *p = sheet_get(&sv->sh, sv->row[i], key, SLOT_PLAIN);
	char name[FORM_FILE_NAME_MAX + 1], q[QUOTE_SIZE];

	while ((p = strstr(p, "pulldata(")) != NULL) {
		const char *s = p + 9, *end;
		size_t n;
		p = s;
		s += strspn(s, " \t");
		if (*s != '\'' && *s != '"')
			continue; /* not a literal: the translation says so */
		end = strchr(s + 1, *s);
		if (!end)
			continue;
		n = (size_t)(end - s - 1);
		snprintf(name, sizeof name, "%.*s%s", (int)(n < 64 ? n : 64), s + 1,
			 n > 4 && !strncmp(end - 4, ".csv", 4) ? "" : ".csv");
		if (n > 64 || !form_file_name_ok(name)) {
			sheet_problem(ld, &sv->sh, sv->row[i], key, SLOT_PLAIN, "pulldata(): "
				      "'%s' is not a file name fieldcheck takes (1 to 64 of A-Z, a-z, "
				      "0-9, _ and -, then .csv)", load_quote(name, q, sizeof q));
			continue;
		}
		if (!form_file_find(ld->f, name))
			fromfile_add(ld, sv, i, key, name, "pulldata() reads from it");
	}
}
