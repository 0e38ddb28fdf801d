/* jsonld_roundtrip.c - every record's JSON-LD, written to text and read back
 * with jansson, gives back the record's people (name, honorific, job title,
 * organisation), organisations, places, works, headline, date and body; the
 * graph has no dangling reference, no unreachable node, no null/""/[].
 *
 *   test_jsonld_roundtrip              the fixtures ($PP_SRC/fixtures/rec2jsonld)
 *   test_jsonld_roundtrip FILE...      record streams (the corpus test passes
 *                                      release2rec's output); every record of
 *                                      them must convert
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "harness.h"
#include "pp_jsonl.h"
#include "pp_jsonld.h"


static int S_has(const char *s) {
  if (!s) return 0;
  for (; *s; s++)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != '\f' && *s != '\v') return 1;
  return 0;
}

typedef struct {
  json_t *graph;
  json_t *byid; /* @id -> node */
  const char *where;
} G;

static const char *S_str(const json_t *o, const char *k) { return json_string_value(json_object_get(o, k)); }

/* The values of k: its array items, or the single value. */
static size_t S_vals(const json_t *o, const char *k, const json_t **out, size_t max) {
  const json_t *v = json_object_get(o, k);
  if (!v) return 0;
  if (!json_is_array(v)) {
    out[0] = v;
    return 1;
  }
  size_t n = 0;
  for (size_t i = 0; i < json_array_size(v) && n < max; i++) out[n++] = json_array_get(v, i);
  return n;
}

static int S_has_val(const json_t *o, const char *k, const char *want) {
  const json_t *v[64];
  size_t n = S_vals(o, k, v, 64);
  for (size_t i = 0; i < n; i++)
    if (json_is_string(v[i]) && strcmp(json_string_value(v[i]), want) == 0) return 1;
  return 0;
}

static const json_t *S_deref(const G *g, const json_t *ref) {
  const char *id = json_is_object(ref) ? S_str(ref, "@id") : NULL;
  return id ? json_object_get(g->byid, id) : NULL;
}

/* No null, "", [] or {} anywhere; every {"@id"} alone resolves. */
static void S_walk(const G *g, const json_t *v, const char *key) {
  if (json_is_null(v)) {
    fprintf(stderr, "%s: \"%s\" is null\n", g->where, key);
    OK(0);
  } else if (json_is_string(v)) {
    if (!S_has(json_string_value(v))) fprintf(stderr, "%s: \"%s\" is blank\n", g->where, key);
    OK(S_has(json_string_value(v)));
  } else if (json_is_array(v)) {
    OK(json_array_size(v) > 0);
    for (size_t i = 0; i < json_array_size(v); i++) S_walk(g, json_array_get(v, i), key);
  } else if (json_is_object(v)) {
    OK(json_object_size(v) > 0);
    if (json_object_size(v) == 1 && S_str(v, "@id") && strcmp(key, "@graph") != 0) {
      if (!S_deref(g, v)) fprintf(stderr, "%s: dangling reference %s\n", g->where, S_str(v, "@id"));
      OK(S_deref(g, v) != NULL);
    }
    const char *k;
    json_t *x;
    json_object_foreach((json_t *)v, k, x) S_walk(g, x, k);
  }
}

/* Marks every node reachable from id, following references both ways. */
static void S_reach(const G *g, const char *id, json_t *seen) {
  if (json_object_get(seen, id)) return;
  json_object_set_new(seen, id, json_true());
  size_t i;
  json_t *n;
  json_array_foreach(g->graph, i, n) {
    const char *nid = S_str(n, "@id");
    const char *k;
    json_t *v;
    json_object_foreach(n, k, v) {
      const json_t *vals[256];
      size_t m = S_vals(n, k, vals, 256);
      for (size_t j = 0; j < m; j++) {
        const char *ref = json_is_object(vals[j]) ? S_str(vals[j], "@id") : NULL;
        if (!ref) continue;
        if (strcmp(nid, id) == 0) S_reach(g, ref, seen); /* id -> ref */
        if (strcmp(ref, id) == 0) S_reach(g, nid, seen); /* nid -> id */
      }
    }
  }
}

