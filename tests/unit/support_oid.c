/* support_oid.c - object ids for the unit tests (see support_oid.h). */
#include "support_oid.h"

#include <stdio.h>
#include <string.h>

git_oid test_oid(unsigned n)
{
	char text[32];
	git_oid id;

	snprintf(text, sizeof text, "object %u", n);
	git_odb_hash(&id, text, strlen(text), GIT_OBJECT_BLOB);
	return id;
}
