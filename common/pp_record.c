#include "pp_record.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

pp_record *pp_record_new(void) { return pp_xcalloc(1, sizeof(pp_record)); }

static void S_free_participant(pp_participant *p) {
  free(p->id);
  free(p->name);
  pp_strv_free(&p->aliases);
  free(p->honorific);
  free(p->given_name);
  free(p->family_name);
  free(p->role);
  free(p->organization);
  free(p->organization_id);
  pp_intv_free(&p->mentions);
}

void pp_record_free(pp_record *r) {
  if (!r) return;
  free(r->id);
  free(r->source.name);
  free(r->source.sha256);
  free(r->source.encoding);
  free(r->source.format);
  free(r->url);
  if (r->issuer) {
    free(r->issuer->name);
    free(r->issuer->acronym);
    free(r->issuer->url);
    free(r->issuer);
  }
  free(r->language);
  pp_strv_free(&r->sections);
  free(r->genre);
  free(r->headline);
  free(r->subheadline);
  free(r->dateline.text);
  free(r->dateline.place);
  free(r->dateline.date);
  pp_strv_free(&r->body);
  for (size_t i = 0; i < r->n_participants; i++) S_free_participant(&r->participants[i]);
  free(r->participants);
  for (size_t i = 0; i < r->n_organizations; i++) {
    free(r->organizations[i].id);
    free(r->organizations[i].name);
    free(r->organizations[i].acronym);
    pp_intv_free(&r->organizations[i].mentions);
  }
  free(r->organizations);
  for (size_t i = 0; i < r->n_places; i++) {
    free(r->places[i].id);
    free(r->places[i].name);
    free(r->places[i].country);
    free(r->places[i].kind);
    pp_intv_free(&r->places[i].mentions);
  }
  free(r->places);
  for (size_t i = 0; i < r->n_works; i++) free(r->works[i].title);
  free(r->works);
  for (size_t i = 0; i < r->n_quotes; i++) {
    free(r->quotes[i].participant);
    free(r->quotes[i].text);
  }
  free(r->quotes);
  for (size_t i = 0; i < r->n_contacts; i++) {
    free(r->contacts[i].participant);
    free(r->contacts[i].name);
    free(r->contacts[i].organization);
    free(r->contacts[i].email);
    free(r->contacts[i].phone);
  }
  free(r->contacts);
  pp_strv_free(&r->warnings);
  pp_strv_free(&r->letterhead);
  free(r);
}

