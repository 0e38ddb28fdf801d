/* pp_jsonld.c - a release/1 record as a schema.org JSON-LD graph
 * (docs/jsonld.md has the mapping and the reasons). */
#include "pp_jsonld.h"

#include <stdlib.h>
#include <string.h>

#include "pp_sha256.h"

/* ---- small string helpers ---------------------------------------------- */

static int S_is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
static int S_is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static int S_is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static int S_is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static unsigned char S_lower(unsigned char c) { return S_is_upper(c) ? (unsigned char)(c + 32) : c; }

/* The first n bytes of a and b are equal, ASCII case ignored. */
static int S_ncaseeq(const char *a, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (S_lower((unsigned char)a[i]) != S_lower((unsigned char)b[i])) return 0;
    if (!a[i]) return 1;
  }
  return 1;
}

/* Non-NULL with something other than white space. */
static int S_has(const char *s) {
  if (!s) return 0;
  for (; *s; s++)
    if (!S_is_space((unsigned char)*s)) return 1;
  return 0;
}

/* s trimmed, inner runs of white space made one space (caller frees). */
static char *S_collapse(const char *s) {
  pp_buf b = PP_BUF_INIT;
  int gap = 0;
  for (; *s; s++) {
    if (S_is_space((unsigned char)*s)) {
      gap = b.len > 0;
      continue;
    }
    if (gap) pp_buf_addc(&b, ' ');
    gap = 0;
    pp_buf_addc(&b, *s);
  }
  return pp_buf_detach(&b);
}

/* A comparison key for names: collapsed, ASCII lower case, without a leading
 * "the " and trailing dots (caller frees). */
static char *S_key(const char *s) {
  char *c = S_collapse(s);
  for (char *p = c; *p; p++) *p = (char)S_lower((unsigned char)*p);
  size_t off = strncmp(c, "the ", 4) == 0 ? 4 : 0;
  size_t n = strlen(c + off);
  while (n > 0 && c[off + n - 1] == '.') n--;
  char *k = pp_xstrndup(c + off, n);
  free(c);
  return k;
}

/* "Name (ACR)": the length of Name and the acronym's span, when the
 * parenthesis at the end holds an acronym (2+ capitals, few lower-case
 * letters, no other words). Returns 1 when it does. */
static int S_split_acronym(const char *s, size_t *name_len, size_t *acr_off, size_t *acr_len) {
  size_t n = strlen(s);
  if (n < 5 || s[n - 1] != ')') return 0;
  const char *open = NULL;
  for (size_t i = n - 1; i-- > 0;)
    if (s[i] == '(') {
      open = s + i;
      break;
    }
  if (!open || open == s || open[-1] != ' ') return 0;
  size_t a0 = (size_t)(open - s) + 1, a1 = n - 1;
  if (a1 - a0 < 2 || a1 - a0 > 16) return 0;
  int upper = 0, lower = 0;
  for (size_t i = a0; i < a1; i++) {
    unsigned char c = (unsigned char)s[i];
    if (S_is_upper(c))
      upper++;
    else if (S_is_lower(c))
      lower++;
    else if (!S_is_digit(c) && c != '&' && c != '-' && c != '.' && c != ' ')
      return 0;
  }
  if (upper < 2 || lower > 2 || !S_is_upper((unsigned char)s[a0])) return 0;
  size_t nl = (size_t)(open - s) - 1;
  while (nl > 0 && S_is_space((unsigned char)s[nl - 1])) nl--;
  if (nl == 0) return 0;
  *name_len = nl;
  *acr_off = a0;
  *acr_len = a1 - a0;
  return 1;
}

/* An absolute http(s) URL that JSON-LD keeps as an IRI: a scheme, a host,
 * no white space, controls or characters IRIs exclude. */
static int S_url_ok(const char *s) {
  size_t skip;
  if (S_ncaseeq(s, "http://", 7))
    skip = 7;
  else if (S_ncaseeq(s, "https://", 8))
    skip = 8;
  else
    return 0;
  if (s[skip] == '\0' || s[skip] == '/' || s[skip] == '?' || s[skip] == '#') return 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p <= 0x20 || *p == 0x7f || strchr("<>\"{}|\\^`", *p)) return 0;
  return 1;
}

/* ISO 8601 calendar date as schema.org Date takes it: YYYY, YYYY-MM or
 * YYYY-MM-DD, with a real month and day. */
static int S_date_ok(const char *s) {
  size_t n = strlen(s);
  if (n != 4 && n != 7 && n != 10) return 0;
  for (size_t i = 0; i < n; i++) {
    if (i == 4 || i == 7) {
      if (s[i] != '-') return 0;
    } else if (!S_is_digit((unsigned char)s[i])) {
      return 0;
    }
  }
  int y = atoi(s);
  if (n == 4) return 1;
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  if (m < 1 || m > 12) return 0;
  if (n == 7) return 1;
  int d = (s[8] - '0') * 10 + (s[9] - '0');
  static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d >= 1 && d <= dim[m - 1] + (m == 2 && leap);
}

