/* pp_jsonld.h - a release/1 record as a schema.org JSON-LD document.
 *
 * One document per record: {"@context": "https://schema.org", "@graph": [...]}
 * with one node per entity (the NewsArticle, its WebPage when the URL is
 * known, a Person per participant and media contact, an Organization per
 * organisation, a Place/City/Country per place, a CreativeWork/Report per
 * cited work, a Quotation per quote, a ContactPoint per media contact),
 * linked by "@id" references. The mapping is described in docs/jsonld.md.
 *
 * Node ids are deterministic and unique per record: "<url>#<id>-article",
 * "<url>#<id>-p1", ... when the record has a URL, else blank nodes
 * "_:<id>-article", "_:<id>-p1", ... (<id> the record id), so documents of
 * many records merge into one graph without collisions. Nothing null,
 * empty or invented is written. The same record gives the same bytes.
 */
#ifndef PP_JSONLD_H
#define PP_JSONLD_H

#include <jansson.h>
#include <stdio.h>

#include "pp_record.h"
#include "pp_util.h"

/* Output flags for pp_jsonld_write. */
enum {
  PP_JSONLD_PRETTY = 1 << 0, /* indented by 2 spaces, not one line */
  PP_JSONLD_HTML = 1 << 1    /* inside <script type="application/ld+json">,
                                "/" escaped so the text cannot close it */
};

/* The document for r as a new JSON object (caller decrefs). A place's type
 * comes from its kind (release/1.1 places[].kind): City, Country, Continent,
 * AdministrativeArea, else Place (City for the dateline's place); a
 * person's worksFor from participants[].organization_id, a contact's
 * person from contacts[].participant: no names are looked up. On a value the document cannot
 * carry (a date that is not ISO 8601, a URL that is not an absolute http(s)
 * URL) returns NULL with e->message set (file and line are left for the
 * caller). */
json_t *pp_jsonld_from_record(const pp_record *r, pp_error *e);

/* Writes doc (from pp_jsonld_from_record) to out followed by "\n", as flags
 * say. Returns 0; -1 on a write error (errno from stdio); -2 when
 * PP_JSONLD_HTML is asked and the text holds "<!--" followed by "<script",
 * which would keep an HTML parser inside the script element (e->message
 * set, nothing written). */
int pp_jsonld_write(const json_t *doc, FILE *out, int flags, pp_error *e);

/* A file name stem for r, safe on every file system and never empty:
 * the source file's name without directory and extension, else the record
 * id, else "record"; bytes other than [A-Za-z0-9._-] become '_', leading
 * dots are dropped, at most 80 bytes (caller frees). */
char *pp_jsonld_file_stem(const pp_record *r);

#endif
