/* support_oid.h - object ids for the unit tests of the sync's tables keyed
 * by them (support_oid.c). */
#ifndef FC_TEST_SUPPORT_OID_H
#define FC_TEST_SUPPORT_OID_H

#include <git2.h>

/* An object id made from a number: the id of the blob "object N", so its
 * bytes spread as a hash's do. */
git_oid test_oid(unsigned n);

#endif
