/* pp_csv.c - release records as CSV tables: the columns of each table, the
 * formula guard, fields through libcsv, and the Frictionless Table Schema of
 * the chosen columns (pp_csv.h). */
#include "pp_csv.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

/* ---- columns ---------------------------------------------------------- */

/* What a column reads from the record. */
typedef enum {
  K_RELEASE_ID,
  K_RELEASE_DATE,
  K_DATELINE_PLACE,
  K_HEADLINE,
  K_SOURCE_NAME,
  K_RELEASE_URL,
  K_ISSUER_NAME,
  K_LANGUAGE,
  K_P_ID,
  K_P_NAME,
  K_P_HONORIFIC,
  K_P_GIVEN_NAME,
  K_P_FAMILY_NAME,
  K_P_ROLE,
  K_P_ORGANIZATION,
  K_P_ALIASES,
  K_P_MENTIONS,
  K_O_ID,
  K_O_NAME,
  K_O_ACRONYM,
  K_O_MENTIONS,
  K_L_ID,
  K_L_NAME,
  K_L_COUNTRY,
  K_L_MENTIONS,
  K_Q_PARTICIPANT,
  K_Q_PARTICIPANT_NAME,
  K_Q_PARAGRAPH,
  K_Q_TEXT,
  K_C_NAME,
  K_C_ORGANIZATION,
  K_C_EMAIL,
  K_C_PHONE
} S_key;

/* A column and its Frictionless field descriptor. */
typedef struct {
  const char *name;
  S_key key;
  const char *type;    /* Frictionless type: string, integer, date */
  const char *format;  /* NULL: the type's default */
  const char *pattern; /* constraints.pattern, or NULL */
  int required;        /* constraints.required */
  int count;           /* an integer >= 0: constraints.minimum 0 */
  const char *description;
} S_column;

/* The release's columns, which every table may use. */
static const S_column S_release_cols[] = {
    {"release_id", K_RELEASE_ID, "string", NULL, NULL, 1, 0,
     "Identifier of the release record (record field id): the same input bytes give the same id."},
    {"release_date", K_RELEASE_DATE, "date", NULL, NULL, 0, 0,
     "Date of the release from its dateline, YYYY-MM-DD; empty when unknown."},
    {"dateline_place", K_DATELINE_PLACE, "string", NULL, NULL, 0, 0,
     "Place of the dateline, a city in ordinary capitalisation; empty when unknown."},
    {"headline", K_HEADLINE, "string", NULL, NULL, 0, 0,
     "The release's own title; empty when the record has none."},
    {"source_name", K_SOURCE_NAME, "string", NULL, NULL, 0, 0,
     "Name of the file the release was read from (record field source.name); - for standard "
     "input."},
    {"release_url", K_RELEASE_URL, "string", "uri", NULL, 0, 0,
     "Where the release was published; empty when unknown."},
    {"issuer_name", K_ISSUER_NAME, "string", NULL, NULL, 0, 0,
     "Name of the organisation that issued the release; empty when unknown."},
    {"language", K_LANGUAGE, "string", NULL, NULL, 0, 0, "BCP 47 language tag of the text."},
};

static const S_column S_participant_cols[] = {
    {"participant_id", K_P_ID, "string", NULL, NULL, 1, 0,
     "Identifier of the person, unique within the release."},
    {"name", K_P_NAME, "string", NULL, NULL, 1, 0,
     "Fullest form of the person's name, without honorific."},
    {"honorific", K_P_HONORIFIC, "string", NULL, NULL, 0, 0, "Honorific (Mr., Dr., ...); empty when none."},
    {"given_name", K_P_GIVEN_NAME, "string", NULL, NULL, 0, 0, "Given name; empty when unknown."},
    {"family_name", K_P_FAMILY_NAME, "string", NULL, NULL, 0, 0, "Family name; empty when unknown."},
    {"role", K_P_ROLE, "string", NULL, NULL, 0, 0, "The person's role or title; empty when unknown."},
    {"organization", K_P_ORGANIZATION, "string", NULL, NULL, 0, 0,
     "The organisation the person speaks for; empty when unknown."},
    {"aliases", K_P_ALIASES, "string", NULL, NULL, 0, 0,
     "Other spellings of the name met in the text, joined with \" | \" (space, vertical bar, "
     "space); empty when none."},
    {"mention_count", K_P_MENTIONS, "integer", NULL, NULL, 1, 1,
     "Number of body paragraphs that mention the person."},
};

