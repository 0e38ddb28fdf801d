/* pp_newsml.h - release records as IPTC NewsML-G2 2.35 (docs/newsml.md).
 *
 * A pp_newsml_writer streams XML through libxml2's xmlTextWriter to a sink
 * (a FILE, a pp_buf, anything with a write function): either one
 * newsMessage whose itemSet gets one newsItem per record, or one bare
 * newsItem. Memory does not grow with the number of records: each item is
 * written and flushed before the next record is read.
 *
 * Every record yields a schema-valid item, whatever it lacks: a missing
 * headline or body, an unusable date, URL, language or country code is left
 * out and said in an edNote (role pp-ednote:conversionNote). Text is UTF-8;
 * characters XML 1.0 forbids become U+FFFD; white space in attribute values
 * is collapsed.
 *
 * pp_newsml_item_write writes one record's newsItem for a file of its own;
 * rec2newsml --split names it with pp_newsml_file_name() and writes it
 * through pp_split.
 */
#ifndef PP_NEWSML_H
#define PP_NEWSML_H

#include <stddef.h>
#include <stdio.h>

#include "pp_record.h"
#include "pp_util.h"

#define PP_NEWSML_NS "http://iptc.org/std/nar/2006-10-01/"
#define PP_NEWSML_XHTML_NS "http://www.w3.org/1999/xhtml"
#define PP_NEWSML_STANDARD_VERSION "2.35"
#define PP_NEWSML_IPTC_CATALOG "http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"
/* The toolkit's own catalog (data/newsml/catalog.presspipe_1.xml): where
 * items say it is, and the authority of its scheme URIs. */
#define PP_NEWSML_CATALOG_URL "https://presspipe.invalid/newsml/catalog.presspipe_1.xml"
/* The guid authority and provider when none is given: a reserved domain
 * (RFC 2606) that says "set --provider". */
#define PP_NEWSML_PROVIDER "presspipe.invalid"

typedef struct {
  const char *provider;    /* DNS name: guid authority, provider, sender; NULL: default */
  const char *sent;        /* xs:dateTime with zone: header/sent, versionCreated, firstCreated */
  const char *catalog_url; /* href of the toolkit's catalog; NULL: default */
  const char *generator;   /* name in itemMeta/generator, e.g. "presspipe rec2newsml" */
} pp_newsml_options;

typedef enum { PP_NEWSML_MESSAGE, PP_NEWSML_ITEM } pp_newsml_shape;

/* Writes len bytes; returns 0, or -1 with errno set. */
typedef int (*pp_newsml_sink)(void *ctx, const char *data, size_t len);
int pp_newsml_sink_file(void *ctx, const char *data, size_t len); /* ctx: FILE * */
int pp_newsml_sink_buf(void *ctx, const char *data, size_t len);  /* ctx: pp_buf * */

typedef struct pp_newsml_writer pp_newsml_writer;

/* The options are copied. A MESSAGE writer starts the document at the first
 * record, so an empty stream writes nothing (an itemSet must hold an item);
 * an ITEM writer takes exactly one record. */
pp_newsml_writer *pp_newsml_writer_new(pp_newsml_shape shape, pp_newsml_sink sink, void *ctx,
                                       const pp_newsml_options *o);
/* Writes the record's newsItem. Returns 0; -1 with *e set on a write error
 * (or a second record for an ITEM writer). */
int pp_newsml_writer_add(pp_newsml_writer *w, const pp_record *r, pp_error *e);
/* Ends the document and flushes it to the sink. Returns 0 or -1 (*e set). */
int pp_newsml_writer_finish(pp_newsml_writer *w, pp_error *e);
long pp_newsml_writer_count(const pp_newsml_writer *w);
void pp_newsml_writer_free(pp_newsml_writer *w);

/* Writes the record's bare newsItem to f, as the n-th item of the stream
 * (its xml:id prefix is "in-"): the bytes of one --split file (pp_split
 * writes the file). Returns 0; -1 with errno and *e set on a write error. */
int pp_newsml_item_write(FILE *f, const pp_record *r, long n, const pp_newsml_options *o,
                         pp_error *e);

/* "urn:newsml:PROVIDER:ID", the id percent-encoded outside [A-Za-z0-9._~-]
 * (caller frees). */
char *pp_newsml_guid(const char *provider, const char *id);
/* A file name for the record id: the id itself when it is made of
 * [A-Za-z0-9_.-] with '.' only after a letter or digit and '-' not first,
 * at most 100 bytes; else the id with every other byte run made '_', then
 * '-' and 12 hex digits of its SHA-256 ("record" when nothing is left), so
 * no name escapes or hides in the directory and distinct ids keep distinct
 * names. Ends in ".xml" (caller frees). */
char *pp_newsml_file_name(const char *id);

/* 1 when s is an xs:dateTime with a time zone ("2025-06-01T12:00:00Z"). */
int pp_newsml_datetime_valid(const char *s);
/* 1 when s is a DNS-like name usable as the guid authority. */
int pp_newsml_provider_valid(const char *s);
/* Seconds since the epoch as "YYYY-MM-DDThh:mm:ssZ"; returns 0, or -1 when
 * out of range. */
int pp_newsml_time_format(long long t, char out[32]);

#endif
