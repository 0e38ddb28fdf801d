/* pp_text.h - input decoding and text normalisation.
 *
 * pp_text_decode() turns the raw bytes of a release into normalised UTF-8:
 * UTF-8 with or without BOM, UTF-16 LE/BE with BOM, and, when the bytes are
 * not valid UTF-8, Windows-1252 (through iconv). Line ends become "\n";
 * NBSP and the other Unicode space characters become " "; invisible format
 * characters (category Cf: soft hyphen, zero-width space and joiners, LRM,
 * RLM and the other bidi marks, BOM) and C0/C1 controls other than tab and
 * newline are dropped; the text is put in Unicode NFC (utf8proc). A NUL
 * byte, or input with no visible character, is an error.
 */
#ifndef PP_TEXT_H
#define PP_TEXT_H

#include <stddef.h>

#include "pp_util.h"

typedef struct {
  char *text;           /* normalised UTF-8, NUL-terminated (caller frees) */
  size_t len;
  const char *encoding; /* static string: "UTF-8", "UTF-8+BOM", ... */
  int replaced;         /* bytes that could not be decoded (U+FFFD) */
} pp_decoded;

/* Returns 0, or -1 with *why (caller frees) set. */
int pp_text_decode(const unsigned char *raw, size_t n, pp_decoded *out, char **why);

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
size_t pp_utf8_valid_seq(const unsigned char *s, size_t n);
/* Decodes one code point at s (n bytes left); returns its length, or 0. */
size_t pp_utf8_decode(const unsigned char *s, size_t n, unsigned *cp);
/* Appends cp as UTF-8. */
void pp_utf8_encode(pp_buf *b, unsigned cp);

/* A copy of s[0..n) with runs of white space made one space and the ends
 * trimmed (caller frees). */
char *pp_text_collapse(const char *s, size_t n);

#endif
