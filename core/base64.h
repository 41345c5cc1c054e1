/* base64.h - RFC 4648 base64, for SSH keys and signatures: an SSH public key
 * line and an SSH signature's armour carry their binary blobs this way. */
#ifndef FC_BASE64_H
#define FC_BASE64_H

#include <stddef.h>
#include "strbuf.h"

/* Appends the base64 of in[0..n), padded with '=' when `pad`. */
void base64_encode(const unsigned char *in, size_t n, int pad, struct strbuf *out);
/* Decodes s[0..len) into out; white space (the armour's line breaks) is
 * skipped, padding is optional at the end only.  -1 on any other byte. */
int base64_decode(const char *s, size_t len, struct strbuf *out);

#endif