/* A node of one of types whose name (or "name (alternateName)") is want. */
static const json_t *S_find_named(const G *g, const char *want, const char *const *types) {
  size_t i;
  json_t *n;
  json_array_foreach(g->graph, i, n) {
    int typed = 0;
    for (const char *const *t = types; *t; t++) typed |= strcmp(S_str(n, "@type"), *t) == 0;
    if (!typed) continue;
    const char *name = S_str(n, "name");
    if (name && strcmp(name, want) == 0) return n;
    const char *alt = S_str(n, "alternateName");
    if (name && alt) {
      char *both = pp_xasprintf("%s (%s)", name, alt);
      int same = strcmp(both, want) == 0;
      free(both);
      if (same) return n;
    }
  }
  return NULL;
}

/* The organisation node stands for the text s: its name, its acronym,
 * "name (acronym)", or "other words (acronym)" -- the same acronym is the
 * same organisation, whatever words an extractor kept before it. */
static int S_org_is(const json_t *n, const char *s) {
  if (!n) return 0;
  const char *name = S_str(n, "name"), *alt = S_str(n, "alternateName");
  if (name && strcmp(name, s) == 0) return 1;
  if (alt && strcmp(alt, s) == 0) return 1;
  size_t sl = strlen(s), al = alt ? strlen(alt) : 0;
  if (alt && sl > al + 3 && s[sl - 1] == ')' && s[sl - al - 2] == '(' && s[sl - al - 3] == ' ' &&
      strncmp(s + sl - al - 1, alt, al) == 0)
    return 1;
  if (name && alt) {
    char *both = pp_xasprintf("%s (%s)", name, alt);
    int same = strcmp(both, s) == 0;
    free(both);
    if (same) return 1;
  }
  /* same name but for case, white space or a leading "the" */
  if (name) {
    const char *a = name, *b = s;
    if (strncmp(b, "the ", 4) == 0 || strncmp(b, "The ", 4) == 0) b += 4;
    while (*a && *b) {
      char x = (*a >= 'A' && *a <= 'Z') ? (char)(*a + 32) : *a;
      char y = (*b >= 'A' && *b <= 'Z') ? (char)(*b + 32) : *b;
      if (x != y) return 0;
      a++, b++;
    }
    return *a == '\0' && *b == '\0';
  }
  return 0;
}