static const S_column S_organization_cols[] = {
    {"organization_id", K_O_ID, "string", NULL, NULL, 1, 0,
     "Identifier of the organisation, unique within the release."},
    {"name", K_O_NAME, "string", NULL, NULL, 1, 0, "Fullest form of the organisation's name."},
    {"acronym", K_O_ACRONYM, "string", NULL, NULL, 0, 0, "Acronym; empty when none."},
    {"mention_count", K_O_MENTIONS, "integer", NULL, NULL, 1, 1,
     "Number of body paragraphs that mention the organisation."},
};

static const S_column S_place_cols[] = {
    {"place_id", K_L_ID, "string", NULL, NULL, 1, 0, "Identifier of the place, unique within the release."},
    {"name", K_L_NAME, "string", NULL, NULL, 1, 0, "Name of the place."},
    {"country", K_L_COUNTRY, "string", NULL, "[A-Z]{2}", 0, 0,
     "ISO 3166-1 alpha-2 code of the country; empty when unknown."},
    {"mention_count", K_L_MENTIONS, "integer", NULL, NULL, 1, 1,
     "Number of body paragraphs that mention the place."},
};

static const S_column S_quote_cols[] = {
    {"participant_id", K_Q_PARTICIPANT, "string", NULL, NULL, 0, 0,
     "Identifier of the speaker in the participants table; empty when unknown."},
    {"participant_name", K_Q_PARTICIPANT_NAME, "string", NULL, NULL, 0, 0,
     "Name of the speaker; empty when unknown."},
    {"paragraph", K_Q_PARAGRAPH, "integer", NULL, NULL, 0, 1,
     "Index (from 0) of the body paragraph holding the quote; empty when unknown."},
    {"text", K_Q_TEXT, "string", NULL, NULL, 1, 0, "The quoted words."},
};

static const S_column S_contact_cols[] = {
    {"name", K_C_NAME, "string", NULL, NULL, 0, 0, "Name of the media contact; empty when unknown."},
    {"organization", K_C_ORGANIZATION, "string", NULL, NULL, 0, 0,
     "The contact's organisation; empty when unknown."},
    {"email", K_C_EMAIL, "string", "email", NULL, 0, 0, "E-mail address; empty when unknown."},
    {"phone", K_C_PHONE, "string", NULL, NULL, 0, 0, "Telephone number as written; empty when unknown."},
};

#define S_N(a) (sizeof(a) / sizeof((a)[0]))

typedef struct {
  const char *name;
  const S_column *cols; /* the table's own columns */
  size_t n_cols;
  const char *defaults;
  const char *all;
  const char *id_column; /* with release_id, the primary key; or NULL */
  const char *what;      /* "One row per ..." */
} S_table;

#define S_RELEASE_ALL \
  "release_id,release_date,dateline_place,headline,source_name,release_url,issuer_name,language"

