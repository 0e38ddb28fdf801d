/* pp_record.h - the release/1 record (docs/record.md) as C structs.
 *
 * A pp_record owns everything it points to; pp_record_free() releases it
 * all. Strings are NUL-terminated UTF-8; a NULL string is JSON null. Lists
 * hold their items by value and grow with the pp_record_add_* calls, which
 * return a zeroed item owned by the record.
 */
#ifndef PP_RECORD_H
#define PP_RECORD_H

#include <jansson.h>
#include <stdio.h>

#include "pp_util.h"

#define PP_RECORD_VERSION "release/1.1"

typedef struct {
  char *name;     /* file name, or "-" for standard input */
  char *sha256;   /* 64 lowercase hex digits of the raw bytes */
  long long bytes;
  char *encoding; /* "UTF-8", "UTF-8+BOM", "UTF-16LE", "windows-1252", ... */
  char *format;   /* the reader used: "text" or "html" (1.1; NULL reads as "text") */
} pp_source;

typedef struct {
  char *name;
  char *acronym;
  char *url;
} pp_issuer;

typedef struct {
  char *text;  /* as written */
  char *place; /* city in ordinary capitalisation */
  char *date;  /* YYYY-MM-DD */
} pp_dateline;

typedef struct {
  char *id;
  char *name;
  pp_strv aliases;
  char *honorific;
  char *given_name;
  char *family_name;
  char *role;
  char *organization;
  char *organization_id; /* 1.1: the organizations[] entry the role belongs to, or NULL */
  pp_intv mentions;
} pp_participant;

typedef struct {
  char *id;
  char *name;
  char *acronym;
  pp_intv mentions;
} pp_organization;

typedef struct {
  char *id;
  char *name;
  char *country; /* ISO 3166-1 alpha-2, or NULL */
  char *kind;    /* 1.1: "city", "region", "country", "continent", or NULL (unknown) */
  pp_intv mentions;
} pp_place;

typedef struct {
  char *title;
  int year; /* 0: unknown */
} pp_work;

typedef struct {
  char *participant; /* a participant id, or NULL */
  char *text;
  int paragraph; /* index into body, -1: unknown */
} pp_quote;

typedef struct {
  char *participant; /* 1.1: the participant id this contact is, or NULL */
  char *name;
  char *organization;
  char *email;
  char *phone;
} pp_contact;

typedef struct {
  char *id;
  pp_source source;
  char *url;
  pp_issuer *issuer; /* NULL: unknown */
  char *language;
  pp_strv sections;
  char *genre;
  char *headline; /* NULL when the text has none */
  char *subheadline;
  pp_dateline dateline;
  pp_strv body;

  pp_participant *participants;
  size_t n_participants, cap_participants;
  pp_organization *organizations;
  size_t n_organizations, cap_organizations;
  pp_place *places;
  size_t n_places, cap_places;
  pp_work *works;
  size_t n_works, cap_works;
  pp_quote *quotes;
  size_t n_quotes, cap_quotes;
  pp_contact *contacts;
  size_t n_contacts, cap_contacts;

  pp_strv warnings;
  pp_strv letterhead; /* not serialised: the header lines the parser read above the
                         text, for pp_release_add_header_people() */
} pp_record;

pp_record *pp_record_new(void);
void pp_record_free(pp_record *r);

pp_participant *pp_record_add_participant(pp_record *r);
pp_organization *pp_record_add_organization(pp_record *r);
pp_place *pp_record_add_place(pp_record *r);
pp_work *pp_record_add_work(pp_record *r);
pp_quote *pp_record_add_quote(pp_record *r);
pp_contact *pp_record_add_contact(pp_record *r);
void pp_record_warn(pp_record *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Look-ups by id; NULL when absent. */
const pp_participant *pp_record_participant(const pp_record *r, const char *id);

/* The record as a new JSON object (caller decrefs). Every field of
 * release/1 is present, in the documented order. */
json_t *pp_record_to_json(const pp_record *r);

/* A record from a JSON object. On a contract violation returns NULL and sets
 * *why (caller frees) to a one-line reason. */
pp_record *pp_record_from_json(const json_t *j, char **why);

/* Writes the record as one compact JSON line. Returns 0, or -1 on a write
 * error (errno set by stdio). */
int pp_record_write(const pp_record *r, FILE *out);

#endif