/* The word "report" anywhere in s, as a whole word (ASCII case ignored). */
static int S_says_report(const char *s) {
  for (const char *p = s; *p; p++) {
    if (!S_ncaseeq(p, "report", 6)) continue;
    int before = p == s || !(S_is_upper((unsigned char)p[-1]) || S_is_lower((unsigned char)p[-1]));
    unsigned char a = (unsigned char)p[6];
    int after = !(S_is_upper(a) || S_is_lower(a)) || a == 's';
    if (before && after) return 1;
  }
  return 0;
}

/* The part of a path after its last '/' or '\\'. */
static const char *S_basename(const char *path) {
  const char *b = path;
  for (const char *p = path; *p; p++)
    if (*p == '/' || *p == '\\') b = p + 1;
  return b;
}

/* ---- JSON helpers ------------------------------------------------------ */

static void S_set(json_t *o, const char *k, json_t *v) {
  /* jansson returns NULL only on exhaustion here: every string comes from a
   * record jansson decoded, so it is valid UTF-8 */
  if (!v || json_object_set_new(o, k, v) != 0) {
    fputs("presspipe: out of memory\n", stderr);
    abort();
  }
}

static void S_push(json_t *a, json_t *v) {
  if (!v || json_array_append_new(a, v) != 0) {
    fputs("presspipe: out of memory\n", stderr);
    abort();
  }
}

/* Sets k to s unless s is NULL or blank. */
static void S_put_str(json_t *o, const char *k, const char *s) {
  if (S_has(s)) S_set(o, k, json_string(s));
}

static json_t *S_ref(const char *id) {
  json_t *o = json_object();
  S_set(o, "@id", json_string(id));
  return o;
}

static json_t *S_node(const char *type, const char *id) {
  json_t *o = json_object();
  S_set(o, "@type", json_string(type));
  S_set(o, "@id", json_string(id));
  return o;
}

/* Sets k to the values of a (strings or objects): nothing when a is empty,
 * the value itself when there is one, else the array. Takes a. */
static void S_put_list(json_t *o, const char *k, json_t *a) {
  size_t n = json_array_size(a);
  if (n == 1)
    S_set(o, k, json_incref(json_array_get(a, 0)));
  else if (n > 1)
    S_set(o, k, json_incref(a));
  json_decref(a);
}

/* A list of {"@id": ...} references, each id once: the array and the ids
 * already in it, a hash set, so that a push costs O(1) and not a scan of
 * the list (60,000 participants took 84 s). */
typedef struct {
  json_t *a;
  pp_strmap seen;
} S_refs;

static void S_refs_init(S_refs *l) {
  l->a = json_array();
  l->seen = (pp_strmap)PP_STRMAP_INIT;
}

/* Appends {"@id": id} to l unless l holds it already. */
static void S_push_ref(S_refs *l, const char *id) {
  if (pp_strmap_get(&l->seen, id, NULL)) return;
  pp_strmap_set(&l->seen, id, 1);
  S_push(l->a, S_ref(id));
}

/* Sets k to the references of l as S_put_list does; frees l. */
static void S_put_ref_list(json_t *o, const char *k, S_refs *l) {
  S_put_list(o, k, l->a);
  l->a = NULL;
  pp_strmap_free(&l->seen);
}

/* ---- the entities of one document -------------------------------------- */

typedef struct {
  char *id;               /* the node's @id */
  char *name;             /* owned */
  char *acronym;          /* owned, or NULL */
  char *url;              /* owned, or NULL (the issuer's) */
  char *key;              /* S_key(name) */
  int mentioned;          /* named in the text: in the article's mentions */
  long parent;            /* index of the parent organisation, or -1 */
  pp_strv contact_points; /* ids of its ContactPoint nodes */
  char *unlinked;         /* for an organisation the record names unlinked: that text */
} S_org;

typedef struct {
  char *id;
  const char *name;    /* borrowed from the record */
  const char *country; /* the record's country text, or NULL */
  char code[3];        /* ISO 3166-1 alpha-2, or "" */
  const char *type;    /* from the record's kind: "Country", "City", ... */
} S_place;