static const S_table S_tables[] = {
    [PP_CSV_PARTICIPANTS] = {"participants", S_participant_cols, S_N(S_participant_cols),
                             "release_id,release_date,dateline_place,headline,participant_id,name,"
                             "honorific,given_name,family_name,role,organization,aliases,"
                             "mention_count,source_name",
                             S_RELEASE_ALL ",participant_id,name,honorific,given_name,family_name,"
                                           "role,organization,aliases,mention_count",
                             "participant_id", "One row per participant (named person) of each release record."},
    [PP_CSV_ORGANIZATIONS] = {"organizations", S_organization_cols, S_N(S_organization_cols),
                              "release_id,release_date,organization_id,name,acronym,mention_count,"
                              "source_name",
                              S_RELEASE_ALL ",organization_id,name,acronym,mention_count",
                              "organization_id", "One row per organisation named in each release record."},
    [PP_CSV_PLACES] = {"places", S_place_cols, S_N(S_place_cols),
                       "release_id,release_date,place_id,name,country,mention_count,source_name",
                       S_RELEASE_ALL ",place_id,name,country,mention_count", "place_id",
                       "One row per place named in each release record."},
    [PP_CSV_QUOTES] = {"quotes", S_quote_cols, S_N(S_quote_cols),
                       "release_id,release_date,participant_id,participant_name,paragraph,text,"
                       "source_name",
                       S_RELEASE_ALL ",participant_id,participant_name,paragraph,text", NULL,
                       "One row per quotation of each release record."},
    [PP_CSV_CONTACTS] = {"contacts", S_contact_cols, S_N(S_contact_cols),
                         "release_id,release_date,name,organization,email,phone,source_name",
                         S_RELEASE_ALL ",name,organization,email,phone", NULL,
                         "One row per media contact of each release record."},
};

static const S_table *S_table_of(pp_csv_table t) {
  return (unsigned)t < S_N(S_tables) ? &S_tables[t] : &S_tables[PP_CSV_PARTICIPANTS];
}

int pp_csv_table_from_name(const char *name, pp_csv_table *t) {
  for (size_t i = 0; i < S_N(S_tables); i++)
    if (name && strcmp(name, S_tables[i].name) == 0) {
      *t = (pp_csv_table)i;
      return 0;
    }
  return -1;
}

const char *pp_csv_table_name(pp_csv_table t) { return S_table_of(t)->name; }
const char *pp_csv_table_default_columns(pp_csv_table t) { return S_table_of(t)->defaults; }
const char *pp_csv_table_all_columns(pp_csv_table t) { return S_table_of(t)->all; }

static const S_column *S_find_column(const S_table *t, const char *name, size_t n) {
  for (size_t i = 0; i < t->n_cols; i++)
    if (strlen(t->cols[i].name) == n && memcmp(t->cols[i].name, name, n) == 0) return &t->cols[i];
  for (size_t i = 0; i < S_N(S_release_cols); i++)
    if (strlen(S_release_cols[i].name) == n && memcmp(S_release_cols[i].name, name, n) == 0)
      return &S_release_cols[i];
  return NULL;
}

/* ---- cells ------------------------------------------------------------ */

int pp_csv_guard_needs_prefix(const char *cell) {
  if (!cell) return 0;
  switch (cell[0]) {
  case '=':
  case '+':
  case '-':
  case '@':
  case '\t':
  case '\r':
    return 1;
  default:
    return 0;
  }
}