/* Appends one zeroed item to a list of the record. */
#define S_ADD(r, list, type)                                                 \
  do {                                                                       \
    pp_xgrow((void **)&(r)->list, &(r)->cap_##list, (r)->n_##list + 1,       \
             sizeof(type));                                                  \
    memset(&(r)->list[(r)->n_##list], 0, sizeof(type));                      \
    return &(r)->list[(r)->n_##list++];                                      \
  } while (0)

pp_participant *pp_record_add_participant(pp_record *r) { S_ADD(r, participants, pp_participant); }
pp_organization *pp_record_add_organization(pp_record *r) { S_ADD(r, organizations, pp_organization); }
pp_place *pp_record_add_place(pp_record *r) { S_ADD(r, places, pp_place); }
pp_work *pp_record_add_work(pp_record *r) { S_ADD(r, works, pp_work); }
pp_contact *pp_record_add_contact(pp_record *r) { S_ADD(r, contacts, pp_contact); }

pp_quote *pp_record_add_quote(pp_record *r) {
  pp_xgrow((void **)&r->quotes, &r->cap_quotes, r->n_quotes + 1, sizeof(pp_quote));
  pp_quote *q = &r->quotes[r->n_quotes++];
  memset(q, 0, sizeof *q);
  q->paragraph = -1;
  return q;
}

void pp_record_warn(pp_record *r, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char *s = pp_xvasprintf(fmt, ap);
  va_end(ap);
  if (pp_strv_contains(&r->warnings, s))
    free(s);
  else
    pp_strv_take(&r->warnings, s);
}

const pp_participant *pp_record_participant(const pp_record *r, const char *id) {
  if (!id) return NULL;
  for (size_t i = 0; i < r->n_participants; i++)
    if (r->participants[i].id && strcmp(r->participants[i].id, id) == 0)
      return &r->participants[i];
  return NULL;
}

/* ---- writing ---------------------------------------------------------- */

static json_t *S_str(const char *s) { return s ? json_string(s) : json_null(); }

static json_t *S_strv(const pp_strv *sv) {
  json_t *a = json_array();
  for (size_t i = 0; i < sv->n; i++) json_array_append_new(a, json_string(sv->v[i]));
  return a;
}

static json_t *S_intv(const pp_intv *iv) {
  json_t *a = json_array();
  for (size_t i = 0; i < iv->n; i++) json_array_append_new(a, json_integer(iv->v[i]));
  return a;
}

/* jansson gives NULL for exhausted memory (when its allocations are not
 * routed through pp_xmalloc, as pp_cli routes them) or for a string that
 * is not UTF-8, which the library never makes: both end the program the
 * way pp_util.h describes, never with a field silently left out. */
static void S_set(json_t *o, const char *k, json_t *v) {
  if (!v || json_object_set_new(o, k, v) != 0) pp_fatal("out of memory (writing \"%s\")", k);
}

json_t *pp_record_to_json(const pp_record *r) {
  json_t *o = json_object();
  S_set(o, "record", json_string(PP_RECORD_VERSION));
  S_set(o, "id", S_str(r->id));

  json_t *src = json_object();
  S_set(src, "name", S_str(r->source.name));
  S_set(src, "sha256", S_str(r->source.sha256));
  S_set(src, "bytes", json_integer(r->source.bytes));
  S_set(src, "encoding", S_str(r->source.encoding));
  S_set(src, "format", S_str(r->source.format ? r->source.format : "text"));
  S_set(o, "source", src);

  S_set(o, "url", S_str(r->url));
  if (r->issuer) {
    json_t *is = json_object();
    S_set(is, "name", S_str(r->issuer->name));
    S_set(is, "acronym", S_str(r->issuer->acronym));
    S_set(is, "url", S_str(r->issuer->url));
    S_set(o, "issuer", is);
  } else {
    S_set(o, "issuer", json_null());
  }
  S_set(o, "language", S_str(r->language ? r->language : "en"));
  S_set(o, "sections", S_strv(&r->sections));
  S_set(o, "genre", S_str(r->genre));
  S_set(o, "headline", S_str(r->headline));
  S_set(o, "subheadline", S_str(r->subheadline));

  json_t *dl = json_object();
  S_set(dl, "text", S_str(r->dateline.text));
  S_set(dl, "place", S_str(r->dateline.place));
  S_set(dl, "date", S_str(r->dateline.date));
  S_set(o, "dateline", dl);
  S_set(o, "body", S_strv(&r->body));

  json_t *a = json_array();
  for (size_t i = 0; i < r->n_participants; i++) {
    const pp_participant *p = &r->participants[i];
    json_t *x = json_object();
    S_set(x, "id", S_str(p->id));
    S_set(x, "name", S_str(p->name));
    S_set(x, "aliases", S_strv(&p->aliases));
    S_set(x, "honorific", S_str(p->honorific));
    S_set(x, "given_name", S_str(p->given_name));
    S_set(x, "family_name", S_str(p->family_name));
    S_set(x, "role", S_str(p->role));
    S_set(x, "organization", S_str(p->organization));
    S_set(x, "organization_id", S_str(p->organization_id));
    S_set(x, "mentions", S_intv(&p->mentions));
    json_array_append_new(a, x);
  }
  S_set(o, "participants", a);

  a = json_array();
  for (size_t i = 0; i < r->n_organizations; i++) {
    const pp_organization *g = &r->organizations[i];
    json_t *x = json_object();
    S_set(x, "id", S_str(g->id));
    S_set(x, "name", S_str(g->name));
    S_set(x, "acronym", S_str(g->acronym));
    S_set(x, "mentions", S_intv(&g->mentions));
    json_array_append_new(a, x);
  }
  S_set(o, "organizations", a);

  a = json_array();
  for (size_t i = 0; i < r->n_places; i++) {
    const pp_place *l = &r->places[i];
    json_t *x = json_object();
    S_set(x, "id", S_str(l->id));
    S_set(x, "name", S_str(l->name));
    S_set(x, "country", S_str(l->country));
    S_set(x, "kind", S_str(l->kind));
    S_set(x, "mentions", S_intv(&l->mentions));
    json_array_append_new(a, x);
  }
  S_set(o, "places", a);

  a = json_array();
  for (size_t i = 0; i < r->n_works; i++) {
    json_t *x = json_object();
    S_set(x, "title", S_str(r->works[i].title));
    S_set(x, "year", r->works[i].year ? json_integer(r->works[i].year) : json_null());
    json_array_append_new(a, x);
  }
  S_set(o, "works", a);

  a = json_array();
  for (size_t i = 0; i < r->n_quotes; i++) {
    const pp_quote *q = &r->quotes[i];
    json_t *x = json_object();
    S_set(x, "participant", S_str(q->participant));
    S_set(x, "text", S_str(q->text));
    S_set(x, "paragraph", q->paragraph >= 0 ? json_integer(q->paragraph) : json_null());
    json_array_append_new(a, x);
  }
  S_set(o, "quotes", a);

  a = json_array();
  for (size_t i = 0; i < r->n_contacts; i++) {
    const pp_contact *c = &r->contacts[i];
    json_t *x = json_object();
    S_set(x, "participant", S_str(c->participant));
    S_set(x, "name", S_str(c->name));
    S_set(x, "organization", S_str(c->organization));
    S_set(x, "email", S_str(c->email));
    S_set(x, "phone", S_str(c->phone));
    json_array_append_new(a, x);
  }
  S_set(o, "contacts", a);
  S_set(o, "warnings", S_strv(&r->warnings));
  return o;
}

static int S_dump_to_buf(const char *buffer, size_t size, void *data) {
  pp_buf_add(data, buffer, size);
  return 0;
}

int pp_record_write(const pp_record *r, FILE *out) {
  /* jansson hands the text over in many small pieces: gather them and
   * write the line at once */
  json_t *o = pp_record_to_json(r);
  pp_buf b = PP_BUF_INIT;
  pp_buf_reserve(&b, 4096);
  int rc = json_dump_callback(o, S_dump_to_buf, &b, JSON_COMPACT | JSON_PRESERVE_ORDER);
  json_decref(o);
  pp_buf_addc(&b, '\n');
  if (rc == 0 && fwrite(b.data, 1, b.len, out) != b.len) rc = -1;
  pp_buf_free(&b);
  return rc == 0 ? 0 : -1;
}

/* ---- reading ---------------------------------------------------------- */

/* The reader is strict about types and lenient about absence: a missing
 * optional field reads as null or empty, so other producers may write only
 * what they know. */
typedef struct {
  char *why;
} S_ctx;

static int S_fail(S_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int S_fail(S_ctx *c, const char *fmt, ...) {
  if (c->why) return -1;
  va_list ap;
  va_start(ap, fmt);
  c->why = pp_xvasprintf(fmt, ap);
  va_end(ap);
  return -1;
}

/* Reads an optional string member into *dst. */
static int S_get_str(S_ctx *c, const json_t *o, const char *k, const char *where, char **dst) {
  json_t *v = json_object_get(o, k);
  if (!v || json_is_null(v)) return 0;
  if (!json_is_string(v)) return S_fail(c, "%s%s\"%s\" must be a string or null", where, *where ? " " : "", k);
  *dst = pp_xstrdup(json_string_value(v));
  return 0;
}

static int S_get_strv(S_ctx *c, const json_t *o, const char *k, const char *where, pp_strv *dst) {
  json_t *v = json_object_get(o, k);
  if (!v || json_is_null(v)) return 0;
  if (!json_is_array(v)) return S_fail(c, "%s%s\"%s\" must be an array of strings", where, *where ? " " : "", k);
  size_t i;
  json_t *x;
  json_array_foreach(v, i, x) {
    if (!json_is_string(x)) return S_fail(c, "%s%s\"%s\"[%zu] must be a string", where, *where ? " " : "", k, i);
    pp_strv_push(dst, json_string_value(x));
  }
  return 0;
}

static int S_get_intv(S_ctx *c, const json_t *o, const char *k, const char *where, pp_intv *dst) {
  json_t *v = json_object_get(o, k);
  if (!v || json_is_null(v)) return 0;
  if (!json_is_array(v)) return S_fail(c, "%s \"%s\" must be an array of integers", where, k);
  size_t i;
  json_t *x;
  json_array_foreach(v, i, x) {
    if (!json_is_integer(x) || json_integer_value(x) < 0 || json_integer_value(x) > 0x7fffffff)
      return S_fail(c, "%s \"%s\"[%zu] must be a paragraph index", where, k, i);
    pp_intv_push(dst, (int)json_integer_value(x));
  }
  return 0;
}

/* Iterates the objects of an optional array member; returns the array or
 * NULL when absent; fails on a non-array or a non-object item. */
static const json_t *S_get_objs(S_ctx *c, const json_t *o, const char *k) {
  json_t *v = json_object_get(o, k);
  if (!v || json_is_null(v)) return NULL;
  if (!json_is_array(v)) {
    S_fail(c, "\"%s\" must be an array", k);
    return NULL;
  }
  size_t i;
  json_t *x;
  json_array_foreach(v, i, x) {
    if (!json_is_object(x)) {
      S_fail(c, "\"%s\"[%zu] must be an object", k, i);
      return NULL;
    }
  }
  return v;
}

pp_record *pp_record_from_json(const json_t *j, char **why) {
  S_ctx c = {NULL};
  char where[64];
  *why = NULL;
  if (!json_is_object(j)) {
    *why = pp_xstrdup("not a JSON object");
    return NULL;
  }
  json_t *ver = json_object_get(j, "record");
  if (!ver) {
    *why = pp_xstrdup("missing \"record\" (expected \"" PP_RECORD_VERSION "\")");
    return NULL;
  }
  if (!json_is_string(ver) || strncmp(json_string_value(ver), "release/", 8) != 0) {
    *why = pp_xstrdup("\"record\" is not a release record version");
    return NULL;
  }
  const char *vs = json_string_value(ver) + 8;
  if (strcmp(vs, "1") != 0 && strncmp(vs, "1.", 2) != 0) {
    *why = pp_xasprintf("unsupported record version \"%s\" (this reader knows release/1 and release/1.x)",
                        json_string_value(ver));
    return NULL;
  }

  pp_record *r = pp_record_new();
  S_get_str(&c, j, "id", "", &r->id);
  if (!c.why && !r->id) S_fail(&c, "missing \"id\"");

  json_t *src = json_object_get(j, "source");
  if (src && !json_is_null(src)) {
    if (!json_is_object(src)) {
      S_fail(&c, "\"source\" must be an object");
    } else {
      S_get_str(&c, src, "name", "source", &r->source.name);
      S_get_str(&c, src, "sha256", "source", &r->source.sha256);
      S_get_str(&c, src, "encoding", "source", &r->source.encoding);
      S_get_str(&c, src, "format", "source", &r->source.format);
      json_t *b = json_object_get(src, "bytes");
      if (b && !json_is_null(b)) {
        if (!json_is_integer(b) || json_integer_value(b) < 0)
          S_fail(&c, "source \"bytes\" must be a non-negative integer");
        else
          r->source.bytes = json_integer_value(b);
      }
    }
  }
  S_get_str(&c, j, "url", "", &r->url);
  json_t *is = json_object_get(j, "issuer");
  if (is && !json_is_null(is)) {
    if (!json_is_object(is)) {
      S_fail(&c, "\"issuer\" must be an object or null");
    } else {
      r->issuer = pp_xcalloc(1, sizeof *r->issuer);
      S_get_str(&c, is, "name", "issuer", &r->issuer->name);
      S_get_str(&c, is, "acronym", "issuer", &r->issuer->acronym);
      S_get_str(&c, is, "url", "issuer", &r->issuer->url);
    }
  }
  S_get_str(&c, j, "language", "", &r->language);
  S_get_strv(&c, j, "sections", "", &r->sections);
  S_get_str(&c, j, "genre", "", &r->genre);
  S_get_str(&c, j, "headline", "", &r->headline);
  S_get_str(&c, j, "subheadline", "", &r->subheadline);
  json_t *dl = json_object_get(j, "dateline");
  if (dl && !json_is_null(dl)) {
    if (!json_is_object(dl)) {
      S_fail(&c, "\"dateline\" must be an object");
    } else {
      S_get_str(&c, dl, "text", "dateline", &r->dateline.text);
      S_get_str(&c, dl, "place", "dateline", &r->dateline.place);
      S_get_str(&c, dl, "date", "dateline", &r->dateline.date);
    }
  }
  S_get_strv(&c, j, "body", "", &r->body);

  size_t i;
  json_t *x;
  const json_t *arr;
  if ((arr = S_get_objs(&c, j, "participants"))) json_array_foreach(arr, i, x) {
      pp_participant *p = pp_record_add_participant(r);
      snprintf(where, sizeof where, "participants[%zu]", i);
      S_get_str(&c, x, "id", where, &p->id);
      S_get_str(&c, x, "name", where, &p->name);
      S_get_strv(&c, x, "aliases", where, &p->aliases);
      S_get_str(&c, x, "honorific", where, &p->honorific);
      S_get_str(&c, x, "given_name", where, &p->given_name);
      S_get_str(&c, x, "family_name", where, &p->family_name);
      S_get_str(&c, x, "role", where, &p->role);
      S_get_str(&c, x, "organization", where, &p->organization);
      S_get_str(&c, x, "organization_id", where, &p->organization_id);
      S_get_intv(&c, x, "mentions", where, &p->mentions);
      if (!c.why && !p->name) S_fail(&c, "%s has no \"name\"", where);
      if (!c.why && !p->id) p->id = pp_xasprintf("p%zu", i + 1);
    }
  if ((arr = S_get_objs(&c, j, "organizations"))) json_array_foreach(arr, i, x) {
      pp_organization *g = pp_record_add_organization(r);
      snprintf(where, sizeof where, "organizations[%zu]", i);
      S_get_str(&c, x, "id", where, &g->id);
      S_get_str(&c, x, "name", where, &g->name);
      S_get_str(&c, x, "acronym", where, &g->acronym);
      S_get_intv(&c, x, "mentions", where, &g->mentions);
      if (!c.why && !g->name) S_fail(&c, "%s has no \"name\"", where);
      if (!c.why && !g->id) g->id = pp_xasprintf("o%zu", i + 1);
    }
  if ((arr = S_get_objs(&c, j, "places"))) json_array_foreach(arr, i, x) {
      pp_place *l = pp_record_add_place(r);
      snprintf(where, sizeof where, "places[%zu]", i);
      S_get_str(&c, x, "id", where, &l->id);
      S_get_str(&c, x, "name", where, &l->name);
      S_get_str(&c, x, "country", where, &l->country);
      S_get_str(&c, x, "kind", where, &l->kind);
      S_get_intv(&c, x, "mentions", where, &l->mentions);
      if (!c.why && !l->name) S_fail(&c, "%s has no \"name\"", where);
      if (!c.why && !l->id) l->id = pp_xasprintf("l%zu", i + 1);
    }
  if ((arr = S_get_objs(&c, j, "works"))) json_array_foreach(arr, i, x) {
      pp_work *w = pp_record_add_work(r);
      snprintf(where, sizeof where, "works[%zu]", i);
      S_get_str(&c, x, "title", where, &w->title);
      json_t *y = json_object_get(x, "year");
      if (y && !json_is_null(y)) {
        if (!json_is_integer(y) || json_integer_value(y) < 1 || json_integer_value(y) > 9999)
          S_fail(&c, "%s \"year\" must be an integer year or null", where);
        else
          w->year = (int)json_integer_value(y);
      }
      if (!c.why && !w->title) S_fail(&c, "%s has no \"title\"", where);
    }
  if ((arr = S_get_objs(&c, j, "quotes"))) json_array_foreach(arr, i, x) {
      pp_quote *q = pp_record_add_quote(r);
      snprintf(where, sizeof where, "quotes[%zu]", i);
      S_get_str(&c, x, "participant", where, &q->participant);
      S_get_str(&c, x, "text", where, &q->text);
      json_t *pg = json_object_get(x, "paragraph");
      if (pg && !json_is_null(pg)) {
        if (!json_is_integer(pg) || json_integer_value(pg) < 0 || json_integer_value(pg) > 0x7fffffff)
          S_fail(&c, "%s \"paragraph\" must be a paragraph index or null", where);
        else
          q->paragraph = (int)json_integer_value(pg);
      }
      if (!c.why && !q->text) S_fail(&c, "%s has no \"text\"", where);
    }
  if ((arr = S_get_objs(&c, j, "contacts"))) json_array_foreach(arr, i, x) {
      pp_contact *k = pp_record_add_contact(r);
      snprintf(where, sizeof where, "contacts[%zu]", i);
      S_get_str(&c, x, "participant", where, &k->participant);
      S_get_str(&c, x, "name", where, &k->name);
      S_get_str(&c, x, "organization", where, &k->organization);
      S_get_str(&c, x, "email", where, &k->email);
      S_get_str(&c, x, "phone", where, &k->phone);
    }
  S_get_strv(&c, j, "warnings", "", &r->warnings);

  if (c.why) {
    pp_record_free(r);
    *why = c.why;
    return NULL;
  }
  return r;
}