/* Everything one document needs before its nodes are written. */
typedef struct {
  const pp_record *r;
  char *page;    /* the page URL without fragment, or NULL */
  char *prefix;  /* "<page>#<record id>-" or "_:<record id>-" */
  S_org *orgs;   /* the record's, then those made for the issuer, */
  size_t n_orgs; /* participants and contacts */
  size_t cap_orgs;
  S_place *places; /* the record's, then the dateline place if new */
  size_t n_places;
  size_t cap_places;
  long issuer;         /* org index of the issuer, or -1 */
  long *person_org;    /* per participant: org index or -1 */
  pp_strv *person_cps; /* per participant: its ContactPoint ids */
  long dateline_place; /* place index, or -1 */
  char **cp_ids;       /* per contact: its ContactPoint id, NULL if empty */
  pp_strv loose_cps;   /* ContactPoints of no organisation or person */
} S_doc;

static char *S_id(const S_doc *d, const char *frag) { return pp_xasprintf("%s%s", d->prefix, frag); }

/* The id of the n-th (from 1) node of a kind: "p3", "o1", "l2", ... */
static char *S_nth_id(const S_doc *d, char kind, size_t n) {
  return pp_xasprintf("%s%c%zu", d->prefix, kind, n);
}

static void S_doc_free(S_doc *d) {
  free(d->page);
  free(d->prefix);
  for (size_t i = 0; i < d->n_orgs; i++) {
    free(d->orgs[i].id);
    free(d->orgs[i].name);
    free(d->orgs[i].acronym);
    free(d->orgs[i].url);
    free(d->orgs[i].key);
    free(d->orgs[i].unlinked);
    pp_strv_free(&d->orgs[i].contact_points);
  }
  free(d->orgs);
  for (size_t i = 0; i < d->n_places; i++) free(d->places[i].id);
  free(d->places);
  free(d->person_org);
  if (d->person_cps)
    for (size_t i = 0; i < d->r->n_participants; i++) pp_strv_free(&d->person_cps[i]);
  free(d->person_cps);
  if (d->cp_ids)
    for (size_t i = 0; i < d->r->n_contacts; i++) free(d->cp_ids[i]);
  free(d->cp_ids);
  pp_strv_free(&d->loose_cps);
}

/* Adds an organisation named s (its "Name (ACR)" form split when acronym is
 * NULL); returns its index. */
static long S_org_add(S_doc *d, const char *s, const char *acronym, int mentioned) {
  pp_xgrow((void **)&d->orgs, &d->cap_orgs, d->n_orgs + 1, sizeof *d->orgs);
  S_org *g = &d->orgs[d->n_orgs];
  memset(g, 0, sizeof *g);
  size_t nl, ao, al;
  char *c = S_collapse(s);
  if (!S_has(acronym) && S_split_acronym(c, &nl, &ao, &al)) {
    g->name = pp_xstrndup(c, nl);
    g->acronym = pp_xstrndup(c + ao, al);
    free(c);
  } else {
    g->name = c;
    g->acronym = S_has(acronym) ? S_collapse(acronym) : NULL;
  }
  g->key = S_key(g->name);
  g->id = S_nth_id(d, 'o', d->n_orgs + 1);
  g->mentioned = mentioned;
  g->parent = -1;
  return (long)d->n_orgs++;
}

/* The organisation s names: same name (case and "the" ignored), same
 * acronym, or "Name (ACR)" of either; -1 when none. */
static long S_org_find(const S_doc *d, const char *s) {
  if (!S_has(s)) return -1;
  char *c = S_collapse(s);
  char *k = S_key(c);
  char *acr = NULL, *kname = NULL;
  size_t nl, ao, al;
  if (S_split_acronym(c, &nl, &ao, &al)) {
    acr = pp_xstrndup(c + ao, al);
    char *nm = pp_xstrndup(c, nl);
    kname = S_key(nm);
    free(nm);
  }
  long found = -1;
  for (size_t i = 0; i < d->n_orgs && found < 0; i++)
    if (strcmp(d->orgs[i].key, k) == 0 || (kname && strcmp(d->orgs[i].key, kname) == 0)) found = (long)i;
  for (size_t i = 0; i < d->n_orgs && found < 0; i++) {
    const S_org *g = &d->orgs[i];
    if ((g->acronym && strcmp(g->acronym, c) == 0) || (acr && g->acronym && strcmp(g->acronym, acr) == 0) ||
        (acr && strcmp(g->name, acr) == 0))
      found = (long)i;
  }
  free(c);
  free(k);
  free(acr);
  free(kname);
  return found;
}

/* The node of an organisation the record names without a link: one per
 * distinct text (after white-space collapsing), after the record's own. */
static long S_org_unlinked(S_doc *d, const char *s) {
  char *c = S_collapse(s);
  long found = -1;
  for (size_t i = d->r->n_organizations; i < d->n_orgs && found < 0; i++)
    if (d->orgs[i].unlinked && strcmp(d->orgs[i].unlinked, c) == 0) found = (long)i;
  if (found < 0) {
    found = S_org_add(d, c, NULL, 1);
    d->orgs[found].unlinked = c;
  } else {
    free(c);
  }
  return found;
}

