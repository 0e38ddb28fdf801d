/* pp_release.h - the structure of a plain-text press release.
 *
 * pp_release_parse() decodes the raw bytes (pp_text.h) and reads the
 * structure a careful archivist would: site navigation above the headline
 * (sections), the self-label (genre), headline and subheadline, the
 * dateline (as printed, its place and ISO date) and the body paragraphs.
 * Entities are left empty (pp_extract.h fills them).
 */
#ifndef PP_RELEASE_H
#define PP_RELEASE_H

#include <stddef.h>

#include "pp_record.h"

typedef struct {
  const char *name;   /* source name ("-" for standard input) */
  const char *url;    /* --url, or NULL */
  const char *issuer; /* --issuer, or NULL */
  const char *lang;   /* --lang, or NULL ("en") */
} pp_release_opts;

/* Returns the record (caller frees), or NULL with *why (caller frees) when
 * the input is rejected (NUL bytes, empty or blank). */
pp_record *pp_release_parse(const unsigned char *raw, size_t n, const pp_release_opts *o,
                            char **why);

/* Exposed for unit tests. pp_dateline_match() reads a dateline at the start
 * of s: on success returns the bytes it spans (separator included) and sets
 * *place (caller frees; ordinary capitalisation) and *date (y = 0 when no
 * year, m = 0 when no date). */
size_t pp_dateline_match(const char *s, char **place, int *y, int *m, int *d);

/* Whether a trimmed line is an end mark ("###", "-30-", "ENDS"...). */
int pp_release_is_end_mark(const char *line);

/* "ASTANA" -> "Astana", "HONG KONG SAR" -> "Hong Kong SAR" (caller frees). */
char *pp_place_case(const char *s, size_t n);

#endif