static void S_check_record(const pp_record *r, const char *where) {
  pp_error e = {0};
  json_t *doc = pp_jsonld_from_record(r, &e);
  if (!doc) fprintf(stderr, "%s: not converted: %s\n", where, e.message);
  OK(doc != NULL);
  pp_error_clear(&e);
  if (!doc) return;
  char *text = json_dumps(doc, JSON_COMPACT | JSON_PRESERVE_ORDER);
  json_t *again = pp_jsonld_from_record(r, &e);
  char *text2 = json_dumps(again, JSON_COMPACT | JSON_PRESERVE_ORDER);
  STR_EQ(text2, text); /* deterministic */
  free(text2);
  json_decref(again);
  json_decref(doc);

  json_error_t jerr;
  json_t *back = json_loads(text, 0, &jerr);
  free(text);
  OK(back != NULL);
  if (!back) return;
  STR_EQ(S_str(back, "@context"), "https://schema.org");
  G g = {json_object_get(back, "@graph"), json_object(), where};
  OK(json_is_array(g.graph));
  size_t i;
  json_t *n;
  json_array_foreach(g.graph, i, n) {
    OK(S_str(n, "@type") != NULL);
    const char *id = S_str(n, "@id");
    OK(id != NULL);
    if (!id) continue;
    OK(strncmp(id, "_:", 2) == 0 || strncmp(id, "http://", 7) == 0 || strncmp(id, "https://", 8) == 0);
    OK(json_object_get(g.byid, id) == NULL); /* one node per id */
    json_object_set(g.byid, id, n);
  }
  S_walk(&g, back, "");

  const json_t *art = json_array_get(g.graph, 0);
  STR_EQ(S_str(art, "@type"), "NewsArticle");
  json_t *seen = json_object();
  S_reach(&g, S_str(art, "@id"), seen);
  json_array_foreach(g.graph, i, n) {
    if (!json_object_get(seen, S_str(n, "@id")))
      fprintf(stderr, "%s: %s not connected\n", where, S_str(n, "@id"));
    OK(json_object_get(seen, S_str(n, "@id")) != NULL);
  }
  json_decref(seen);

  /* the article */
  if (S_has(r->headline))
    OK(S_str(art, "headline") != NULL);
  else
    OK(json_object_get(art, "headline") == NULL);
  STR_EQ(S_str(art, "datePublished"), S_has(r->dateline.date) ? r->dateline.date : NULL);
  STR_EQ(S_str(art, "dateline"), S_has(r->dateline.text) ? r->dateline.text : NULL);
  STR_EQ(S_str(art, "inLanguage"), S_has(r->language) ? r->language : NULL);
  /* docs/jsonld.md: the synonyms of a press release are written "Press Release" */
  if (S_has(r->genre) && (strcasecmp(r->genre, "news release") == 0 ||
                          strcasecmp(r->genre, "media release") == 0))
    STR_EQ(S_str(art, "genre"), "Press Release");
  else
    STR_EQ(S_str(art, "genre"), S_has(r->genre) ? r->genre : NULL);
  const char *body = S_str(art, "articleBody");
  for (size_t j = 0; j < r->body.n; j++)
    if (S_has(r->body.v[j])) OK(body && strstr(body, r->body.v[j]) != NULL);
  if (r->issuer && S_has(r->issuer->name)) {
    const json_t *au = S_deref(&g, json_object_get(art, "author"));
    OK(S_org_is(au, r->issuer->name));
    OK(S_deref(&g, json_object_get(art, "publisher")) == au);
  }

  /* people */
  static const char *const person[] = {"Person", NULL};
  for (size_t j = 0; j < r->n_participants; j++) {
    const pp_participant *p = &r->participants[j];
    const json_t *pn = S_find_named(&g, p->name, person);
    if (!pn) fprintf(stderr, "%s: no Person \"%s\"\n", where, p->name);
    OK(pn != NULL);
    if (!pn) continue;
    STR_EQ(S_str(pn, "jobTitle"), S_has(p->role) ? p->role : NULL);
    STR_EQ(S_str(pn, "honorificPrefix"), S_has(p->honorific) ? p->honorific : NULL);
    STR_EQ(S_str(pn, "givenName"), S_has(p->given_name) ? p->given_name : NULL);
    STR_EQ(S_str(pn, "familyName"), S_has(p->family_name) ? p->family_name : NULL);
    for (size_t k = 0; k < p->aliases.n; k++)
      if (S_has(p->aliases.v[k]) && strcmp(p->aliases.v[k], p->name) != 0)
        OK(S_has_val(pn, "alternateName", p->aliases.v[k]));
    const json_t *wf = S_deref(&g, json_object_get(pn, "worksFor"));
    /* release/1.1: the writer follows organization_id to the linked entity */
    const char *want_org = p->organization;
    for (size_t k = 0; S_has(p->organization_id) && k < r->n_organizations; k++)
      if (r->organizations[k].id && strcmp(r->organizations[k].id, p->organization_id) == 0)
        want_org = r->organizations[k].name;
    if (S_has(want_org)) {
      if (!S_org_is(wf, want_org))
        fprintf(stderr, "%s: %s works for %s, want %s\n", where, p->name, wf ? S_str(wf, "name") : "(none)",
                want_org);
      OK(S_org_is(wf, want_org));
    } else {
      OK(wf == NULL);
    }
  }

  /* organisations, places, works */
  static const char *const org[] = {"Organization", NULL};
  for (size_t j = 0; j < r->n_organizations; j++) {
    const pp_organization *o = &r->organizations[j];
    const json_t *on = S_find_named(&g, o->name, org);
    if (!on) fprintf(stderr, "%s: no Organization \"%s\"\n", where, o->name);
    OK(on != NULL);
    if (on && S_has(o->acronym) && strcmp(o->acronym, o->name) != 0)
      STR_EQ(S_str(on, "alternateName"), o->acronym);
  }
  static const char *const place[] = {"Place", "City", "Country", "Continent", "AdministrativeArea", NULL};
  for (size_t j = 0; j < r->n_places; j++) {
    const pp_place *pl = &r->places[j];
    const json_t *ln = S_find_named(&g, pl->name, place);
    if (!ln) fprintf(stderr, "%s: no Place \"%s\"\n", where, pl->name);
    OK(ln != NULL);
    if (!ln || strcmp(S_str(ln, "@type"), "Country") != 0) continue;
    /* a Country's code is the record's */
    const char *cc = S_str(json_object_get(ln, "identifier"), "value");
    char want[3] = "";
    if (pl->country && strlen(pl->country) == 2) {
      want[0] = (char)(pl->country[0] & ~0x20);
      want[1] = (char)(pl->country[1] & ~0x20);
    }
    if (want[0]) STR_EQ(cc, want);
    STR_EQ(pl->kind, "country"); /* the type comes from the record's kind */
  }
  if (S_has(r->dateline.place)) {
    const json_t *lc = S_deref(&g, json_object_get(art, "locationCreated"));
    OK(lc != NULL);
  }
  static const char *const work[] = {"CreativeWork", "Report", NULL};
  for (size_t j = 0; j < r->n_works; j++)
    if (S_has(r->works[j].title)) OK(S_find_named(&g, r->works[j].title, work) != NULL);

  json_decref(g.byid);
  json_decref(back);
}