/* The parent of an office or unit: the organisation whose acronym or name
 * starts this one's name, followed by a capitalised word ("WFU Kenya" under "World
 * Fish Union" (WFU), "World Fish Union Office in Oslo"), the longest such;
 * -1 when none. */
static long S_org_parent(const S_doc *d, size_t self) {
  const char *n = d->orgs[self].name;
  long best = -1;
  size_t best_len = 0;
  for (size_t i = 0; i < d->n_orgs; i++) {
    if (i == self || strcmp(d->orgs[i].key, d->orgs[self].key) == 0) continue;
    const char *cands[2] = {d->orgs[i].acronym, d->orgs[i].name};
    for (int j = 0; j < 2; j++) {
      const char *p = cands[j];
      if (!p) continue;
      size_t pl = strlen(p);
      if (pl == 0 || strncmp(n, p, pl) != 0 || n[pl] != ' ') continue;
      unsigned char next = (unsigned char)n[pl + 1];
      if (!(S_is_upper(next) || S_is_digit(next) || next >= 0x80)) continue;
      if (pl > best_len) {
        best = (long)i;
        best_len = pl;
      }
    }
  }
  return best;
}

/* The schema.org type of a place from the record's kind (1.1): City,
 * Country, Continent, AdministrativeArea (a region); Place when the kind is
 * other or unknown, except City for the dateline's place, a city by the
 * dateline's nature. l->code is the record's country code, upper case, when
 * it is two letters. No names are looked up. */
static void S_place_type(S_place *l, const char *kind, int is_dateline) {
  char rec[3] = "";
  if (l->country && strlen(l->country) == 2 &&
      (S_is_upper((unsigned char)l->country[0]) || S_is_lower((unsigned char)l->country[0])) &&
      (S_is_upper((unsigned char)l->country[1]) || S_is_lower((unsigned char)l->country[1]))) {
    rec[0] = (char)(l->country[0] & ~0x20);
    rec[1] = (char)(l->country[1] & ~0x20);
    rec[2] = '\0';
  }
  memcpy(l->code, rec, 3);
  static const char *const types[][2] = {{"city", "City"},
                                         {"country", "Country"},
                                         {"continent", "Continent"},
                                         {"region", "AdministrativeArea"}};
  l->type = is_dateline ? "City" : "Place";
  for (size_t i = 0; kind && i < sizeof types / sizeof types[0]; i++)
    if (strcmp(kind, types[i][0]) == 0) l->type = types[i][1];
}

static long S_place_add(S_doc *d, const char *name, const char *country, const char *kind,
                        int is_dateline) {
  pp_xgrow((void **)&d->places, &d->cap_places, d->n_places + 1, sizeof *d->places);
  S_place *l = &d->places[d->n_places];
  memset(l, 0, sizeof *l);
  l->name = name;
  l->country = S_has(country) ? country : NULL;
  l->id = S_nth_id(d, 'l', d->n_places + 1);
  S_place_type(l, kind, is_dateline);
  return (long)d->n_places++;
}

