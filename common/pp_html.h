/* pp_html.h - press releases saved as HTML pages.
 *
 * pp_html_read() parses a page with libxml2's HTML parser (no network, no
 * DTD, no entities but HTML's own character references) and writes its
 * visible text in the block structure of a plain-text release, which
 * pp_release_parse() then reads like any other text:
 *
 *   - the title candidate first, as its own block: the page's <h1>, or,
 *     when it has none, its <title> as printed ("Headline | Site");
 *   - then the block elements of the main content (<main>, role=main, the
 *     largest <article>, else <body>) as paragraphs, one blank line apart;
 *     <br> is a line break inside a block; inline elements are joined as a
 *     browser shows them, white space collapsed;
 *   - scripts, styles, navigation, page headers and footers, asides, forms,
 *     embedded frames and graphics, and hidden elements are dropped.
 *
 * It also reads the page's metadata (Open Graph, article:published_time,
 * itemprop, <link rel=canonical>, <time datetime>). docs/html.md has the
 * details.
 */
#ifndef PP_HTML_H
#define PP_HTML_H

#include <stddef.h>

#include "pp_util.h"

/* 1 when the bytes should be read as HTML: after a BOM, white space,
 * comments and an XML declaration they start with "<!DOCTYPE html" or
 * "<html" (ASCII case-insensitive; UTF-8, or UTF-16 with a BOM), or name
 * (may be NULL) ends in ".html" or ".htm". Else 0. */
int pp_html_sniff(const unsigned char *b, size_t n, const char *name);

/* A page as text and metadata. Every field is owned by the struct;
 * pp_html_doc_free() frees them. */
typedef struct {
  char *text;      /* UTF-8 plain text, blocks one blank line apart; never NULL after a read */
  char *title;     /* og:title, else <title>; NULL when missing */
  char *url;       /* <link rel=canonical>, else og:url (absolute http/https only); or NULL */
  char *date;      /* publication date as YYYY-MM-DD, or NULL */
  char *site_name; /* og:site_name, or NULL */
} pp_html_doc;

/* Reads the page b[0..n). Returns 0 with *out filled (free it with
 * pp_html_doc_free), or -1 with *e set (e->file is NULL: the caller knows
 * the input's name) and *out zeroed. Thread-safe once libxml2 is
 * initialised (xmlInitParser() in the main thread). */
int pp_html_read(const unsigned char *b, size_t n, pp_html_doc *out, pp_error *e);

/* Frees the fields and zeroes the struct (the struct itself is the
 * caller's). NULL is a no-op. */
void pp_html_doc_free(pp_html_doc *d);

/* Initialises libxml2 once, in the main thread, before pp_html_read() is
 * called from several threads. */
void pp_html_init(void);

#endif
