/* pp_sha256.h - SHA-256 (FIPS 180-4) of a byte string, for source.sha256
 * and the record id. */
#ifndef PP_SHA256_H
#define PP_SHA256_H

#include <stddef.h>

/* Writes 64 lowercase hex digits and a NUL to hex. */
void pp_sha256_hex(const void *data, size_t len, char hex[65]);

#endif