/* Collects the entities and their links before any node is written. */
static void S_doc_plan(S_doc *d) {
  const pp_record *r = d->r;
  for (size_t i = 0; i < r->n_organizations; i++)
    S_org_add(d, r->organizations[i].name, r->organizations[i].acronym, 1);

  d->issuer = -1;
  if (r->issuer && (S_has(r->issuer->name) || S_has(r->issuer->acronym))) {
    const pp_issuer *is = r->issuer;
    long i = S_has(is->name) ? S_org_find(d, is->name) : -1;
    if (i < 0 && S_has(is->acronym)) i = S_org_find(d, is->acronym);
    if (i < 0)
      i = S_org_add(d, S_has(is->name) ? is->name : is->acronym, S_has(is->name) ? is->acronym : NULL, 0);
    S_org *g = &d->orgs[i];
    if (!g->acronym && S_has(is->acronym) && S_has(is->name)) g->acronym = S_collapse(is->acronym);
    if (S_has(is->url)) g->url = pp_xstrdup(is->url);
    d->issuer = i;
  }

  d->person_org = pp_xcalloc(r->n_participants, sizeof *d->person_org);
  d->person_cps = pp_xcalloc(r->n_participants, sizeof *d->person_cps);
  /* worksFor follows the record's link (1.1 organization_id); an
   * organisation the record names but does not link is a node of its own
   * (one per distinct text), never matched against the others by name */
  for (size_t i = 0; i < r->n_participants; i++) {
    const pp_participant *p = &r->participants[i];
    d->person_org[i] = -1;
    for (size_t k = 0; p->organization_id && k < r->n_organizations; k++)
      if (r->organizations[k].id && strcmp(r->organizations[k].id, p->organization_id) == 0)
        d->person_org[i] = (long)k;
    if (d->person_org[i] < 0 && S_has(p->organization)) d->person_org[i] = S_org_unlinked(d, p->organization);
  }

  d->cp_ids = pp_xcalloc(r->n_contacts, sizeof *d->cp_ids);
  for (size_t i = 0; i < r->n_contacts; i++) {
    const pp_contact *c = &r->contacts[i];
    if (!S_has(c->name) && !S_has(c->email) && !S_has(c->phone)) continue;
    char *cp = S_nth_id(d, 'c', i + 1);
    d->cp_ids[i] = cp;
    if (!c->participant && S_has(c->organization)) {
      long oi = S_org_unlinked(d, c->organization); /* may move d->orgs */
      pp_strv_push(&d->orgs[oi].contact_points, cp);
      continue;
    }
    long person = -1; /* the record's link (1.1 contacts[].participant) */
    for (size_t j = 0; c->participant && j < r->n_participants && person < 0; j++)
      if (r->participants[j].id && strcmp(r->participants[j].id, c->participant) == 0) person = (long)j;
    if (person >= 0) {
      pp_strv_push(&d->person_cps[person], cp);
    } else if (d->issuer >= 0) {
      pp_strv_push(&d->orgs[d->issuer].contact_points, cp);
    } else {
      pp_strv_push(&d->loose_cps, cp);
    }
  }
  for (size_t i = 0; i < d->n_orgs; i++) d->orgs[i].parent = S_org_parent(d, i);

  d->dateline_place = -1;
  char *dk = S_has(r->dateline.place) ? S_key(r->dateline.place) : NULL;
  for (size_t i = 0; i < r->n_places; i++) {
    int is_dl = 0;
    if (dk && d->dateline_place < 0) {
      char *k = S_key(r->places[i].name);
      is_dl = strcmp(k, dk) == 0;
      free(k);
    }
    long li = S_place_add(d, r->places[i].name, r->places[i].country, r->places[i].kind, is_dl);
    if (is_dl) d->dateline_place = li;
  }
  if (dk && d->dateline_place < 0) d->dateline_place = S_place_add(d, r->dateline.place, NULL, NULL, 1);
  free(dk);
}

/* ---- the nodes ---------------------------------------------------------- */

/* The record's label as a genre: the synonyms of a press release ("News
 * Release", "Media Release") are "Press Release", the guide's text for it;
 * other labels ("Statement", "Media Advisory") stay as given. */
static const char *S_genre(const char *g) {
  static const char *const press[] = {"press release", "news release", "media release"};
  if (!S_has(g)) return NULL;
  char *k = S_key(g);
  const char *out = g;
  for (size_t i = 0; i < sizeof press / sizeof press[0]; i++)
    if (strcmp(k, press[i]) == 0) out = "Press Release";
  free(k);
  return out;
}

