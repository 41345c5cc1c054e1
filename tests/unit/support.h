/* support.h - helpers shared by the unit tests (cmocka). */
#ifndef FC_TEST_SUPPORT_H
#define FC_TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

/* A fresh temporary folder; free() the name, remove with test_rmrf. */
char *test_tmpdir(void);
void test_rmrf(const char *path);
/* path/name, allocated. */
char *test_path(const char *dir, const char *name);
/* Reads a whole file (NUL-terminated); NULL if it cannot. */
char *test_read_file(const char *path, size_t *len);
int test_write_file(const char *path, const char *data, size_t len);
/* Valid credit codes of real enterprises (their check characters verify). */
extern const char *const test_uscc_valid[];
extern const size_t test_uscc_valid_n;

#endif