/* Checks every record of path; returns the number converted; *bad counts the
 * lines that were not records. */
static size_t S_check_file(const char *path, size_t *bad) {
  FILE *f = fopen(path, "rb");
  OK(f != NULL);
  if (!f) return 0;
  pp_jsonl_reader *rd = pp_jsonl_reader_new(f, path);
  size_t n = 0;
  for (;;) {
    pp_record *r = NULL;
    pp_error e = {0};
    int rc = pp_jsonl_reader_next(rd, &r, &e);
    pp_error_clear(&e);
    if (rc == PP_JSONL_EOF || rc == PP_JSONL_IO) break;
    if (rc == PP_JSONL_BAD) {
      (*bad)++;
      continue;
    }
    char where[512];
    snprintf(where, sizeof where, "%s:%ld", path, pp_jsonl_reader_line(rd));
    pp_error ce = {0};
    json_t *probe = pp_jsonld_from_record(r, &ce);
    if (probe) {
      S_check_record(r, where);
      n++;
    } else {
      (*bad)++;
    }
    json_decref(probe);
    pp_error_clear(&ce);
    pp_record_free(r);
  }
  pp_jsonl_reader_free(rd);
  fclose(f);
  return n;
}

static int S_name_cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
  size_t converted = 0, bad = 0;
  if (argc > 1) {
    for (int i = 1; i < argc; i++) converted += S_check_file(argv[i], &bad);
    INT_EQ(bad, 0);
    OK(converted > 0);
    printf("%zu records read back\n", converted);
    return pp_test_done("jsonld_roundtrip");
  }
  const char *src = getenv("PP_SRC");
  OK(src != NULL);
  if (!src) {
    return pp_test_done("jsonld_roundtrip");
  }
  char *dir = pp_xasprintf("%s/fixtures/rec2jsonld", src);
  DIR *dh = opendir(dir);
  OK(dh != NULL);
  pp_strv files = PP_STRV_INIT;
  struct dirent *de;
  while (dh && (de = readdir(dh))) {
    size_t l = strlen(de->d_name);
    if (l > 6 && strcmp(de->d_name + l - 6, ".jsonl") == 0 && !strstr(de->d_name, ".expected."))
      pp_strv_take(&files, pp_xasprintf("%s/%s", dir, de->d_name));
  }
  if (dh) closedir(dh);
  qsort(files.v, files.n, sizeof *files.v, S_name_cmp);
  for (size_t i = 0; i < files.n; i++) converted += S_check_file(files.v[i], &bad);
  /* the fixtures hold 9 convertible records and 6 lines that must be
   * rejected (all in errors.jsonl; tests/rec2jsonld/cli.sh checks why) */
  INT_EQ(converted, 9);
  INT_EQ(bad, 6);
  printf("%zu records read back\n", converted);
  pp_strv_free(&files);
  free(dir);
  return pp_test_done("jsonld_roundtrip");
}