static json_t *S_article(const S_doc *d) {
  const pp_record *r = d->r;
  char *id = S_id(d, "article");
  json_t *a = S_node("NewsArticle", id);
  free(id);
  if (d->page) {
    S_set(a, "url", json_string(d->page));
    S_set(a, "mainEntityOfPage", S_ref(d->page));
  }
  if (S_has(r->id)) {
    json_t *pv = json_object();
    S_set(pv, "@type", json_string("PropertyValue"));
    S_set(pv, "propertyID", json_string("release/1 id"));
    S_set(pv, "value", json_string(r->id));
    S_set(a, "identifier", pv);
  }
  const pp_source *src = &r->source;
  int src_is_file = S_has(src->name) && strcmp(src->name, "-") != 0 && !S_url_ok(src->name);
  if (src_is_file || S_has(src->sha256) || src->bytes > 0) {
    json_t *t = json_object();
    S_set(t, "@type", json_string("TextObject"));
    if (src_is_file) S_put_str(t, "name", S_basename(src->name)); /* the directory is the producer's */
    S_put_str(t, "sha256", src->sha256);
    if (src->bytes > 0) {
      char *sz = pp_xasprintf("%lld bytes", src->bytes);
      S_set(t, "contentSize", json_string(sz));
      free(sz);
    }
    if (S_has(src->encoding)) {
      const char *cs = strcmp(src->encoding, "UTF-8+BOM") == 0 ? "UTF-8" : src->encoding;
      char *f = pp_xasprintf("text/plain; charset=%s", cs);
      S_set(t, "encodingFormat", json_string(f));
      free(f);
    }
    S_set(a, "isBasedOn", t);
  }
  S_put_str(a, "inLanguage", r->language);
  json_t *l = json_array();
  for (size_t i = 0; i < r->sections.n; i++)
    if (S_has(r->sections.v[i])) S_push(l, json_string(r->sections.v[i]));
  S_put_list(a, "articleSection", l);
  S_put_str(a, "genre", S_genre(r->genre));
  if (S_has(r->headline)) {
    char *h = S_collapse(r->headline);
    S_set(a, "headline", json_string(h));
    free(h);
  }
  if (S_has(r->subheadline)) {
    char *h = S_collapse(r->subheadline);
    S_set(a, "alternativeHeadline", json_string(h));
    free(h);
  }
  S_put_str(a, "dateline", r->dateline.text);
  S_put_str(a, "datePublished", r->dateline.date);
  if (d->dateline_place >= 0) S_set(a, "locationCreated", S_ref(d->places[d->dateline_place].id));
  if (d->issuer >= 0) {
    S_set(a, "author", S_ref(d->orgs[d->issuer].id));
    S_set(a, "publisher", S_ref(d->orgs[d->issuer].id));
  }
  pp_buf body = PP_BUF_INIT;
  for (size_t i = 0; i < r->body.n; i++) {
    if (!S_has(r->body.v[i])) continue;
    if (body.len) pp_buf_adds(&body, "\n\n");
    pp_buf_adds(&body, r->body.v[i]);
  }
  if (body.len) S_set(a, "articleBody", json_string(body.data));
  pp_buf_free(&body);

  S_refs rl;
  S_refs_init(&rl);
  for (size_t i = 0; i < r->n_works; i++) {
    char *wid = S_nth_id(d, 'w', i + 1);
    if (S_has(r->works[i].title)) S_push_ref(&rl, wid);
    free(wid);
  }
  S_put_ref_list(a, "citation", &rl);
  S_refs_init(&rl);
  for (size_t i = 0; i < r->n_quotes; i++) {
    char *qid = S_nth_id(d, 'q', i + 1);
    if (S_has(r->quotes[i].text)) S_push_ref(&rl, qid);
    free(qid);
  }
  S_put_ref_list(a, "hasPart", &rl);
  S_refs_init(&rl);
  for (size_t i = 0; i < r->n_places; i++) S_push_ref(&rl, d->places[i].id);
  S_put_ref_list(a, "contentLocation", &rl);

  S_refs_init(&rl);
  for (size_t i = 0; i < r->n_participants; i++) {
    char *pid = S_nth_id(d, 'p', i + 1);
    S_push_ref(&rl, pid);
    free(pid);
  }
  for (size_t i = 0; i < d->n_orgs; i++)
    if (d->orgs[i].mentioned) S_push_ref(&rl, d->orgs[i].id);
  for (size_t i = 0; i < r->n_places; i++) S_push_ref(&rl, d->places[i].id);
  for (size_t i = 0; i < d->loose_cps.n; i++) S_push_ref(&rl, d->loose_cps.v[i]);
  S_put_ref_list(a, "mentions", &rl);
  return a;
}

static void S_put_refs(json_t *o, const char *k, const pp_strv *ids) {
  S_refs rl;
  S_refs_init(&rl);
  for (size_t i = 0; i < ids->n; i++) S_push_ref(&rl, ids->v[i]);
  S_put_ref_list(o, k, &rl);
}

static json_t *S_person(const S_doc *d, size_t i) {
  const pp_participant *p = &d->r->participants[i];
  char *id = S_nth_id(d, 'p', i + 1);
  json_t *o = S_node("Person", id);
  free(id);
  S_put_str(o, "name", p->name);
  json_t *l = json_array();
  for (size_t j = 0; j < p->aliases.n; j++)
    if (S_has(p->aliases.v[j]) && strcmp(p->aliases.v[j], p->name) != 0)
      S_push(l, json_string(p->aliases.v[j]));
  S_put_list(o, "alternateName", l);
  S_put_str(o, "honorificPrefix", p->honorific);
  S_put_str(o, "givenName", p->given_name);
  S_put_str(o, "familyName", p->family_name);
  S_put_str(o, "jobTitle", p->role);
  if (d->person_org[i] >= 0) S_set(o, "worksFor", S_ref(d->orgs[d->person_org[i]].id));
  S_put_refs(o, "contactPoint", &d->person_cps[i]);
  return o;
}

static json_t *S_org_node(const S_doc *d, size_t i) {
  const S_org *g = &d->orgs[i];
  json_t *o = S_node("Organization", g->id);
  S_put_str(o, "name", g->name);
  if (g->acronym && strcmp(g->acronym, g->name) != 0) S_put_str(o, "alternateName", g->acronym);
  if (g->url) S_set(o, "url", json_string(g->url));
  if (g->parent >= 0) S_set(o, "parentOrganization", S_ref(d->orgs[g->parent].id));
  S_put_refs(o, "contactPoint", &g->contact_points);
  return o;
}