/* A C0 control character a spreadsheet cell should not carry. */
static int S_is_bad_control(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r'; }

static int S_has_bad_control(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (S_is_bad_control((unsigned char)s[i])) return 1;
  return 0;
}

/* Appends the field's bytes, quoted by libcsv when it must be (or when
 * force is set). */
static void S_field_put(pp_buf *row, const char *s, size_t n, int force) {
  if (!force && strcspn(s, ",\"\r\n") >= n) {
    pp_buf_add(row, s, n);
    return;
  }
  if (n > ((size_t)-1 - 3) / 2) abort(); /* cannot happen: lines are capped at 16 MiB */
  size_t room = 2 * n + 2;
  pp_buf_reserve(row, room);
  size_t k = csv_write2(row->data + row->len, room, s, n, CSV_QUOTE);
  row->len += k;
  row->data[row->len] = '\0';
}

void pp_csv_field_add(pp_buf *row, const char *value, int flags) {
  const char *s = value ? value : "";
  size_t n = strlen(s);
  int force = (flags & PP_CSV_QUOTE) != 0;
  if ((flags & PP_CSV_RAW) || (!pp_csv_guard_needs_prefix(s) && !S_has_bad_control(s, n))) {
    S_field_put(row, s, n, force);
    return;
  }
  /* The inert form: a leading apostrophe, controls as U+FFFD. */
  pp_buf safe = PP_BUF_INIT;
  if (pp_csv_guard_needs_prefix(s)) pp_buf_addc(&safe, '\'');
  for (size_t i = 0; i < n; i++) {
    if (S_is_bad_control((unsigned char)s[i]))
      pp_buf_add(&safe, "\xEF\xBF\xBD", 3);
    else
      pp_buf_addc(&safe, s[i]);
  }
  S_field_put(row, safe.data, safe.len, force);
  pp_buf_free(&safe);
}

/* ---- the writer ------------------------------------------------------- */

struct pp_csv_writer {
  const S_table *table;
  const S_column **cols;
  size_t n_cols;
  FILE *out;
  int header, bom, flags;
  pp_buf row;  /* the rows of one record */
  pp_buf list; /* a joined list */
  char num[32];
  unsigned long long rows;
  pp_strmap speakers; /* participant id -> index, of the record at hand */
  int speakers_built; /* speakers indexes the record at hand */
};

pp_csv_writer *pp_csv_writer_new(const pp_csv_options *opt, FILE *out, pp_error *e) {
  const S_table *t = S_table_of(opt->table);
  const char *spec = opt->columns ? opt->columns : t->defaults;
  pp_csv_writer *w = pp_xcalloc(1, sizeof *w);
  w->table = t;
  w->out = out;
  w->header = opt->header;
  w->bom = opt->bom;
  w->flags = opt->raw ? PP_CSV_RAW : 0;
  size_t cap = 0;
  const char *p = spec;
  for (;;) {
    size_t len = strcspn(p, ",");
    const char *name = p;
    size_t n = len;
    while (n && (*name == ' ' || *name == '\t')) name++, n--;
    while (n && (name[n - 1] == ' ' || name[n - 1] == '\t')) n--;
    const S_column *c = n ? S_find_column(t, name, n) : NULL;
    if (!n) {
      pp_error_set(e, NULL, 0, "empty column name in the column list \"%s\"", spec);
      goto fail;
    }
    if (!c) {
      pp_error_set(e, NULL, 0, "unknown column \"%.*s\" for the %s table (known: %s)", (int)n, name,
                   t->name, t->all);
      goto fail;
    }
    for (size_t i = 0; i < w->n_cols; i++)
      if (w->cols[i] == c) {
        pp_error_set(e, NULL, 0, "column \"%s\" is listed twice", c->name);
        goto fail;
      }
    pp_xgrow((void **)&w->cols, &cap, w->n_cols + 1, sizeof *w->cols);
    w->cols[w->n_cols++] = c;
    if (p[len] == '\0') break;
    p += len + 1;
  }
  return w;
fail:
  pp_csv_writer_free(w);
  return NULL;
}

void pp_csv_writer_free(pp_csv_writer *w) {
  if (!w) return;
  free(w->cols);
  pp_buf_free(&w->row);
  pp_buf_free(&w->list);
  pp_strmap_free(&w->speakers);
  free(w);
}

unsigned long long pp_csv_writer_rows(const pp_csv_writer *w) { return w->rows; }

static int S_flush(pp_csv_writer *w) {
  size_t n = w->row.len;
  int bad = n && fwrite(w->row.data, 1, n, w->out) != n;
  pp_buf_clear(&w->row);
  return bad || ferror(w->out) ? -1 : 0;
}

int pp_csv_writer_begin(pp_csv_writer *w) {
  pp_buf_clear(&w->row);
  if (w->bom) pp_buf_add(&w->row, "\xEF\xBB\xBF", 3);
  if (w->header) {
    for (size_t i = 0; i < w->n_cols; i++) {
      if (i) pp_buf_addc(&w->row, ',');
      pp_csv_field_add(&w->row, w->cols[i]->name, PP_CSV_RAW);
    }
    pp_buf_add(&w->row, "\r\n", 2);
  }
  return S_flush(w);
}

static const char *S_count(pp_csv_writer *w, size_t n) {
  snprintf(w->num, sizeof w->num, "%zu", n);
  return w->num;
}

static const char *S_join(pp_csv_writer *w, const pp_strv *sv) {
  if (sv->n == 0) return NULL;
  pp_buf_clear(&w->list);
  for (size_t i = 0; i < sv->n; i++) {
    if (i) pp_buf_adds(&w->list, PP_CSV_LIST_SEP);
    pp_buf_adds(&w->list, sv->v[i]);
  }
  return w->list.data;
}

/* The participant with that id (the first, as pp_record_participant),
 * or NULL. The record's participants are indexed by id once, on the first
 * call for the record, so that a quotes table costs O(quotes +
 * participants), not O(quotes x participants). */
static const pp_participant *S_speaker(pp_csv_writer *w, const pp_record *r, const char *id) {
  if (!id) return NULL;
  if (!w->speakers_built) {
    for (size_t i = r->n_participants; i-- > 0;) /* backwards: the first wins */
      if (r->participants[i].id) pp_strmap_set(&w->speakers, r->participants[i].id, i);
    w->speakers_built = 1;
  }
  size_t i;
  return pp_strmap_get(&w->speakers, id, &i) ? &r->participants[i] : NULL;
}

/* The value of column k for item i of the record; NULL: null. */
static const char *S_value(pp_csv_writer *w, const pp_record *r, size_t i, S_key k) {
  switch (k) {
  case K_RELEASE_ID: return r->id;
  case K_RELEASE_DATE: return r->dateline.date;
  case K_DATELINE_PLACE: return r->dateline.place;
  case K_HEADLINE: return r->headline;
  case K_SOURCE_NAME: return r->source.name;
  case K_RELEASE_URL: return r->url;
  case K_ISSUER_NAME: return r->issuer ? r->issuer->name : NULL;
  case K_LANGUAGE: return r->language;
  case K_P_ID: return r->participants[i].id;
  case K_P_NAME: return r->participants[i].name;
  case K_P_HONORIFIC: return r->participants[i].honorific;
  case K_P_GIVEN_NAME: return r->participants[i].given_name;
  case K_P_FAMILY_NAME: return r->participants[i].family_name;
  case K_P_ROLE: return r->participants[i].role;
  case K_P_ORGANIZATION: return r->participants[i].organization;
  case K_P_ALIASES: return S_join(w, &r->participants[i].aliases);
  case K_P_MENTIONS: return S_count(w, r->participants[i].mentions.n);
  case K_O_ID: return r->organizations[i].id;
  case K_O_NAME: return r->organizations[i].name;
  case K_O_ACRONYM: return r->organizations[i].acronym;
  case K_O_MENTIONS: return S_count(w, r->organizations[i].mentions.n);
  case K_L_ID: return r->places[i].id;
  case K_L_NAME: return r->places[i].name;
  case K_L_COUNTRY: return r->places[i].country;
  case K_L_MENTIONS: return S_count(w, r->places[i].mentions.n);
  case K_Q_PARTICIPANT: return r->quotes[i].participant;
  case K_Q_PARTICIPANT_NAME: {
    const pp_participant *p = S_speaker(w, r, r->quotes[i].participant);
    return p ? p->name : NULL;
  }
  case K_Q_PARAGRAPH:
    return r->quotes[i].paragraph >= 0 ? S_count(w, (size_t)r->quotes[i].paragraph) : NULL;
  case K_Q_TEXT: return r->quotes[i].text;
  case K_C_NAME: return r->contacts[i].name;
  case K_C_ORGANIZATION: return r->contacts[i].organization;
  case K_C_EMAIL: return r->contacts[i].email;
  case K_C_PHONE: return r->contacts[i].phone;
  }
  return NULL;
}

static size_t S_items(const pp_csv_writer *w, const pp_record *r) {
  switch ((pp_csv_table)(w->table - S_tables)) {
  case PP_CSV_PARTICIPANTS: return r->n_participants;
  case PP_CSV_ORGANIZATIONS: return r->n_organizations;
  case PP_CSV_PLACES: return r->n_places;
  case PP_CSV_QUOTES: return r->n_quotes;
  case PP_CSV_CONTACTS: return r->n_contacts;
  }
  return 0;
}

int pp_csv_writer_record(pp_csv_writer *w, const pp_record *r) {
  size_t n = S_items(w, r);
  pp_buf_clear(&w->row);
  pp_strmap_free(&w->speakers); /* the index is the previous record's */
  w->speakers_built = 0;
  for (size_t i = 0; i < n; i++) {
    for (size_t c = 0; c < w->n_cols; c++) {
      if (c) pp_buf_addc(&w->row, ',');
      const char *v = S_value(w, r, i, w->cols[c]->key);
      int flags = w->flags;
      /* A lone empty field would make a blank line, which readers skip. */
      if (w->n_cols == 1 && (!v || !*v)) flags |= PP_CSV_QUOTE;
      pp_csv_field_add(&w->row, v, flags);
    }
    pp_buf_add(&w->row, "\r\n", 2);
  }
  w->rows += n;
  return S_flush(w);
}

/* ---- the schema ------------------------------------------------------- */

static void S_set(json_t *o, const char *k, json_t *v) {
  if (!v || json_object_set_new(o, k, v) != 0) {
    fputs("presspipe: out of memory\n", stderr);
    abort();
  }
}

static void S_append(json_t *a, json_t *v) {
  if (!v || json_array_append_new(a, v) != 0) {
    fputs("presspipe: out of memory\n", stderr);
    abort();
  }
}

#define S_DIALECT                                                                                 \
  " CSV as RFC 4180: comma separator, CRLF after every row, double quotes around a field that "   \
  "holds a comma, a double quote or a line break (inner quotes doubled), UTF-8, a header row "    \
  "unless rec2csv --no-header. An empty field is null. Lists are joined with \" | \". Unless "    \
  "written with rec2csv --raw, a text cell that would start with =, +, -, @, TAB or CR starts "   \
  "with an added apostrophe (formula-injection guard) and C0 control characters other than TAB, " \
  "LF and CR are replaced by U+FFFD."

json_t *pp_csv_writer_schema(const pp_csv_writer *w) {
  json_t *s = json_object();
  if (!s) abort();
  char *title = pp_xasprintf("presspipe %s table", w->table->name);
  char *desc = pp_xasprintf("%s%s", w->table->what, S_DIALECT);
  S_set(s, "title", json_string(title));
  S_set(s, "description", json_string(desc));
  free(title);
  free(desc);

  json_t *fields = json_array();
  if (!fields) abort();
  int has_release_id = 0, has_item_id = 0;
  for (size_t i = 0; i < w->n_cols; i++) {
    const S_column *c = w->cols[i];
    json_t *f = json_object();
    if (!f) abort();
    S_set(f, "name", json_string(c->name));
    S_set(f, "type", json_string(c->type));
    if (c->format) S_set(f, "format", json_string(c->format));
    S_set(f, "description", json_string(c->description));
    if (c->required || c->count || c->pattern) {
      json_t *k = json_object();
      if (!k) abort();
      if (c->required) S_set(k, "required", json_true());
      if (c->count) S_set(k, "minimum", json_integer(0));
      if (c->pattern) S_set(k, "pattern", json_string(c->pattern));
      S_set(f, "constraints", k);
    }
    S_append(fields, f);
    if (strcmp(c->name, "release_id") == 0) has_release_id = 1;
    if (w->table->id_column && strcmp(c->name, w->table->id_column) == 0) has_item_id = 1;
  }
  S_set(s, "fields", fields);
  json_t *mv = json_array();
  if (!mv) abort();
  S_append(mv, json_string(""));
  S_set(s, "missingValues", mv);
  if (has_release_id && has_item_id) {
    json_t *pk = json_array();
    if (!pk) abort();
    S_append(pk, json_string("release_id"));
    S_append(pk, json_string(w->table->id_column));
    S_set(s, "primaryKey", pk);
  }
  return s;
}

int pp_csv_schema_write(const json_t *schema, FILE *out) {
  if (json_dumpf(schema, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER) != 0) return -1;
  if (fputc('\n', out) == EOF) return -1;
  return ferror(out) ? -1 : 0;
}
