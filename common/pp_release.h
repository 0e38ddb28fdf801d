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

#include "pp_lang.h"
#include "pp_record.h"

typedef struct {
  const char *name;   /* source name ("-" for standard input) */
  const char *url;    /* --url, or NULL */
  const char *issuer; /* --issuer, or NULL */
  const char *lang;   /* --lang, or NULL ("en") */
  const pp_lang *pack; /* the language pack (layout words); NULL: built-in defaults */
} pp_release_opts;

/* Returns the record (caller frees), or NULL with *why (caller frees) when
 * the input is rejected (NUL bytes, empty or blank). */
pp_record *pp_release_parse(const unsigned char *raw, size_t n, const pp_release_opts *o,
                            char **why);

/* Where a line of the input ends up: the line-accounting invariant is that
 * every non-blank line of the decoded text is in exactly one of these
 * classes, never PP_LINE_NONE (docs/record.md, "Where every line goes").
 * The first seven are fields of the record; the others are the documented
 * classes of lines left out. */
typedef enum {
  PP_LINE_NONE = 0,    /* not accounted for: a violation */
  PP_LINE_BLANK,       /* a blank line */
  PP_LINE_SECTION,     /* sections[] */
  PP_LINE_GENRE,       /* genre ("Press Release", "FOR IMMEDIATE RELEASE") */
  PP_LINE_HEADLINE,    /* headline */
  PP_LINE_SUBHEADLINE, /* subheadline */
  PP_LINE_DATELINE,    /* dateline */
  PP_LINE_BODY,        /* body[] */
  PP_LINE_DATE,        /* left out: a date line whose date is the release date */
  PP_LINE_END_MARK,    /* left out: "###", "-30-", "ENDS" */
  PP_LINE_FURNITURE,   /* left out: site furniture: menus, banners, share and
                          print links, stamps, references, bylines */
  PP_LINE_LETTERHEAD,  /* left out: a letterhead block above the title */
  PP_LINE_REPEAT,      /* left out: a second print of the headline or of a paragraph */
  PP_LINE_FIELD,       /* left out: an export's header field ("URL: ...", "Content:") */
  PP_LINE_NCLASSES
} pp_line_class;

/* "section", "body", "end-mark", ... for a pp_line_class. */
const char *pp_line_class_name(int c);

/* pp_release_parse() that also reports where each line of the decoded
 * text went: *cls (caller frees) gets one pp_line_class per line ("\n"
 * separated), *nlines their number. */
pp_record *pp_release_parse_lines(const unsigned char *raw, size_t n, const pp_release_opts *o,
                                  char **why, unsigned char **cls, size_t *nlines);

/* Exposed for unit tests: pp_dateline_match(), pp_place_case(). */
#include "pp_dateline.h"

/* Whether a trimmed line is an end mark ("###", "-30-", "ENDS"...). */
int pp_release_is_end_mark(const char *line);

#endif