static json_t *S_place_node(const S_doc *d, size_t i) {
  const S_place *l = &d->places[i];
  json_t *o = S_node(l->type, l->id);
  S_put_str(o, "name", l->name);
  if (strcmp(l->type, "Country") == 0 && l->code[0]) {
    json_t *pv = json_object();
    S_set(pv, "@type", json_string("PropertyValue"));
    S_set(pv, "propertyID", json_string("ISO 3166-1 alpha-2"));
    S_set(pv, "value", json_string(l->code));
    S_set(o, "identifier", pv);
    return o;
  }
  const char *country = l->code[0] ? l->code : l->country;
  if (!country) return o;
  if (l->code[0])
    for (size_t j = 0; j < d->n_places; j++)
      if (strcmp(d->places[j].type, "Country") == 0 && strcmp(d->places[j].code, l->code) == 0) {
        S_set(o, "containedInPlace", S_ref(d->places[j].id));
        break;
      }
  json_t *ad = json_object();
  S_set(ad, "@type", json_string("PostalAddress"));
  S_set(ad, "addressCountry", json_string(country));
  S_set(o, "address", ad);
  return o;
}

static json_t *S_contact_point(const pp_contact *c, const char *id) {
  json_t *o = S_node("ContactPoint", id);
  S_set(o, "contactType", json_string("media"));
  S_put_str(o, "name", c->name);
  S_put_str(o, "email", c->email);
  S_put_str(o, "telephone", c->phone);
  return o;
}

/* Checks what the document cannot carry; 0 or -1 with e set. */
static int S_check(const pp_record *r, pp_error *e) {
  if (S_has(r->dateline.date) && !S_date_ok(r->dateline.date)) {
    pp_error_set(e, NULL, 0, "dateline \"date\" \"%s\" is not an ISO 8601 date (YYYY-MM-DD)",
                 r->dateline.date);
    return -1;
  }
  if (S_has(r->url) && !S_url_ok(r->url)) {
    pp_error_set(e, NULL, 0, "\"url\" \"%s\" is not an absolute http(s) URL", r->url);
    return -1;
  }
  if (r->issuer && S_has(r->issuer->url) && !S_url_ok(r->issuer->url)) {
    pp_error_set(e, NULL, 0, "issuer \"url\" \"%s\" is not an absolute http(s) URL", r->issuer->url);
    return -1;
  }
  return 0;
}

/* The record id as a label part: itself when made of [A-Za-z0-9._-], else
 * those bytes with '_' for the others and 8 hex digits of its SHA-256, so
 * distinct ids keep distinct labels (caller frees). */
static char *S_label(const char *id) {
  if (!S_has(id)) id = "record";
  pp_buf b = PP_BUF_INIT;
  int changed = 0;
  for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
    int ok = S_is_upper(*p) || S_is_lower(*p) || S_is_digit(*p) || *p == '.' || *p == '_' || *p == '-';
    pp_buf_addc(&b, ok ? (char)*p : '_');
    changed |= !ok;
  }
  if (changed) {
    char hex[65];
    pp_sha256_hex(id, strlen(id), hex);
    pp_buf_addc(&b, '-');
    pp_buf_add(&b, hex, 8);
  }
  return pp_buf_detach(&b);
}

json_t *pp_jsonld_from_record(const pp_record *r, pp_error *e) {
  if (S_check(r, e) != 0) return NULL;
  S_doc d;
  memset(&d, 0, sizeof d);
  d.r = r;
  const char *url = NULL;
  if (S_has(r->url))
    url = r->url;
  else if (S_has(r->source.name) && S_url_ok(r->source.name))
    url = r->source.name;
  /* node ids carry the record id, so any number of documents merge into
   * one graph without two records sharing a node */
  char *label = S_label(r->id);
  if (url) {
    d.page = pp_xstrndup(url, strcspn(url, "#"));
    d.prefix = pp_xasprintf("%s#%s-", d.page, label);
  } else {
    d.prefix = pp_xasprintf("_:%s-", label);
  }
  free(label);
  S_doc_plan(&d);

  json_t *graph = json_array();
  S_push(graph, S_article(&d));
  if (d.page) {
    json_t *w = S_node("WebPage", d.page);
    S_set(w, "url", json_string(d.page));
    S_put_str(w, "inLanguage", r->language);
    S_push(graph, w);
  }
  for (size_t i = 0; i < r->n_participants; i++) S_push(graph, S_person(&d, i));
  for (size_t i = 0; i < d.n_orgs; i++) S_push(graph, S_org_node(&d, i));
  for (size_t i = 0; i < d.n_places; i++) S_push(graph, S_place_node(&d, i));
  for (size_t i = 0; i < r->n_works; i++) {
    const pp_work *w = &r->works[i];
    if (!S_has(w->title)) continue;
    char *id = S_nth_id(&d, 'w', i + 1);
    json_t *o = S_node(S_says_report(w->title) ? "Report" : "CreativeWork", id);
    free(id);
    S_set(o, "name", json_string(w->title));
    if (w->year > 0) {
      char y[16];
      snprintf(y, sizeof y, "%04d", w->year);
      S_set(o, "datePublished", json_string(y));
    }
    S_push(graph, o);
  }
  for (size_t i = 0; i < r->n_quotes; i++) {
    const pp_quote *q = &r->quotes[i];
    if (!S_has(q->text)) continue;
    char *id = S_nth_id(&d, 'q', i + 1);
    json_t *o = S_node("Quotation", id);
    free(id);
    S_set(o, "text", json_string(q->text));
    for (size_t j = 0; q->participant && j < r->n_participants; j++)
      if (r->participants[j].id && strcmp(r->participants[j].id, q->participant) == 0) {
        char *pid = S_nth_id(&d, 'p', j + 1);
        S_set(o, "creator", S_ref(pid));
        free(pid);
        break;
      }
    S_push(graph, o);
  }
  for (size_t i = 0; i < r->n_contacts; i++)
    if (d.cp_ids[i]) S_push(graph, S_contact_point(&r->contacts[i], d.cp_ids[i]));

  json_t *doc = json_object();
  S_set(doc, "@context", json_string("https://schema.org"));
  S_set(doc, "@graph", graph);
  S_doc_free(&d);
  return doc;
}

/* ---- writing ------------------------------------------------------------ */

/* "<!--" followed later by "<script" (ASCII case ignored). */
static int S_html_hazard(const char *s) {
  const char *c = strstr(s, "<!--");
  if (!c) return 0;
  for (const char *p = c + 4; *p; p++)
    if (p[0] == '<' && S_ncaseeq(p + 1, "script", 6)) return 1;
  return 0;
}

static int S_dump_to_buf(const char *buffer, size_t size, void *data) {
  pp_buf_add(data, buffer, size);
  return 0;
}

int pp_jsonld_write(const json_t *doc, FILE *out, int flags, pp_error *e) {
  size_t jf = JSON_PRESERVE_ORDER | ((flags & PP_JSONLD_PRETTY) ? JSON_INDENT(2) : JSON_COMPACT);
  if (flags & PP_JSONLD_HTML) jf |= JSON_ESCAPE_SLASH;
  /* jansson writes many small pieces: gather them, then one fwrite */
  pp_buf b = PP_BUF_INIT;
  pp_buf_reserve(&b, 8192);
  if (json_dump_callback(doc, S_dump_to_buf, &b, jf) != 0) {
    pp_buf_free(&b);
    fputs("presspipe: out of memory\n", stderr);
    abort();
  }
  int rc = 0;
  if (!(flags & PP_JSONLD_HTML)) {
    pp_buf_addc(&b, '\n');
    rc = fwrite(b.data, 1, b.len, out) == b.len ? 0 : -1;
  } else if (S_html_hazard(b.data)) {
    pp_error_set(e, NULL, 0,
                 "the text holds \"<!--\" followed by \"<script\", which an HTML <script> block cannot "
                 "carry; write JSON Lines instead of --html");
    rc = -2;
  } else if (fputs("<script type=\"application/ld+json\">\n", out) == EOF ||
             fwrite(b.data, 1, b.len, out) != b.len || fputs("\n</script>\n", out) == EOF) {
    rc = -1;
  }
  pp_buf_free(&b);
  return rc;
}

char *pp_jsonld_file_stem(const pp_record *r) {
  const char *cands[3] = {NULL, r->id, "record"};
  const char *n = r->source.name;
  char *base = NULL;
  if (S_has(n) && strcmp(n, "-") != 0 && !S_url_ok(n)) {
    const char *b = S_basename(n);
    const char *dot = strrchr(b, '.');
    base = dot && dot > b ? pp_xstrndup(b, (size_t)(dot - b)) : pp_xstrdup(b);
    cands[0] = base;
  }
  char *out = NULL;
  for (int c = 0; c < 3 && !out; c++) {
    const unsigned char *s = (const unsigned char *)cands[c];
    if (!s) continue;
    pp_buf b = PP_BUF_INIT;
    for (; *s && b.len < 80; s++) {
      if (b.len == 0 && *s == '.') continue;
      if (S_is_upper(*s) || S_is_lower(*s) || S_is_digit(*s) || *s == '.' || *s == '-' || *s == '_')
        pp_buf_addc(&b, (char)*s);
      else if ((*s & 0xC0) != 0x80 && !(b.len && b.data[b.len - 1] == '_'))
        pp_buf_addc(&b, '_'); /* one '_' per character, not per byte */
    }
    if (b.len)
      out = pp_buf_detach(&b);
    else
      pp_buf_free(&b);
  }
  free(base);
  return out;
}
