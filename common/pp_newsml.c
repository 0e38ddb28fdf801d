/* pp_newsml.c - release records as NewsML-G2 2.35 through xmlTextWriter.
 *
 * Each record is first turned into a plan (the QCodes it mints, which
 * organisation a person belongs to, the notes on what had to be left out),
 * then written in schema order: itemMeta, contentMeta (administrative
 * before descriptive), assert, inlineRef, contentSet. Mapping and schemes:
 * docs/newsml.md and data/newsml/catalog.presspipe_1.xml.
 */
#define _POSIX_C_SOURCE 200809L

#include "pp_newsml.h"

#include <errno.h>
#include <libxml/xmlwriter.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "pp_date.h"
#include "pp_sha256.h"
#include "pp_text.h"
#include "pp_version.h"

/* ---- text ------------------------------------------------------------- */

static int S_xml_char(unsigned cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

static int S_ws(unsigned cp) { return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r'; }

/* 1 when s (n bytes) is valid UTF-8 of XML characters with single spaces
 * between words and none at the ends: what S_clean would return anyway. */
static int S_clean_already(const unsigned char *s, size_t n) {
  int space = 1; /* at the start a space is one too many */
  for (size_t i = 0; i < n;) {
    unsigned c = s[i];
    if (c < 0x80) {
      if (c < 0x20 || (c == ' ' && space)) return 0;
      space = c == ' ';
      i++;
      continue;
    }
    unsigned cp;
    size_t k = pp_utf8_decode(s + i, n - i, &cp);
    if (k == 0 || !S_xml_char(cp)) return 0;
    space = 0;
    i += k;
  }
  return !space || n == 0;
}

/* s as XML-safe UTF-8: invalid bytes and characters XML 1.0 forbids become
 * U+FFFD, runs of white space one space, the ends trimmed. Returns s itself
 * when it is so already, else the copy made in b. */
static const char *S_clean(pp_buf *b, const char *s) {
  if (!s) s = "";
  const unsigned char *p = (const unsigned char *)s;
  size_t n = strlen(s);
  if (S_clean_already(p, n)) return s;
  pp_buf_clear(b);
  pp_buf_reserve(b, 3 * n + 1);
  pp_buf_add(b, "", 0);
  int space = 0;
  while (n) {
    unsigned cp;
    size_t k = pp_utf8_decode(p, n, &cp);
    if (k == 0) cp = 0xFFFD, k = 1;
    p += k, n -= k;
    if (S_ws(cp)) {
      space = b->len > 0;
      continue;
    }
    if (!S_xml_char(cp)) cp = 0xFFFD;
    if (space) pp_buf_addc(b, ' ');
    space = 0;
    pp_utf8_encode(b, cp);
  }
  return b->data;
}

/* 1 when s holds something other than white space. */
static int S_has(const char *s) {
  if (!s) return 0;
  for (; *s; s++)
    if (!S_ws((unsigned char)*s)) return 1;
  return 0;
}

/* Case-insensitive (ASCII) comparison after white-space collapsing. */
static int S_same(const char *a, const char *b) {
  if (!S_has(a) || !S_has(b)) return 0;
  pp_buf x = PP_BUF_INIT, y = PP_BUF_INIT;
  int eq = strcasecmp(S_clean(&x, a), S_clean(&y, b)) == 0;
  pp_buf_free(&x);
  pp_buf_free(&y);
  return eq;
}

/* Lower case for the scripts names in releases mostly use. */
static unsigned S_lower(unsigned cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if ((cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)) return cp + 32;
  if (cp == 0x130) return 'i'; /* Turkish dotted capital I */
  if (cp >= 0x100 && cp <= 0x137 && cp % 2 == 0) return cp + 1;
  if (cp >= 0x139 && cp <= 0x148 && cp % 2 == 1) return cp + 1;
  if (cp >= 0x14A && cp <= 0x177 && cp % 2 == 0) return cp + 1;
  if (cp == 0x178) return 0xFF;
  if (cp >= 0x179 && cp <= 0x17E && cp % 2 == 1) return cp + 1;
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  return cp;
}

/* Separators in a slug: ASCII other than letters and digits, Latin-1
 * punctuation and symbols, general punctuation, Unicode spaces. */
static int S_slug_sep(unsigned cp) {
  return cp < 0x80 || (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||
         (cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 || cp == 0xFFFD || cp == 0xFEFF;
}

#define S_SLUG_MAX 64

/* The code part of a minted QCode: lower case, words joined by '-', never
 * empty, never white space; long names are cut and get a hash. */
static void S_slug(pp_buf *b, const char *name) {
  if (!name) name = "";
  pp_buf_clear(b);
  pp_buf_add(b, "", 0);
  const unsigned char *p = (const unsigned char *)name;
  size_t n = strlen(name);
  int dash = 0, cut = 0;
  while (n) {
    unsigned cp;
    size_t k = pp_utf8_decode(p, n, &cp);
    if (k == 0) cp = 0xFFFD, k = 1;
    p += k, n -= k;
    if (!S_xml_char(cp)) cp = 0xFFFD;
    int alnum = (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (!alnum && S_slug_sep(cp)) {
      dash = b->len > 0;
      continue;
    }
    if (b->len + 5 > S_SLUG_MAX) {
      cut = 1;
      break;
    }
    if (dash) pp_buf_addc(b, '-');
    dash = 0;
    pp_utf8_encode(b, S_lower(cp));
  }
  if (cut || b->len == 0) {
    char hex[65];
    pp_sha256_hex(name, strlen(name), hex);
    if (b->len) pp_buf_addc(b, '-');
    pp_buf_add(b, hex, 8);
  }
}

static int S_digits(const char *s, int n) {
  for (int i = 0; i < n; i++)
    if (s[i] < '0' || s[i] > '9') return 0;
  return 1;
}

static int S_num(const char *s, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
  return v;
}

/* 1 when s is YYYY-MM-DD and a real day. */
static int S_date_valid(const char *s) {
  if (!s || strlen(s) != 10 || !S_digits(s, 4) || s[4] != '-' || !S_digits(s + 5, 2) ||
      s[7] != '-' || !S_digits(s + 8, 2))
    return 0;
  return pp_date_valid(S_num(s, 4), S_num(s + 5, 2), S_num(s + 8, 2));
}

int pp_newsml_datetime_valid(const char *s) {
  if (!s || strlen(s) < 20) return 0;
  char date[11];
  memcpy(date, s, 10);
  date[10] = '\0';
  if (!S_date_valid(date) || s[10] != 'T' || !S_digits(s + 11, 2) || s[13] != ':' ||
      !S_digits(s + 14, 2) || s[16] != ':' || !S_digits(s + 17, 2))
    return 0;
  if (S_num(s + 11, 2) > 23 || S_num(s + 14, 2) > 59 || S_num(s + 17, 2) > 59) return 0;
  const char *z = s + 19;
  if (*z == '.') {
    z++;
    if (*z < '0' || *z > '9') return 0;
    while (*z >= '0' && *z <= '9') z++;
  }
  if (strcmp(z, "Z") == 0) return 1;
  if ((*z != '+' && *z != '-') || strlen(z) != 6 || !S_digits(z + 1, 2) || z[3] != ':' ||
      !S_digits(z + 4, 2))
    return 0;
  int hh = S_num(z + 1, 2), mm = S_num(z + 4, 2);
  return mm <= 59 && (hh < 14 || (hh == 14 && mm == 0));
}

int pp_newsml_provider_valid(const char *s) {
  if (!s || !*s || strlen(s) > 253 || *s == '.' || *s == '-') return 0;
  for (const char *p = s; *p; p++) {
    char c = *p;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
          c == '-'))
      return 0;
    if (c == '.' && (p[1] == '.' || p[1] == '\0')) return 0;
  }
  return 1;
}

int pp_newsml_time_format(long long t, char out[32]) {
  if (t < 0 || t > 253402300799LL) return -1; /* 9999-12-31T23:59:59Z */
  time_t tt = (time_t)t;
  struct tm tm;
  if (!gmtime_r(&tt, &tm)) return -1;
  if (strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0) return -1;
  return 0;
}

/* 1 when s is an xs:language tag. */
static int S_lang_valid(const char *s) {
  if (!s) return 0;
  int run = 0, first = 1;
  for (const char *p = s;; p++) {
    char c = *p;
    if (c == '-' || c == '\0') {
      if (run < 1 || run > 8) return 0;
      if (c == '\0') return 1;
      run = 0, first = 0;
      continue;
    }
    int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alpha && !(!first && c >= '0' && c <= '9')) return 0;
    run++;
  }
}

/* 1 when s is two ASCII letters. */
static int S_country_valid(const char *s) {
  return s && strlen(s) == 2 && ((s[0] | 32) >= 'a' && (s[0] | 32) <= 'z') &&
         ((s[1] | 32) >= 'a' && (s[1] | 32) <= 'z');
}

static int S_hexdigit(unsigned c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* url as an xs:anyURI for href, or NULL when it is not an absolute URI:
 * white space trimmed, bytes a URI cannot hold percent-encoded. */
static char *S_href(const char *url) {
  if (!S_has(url)) return NULL;
  pp_buf t = PP_BUF_INIT;
  const char *s = S_clean(&t, url);
  size_t i = 0;
  if (!((s[0] | 32) >= 'a' && (s[0] | 32) <= 'z')) {
    pp_buf_free(&t);
    return NULL;
  }
  while ((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') i++;
  while (((s[i] | 32) >= 'a' && (s[i] | 32) <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
         s[i] == '+' || s[i] == '.' || s[i] == '-')
    i++;
  if (s[i] != ':' || s[i + 1] == '\0') {
    pp_buf_free(&t);
    return NULL;
  }
  static const char hex[] = "0123456789ABCDEF";
  pp_buf b = PP_BUF_INIT;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    unsigned c = *p;
    if (c <= 0x20 || c >= 0x7F || strchr("<>\"{}|\\^`", (int)c) ||
        (c == '%' && !(S_hexdigit(p[1]) && S_hexdigit(p[2])))) {
      pp_buf_addc(&b, '%');
      pp_buf_addc(&b, hex[c >> 4]);
      pp_buf_addc(&b, hex[c & 15]);
    } else {
      pp_buf_addc(&b, (char)c);
    }
  }
  pp_buf_free(&t);
  return pp_buf_detach(&b);
}

char *pp_newsml_guid(const char *provider, const char *id) {
  static const char hex[] = "0123456789ABCDEF";
  pp_buf b = PP_BUF_INIT;
  pp_buf_adds(&b, "urn:newsml:");
  pp_buf_adds(&b, provider ? provider : PP_NEWSML_PROVIDER);
  pp_buf_addc(&b, ':');
  for (const unsigned char *p = (const unsigned char *)(id ? id : ""); *p; p++) {
    unsigned c = *p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
        c == '_' || c == '~' || c == '-') {
      pp_buf_addc(&b, (char)c);
    } else {
      pp_buf_addc(&b, '%');
      pp_buf_addc(&b, hex[c >> 4]);
      pp_buf_addc(&b, hex[c & 15]);
    }
  }
  return pp_buf_detach(&b);
}

#define S_NAME_MAX 100

char *pp_newsml_file_name(const char *id) {
  const char *s = id ? id : "";
  pp_buf b = PP_BUF_INIT;
  pp_buf_add(&b, "", 0);
  for (const unsigned char *p = (const unsigned char *)s; *p && b.len < S_NAME_MAX; p++) {
    unsigned c = *p;
    int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    char prev = b.len ? b.data[b.len - 1] : '\0';
    int prev_alnum = (prev >= 'a' && prev <= 'z') || (prev >= 'A' && prev <= 'Z') ||
                     (prev >= '0' && prev <= '9');
    /* '.' only after a letter or digit (no "..", no hidden file), '-' not first */
    int ok = alnum || c == '_' || (c == '.' && prev_alnum) || (c == '-' && b.len > 0);
    if (ok)
      pp_buf_addc(&b, (char)c);
    else if (prev != '_')
      pp_buf_addc(&b, '_');
  }
  if (b.len == 0 || strcmp(b.data, s) != 0) {
    char hex[65];
    pp_sha256_hex(s, strlen(s), hex);
    if (b.len == 0 || strcmp(b.data, "_") == 0) {
      pp_buf_clear(&b);
      pp_buf_adds(&b, "record");
    }
    pp_buf_addc(&b, '-');
    pp_buf_add(&b, hex, 12);
  }
  pp_buf_adds(&b, ".xml");
  return pp_buf_detach(&b);
}

/* ---- the plan of one item --------------------------------------------- */

typedef struct {
  char prefix[32];        /* "i<N>": the item's xml:id prefix */
  pp_strmap used;         /* QCodes minted for this item (S_mint) */
  pp_strmap next_k;       /* per base QCode: the next suffix to try */
  pp_strv person, org, geo, work; /* QCode by index of the record's lists */
  int issuer_org;         /* organisation matching the issuer, -1 */
  char *issuer_name;      /* NULL: no issuer */
  char *issuer_qcode;
  char *issuer_href;
  int *contact_person;    /* per contact: participant index, -1 */
  pp_strv contact;        /* per contact: QCode, "" when it has no name */
  int located;            /* place matching the dateline place, -1 */
  int lead;               /* first paragraph with text, -1: no body text */
  const char *lang;       /* a valid language tag, or "und" */
  char *link;             /* the url as href, or NULL */
  pp_strv notes;          /* conversion notes */
  long *quote_at;         /* per quote: byte offset of its text in its cleaned paragraph, -1: not carried */
} S_plan;

/* A QCode ALIAS:slug(name) not yet used in this item: the base, else the
 * base with the smallest suffix -2, -3, ... not yet used. Each base keeps
 * the next suffix to try (all below it are taken, as QCodes are never
 * released), so N people of one name cost O(N), not O(N^2) probes. */
static char *S_mint(S_plan *pl, const char *alias, const char *name) {
  pp_buf slug = PP_BUF_INIT;
  S_slug(&slug, name);
  char *base = pp_xasprintf("%s:%s", alias, slug.data);
  pp_buf_free(&slug);
  char *q = base;
  if (pp_strmap_get(&pl->used, base, NULL)) {
    size_t k = 2;
    pp_strmap_get(&pl->next_k, base, &k);
    for (q = NULL; !q || pp_strmap_get(&pl->used, q, NULL); k++) {
      free(q);
      q = pp_xasprintf("%s-%zu", base, k);
    }
    pp_strmap_set(&pl->next_k, base, k);
    free(base);
  }
  pp_strmap_set(&pl->used, q, 1);
  return q;
}

static void S_note(S_plan *pl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void S_note(S_plan *pl, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  pp_strv_take(&pl->notes, pp_xvasprintf(fmt, ap));
  va_end(ap);
}

static int S_org_index(const pp_record *r, const char *name) {
  for (size_t i = 0; i < r->n_organizations; i++)
    if (S_same(r->organizations[i].name, name) || S_same(r->organizations[i].acronym, name))
      return (int)i;
  return -1;
}

/* Notes the mentions of an entity that point past the body. */
static void S_check_mentions(S_plan *pl, const pp_record *r, const char *what, size_t i,
                             const char *name, const pp_intv *m) {
  for (size_t k = 0; k < m->n; k++)
    if (m->v[k] < 0 || (size_t)m->v[k] >= r->body.n) {
      pp_buf t = PP_BUF_INIT;
      S_note(pl, "%s[%zu] (%s) mentions paragraph %d, but the body has %zu; mention left out",
             what, i, S_clean(&t, name), m->v[k], r->body.n);
      pp_buf_free(&t);
      return;
    }
}

static void S_plan_quotes(S_plan *pl, const pp_record *r);

static void S_plan_init(S_plan *pl, const pp_record *r, long ordinal) {
  memset(pl, 0, sizeof *pl);
  snprintf(pl->prefix, sizeof pl->prefix, "i%ld", ordinal);
  pl->issuer_org = -1;
  pl->located = -1;
  pl->lead = -1;
  for (size_t i = 0; i < r->body.n && pl->lead < 0; i++)
    if (S_has(r->body.v[i])) pl->lead = (int)i;

  if (!S_has(r->headline)) S_note(pl, "the record has no headline");
  if (pl->lead < 0) S_note(pl, "the record has no body text; the item has no contentSet");
  if (S_lang_valid(r->language)) {
    pl->lang = r->language;
  } else {
    pl->lang = "und";
    if (S_has(r->language)) {
      pp_buf t = PP_BUF_INIT;
      S_note(pl, "language \"%s\" is not a language tag; \"und\" used", S_clean(&t, r->language));
      pp_buf_free(&t);
    } else {
      S_note(pl, "the record has no language; \"und\" used");
    }
  }
  if (S_has(r->dateline.date) && !S_date_valid(r->dateline.date)) {
    pp_buf t = PP_BUF_INIT;
    S_note(pl, "dateline date \"%s\" is not a YYYY-MM-DD day; contentCreated left out",
           S_clean(&t, r->dateline.date));
    pp_buf_free(&t);
  }
  if (!S_date_valid(r->dateline.date))
    S_note(pl, "the record has no release date; firstCreated is the conversion time");
  if (S_has(r->url)) {
    pl->link = S_href(r->url);
    if (!pl->link) {
      pp_buf t = PP_BUF_INIT;
      S_note(pl, "url \"%s\" is not an absolute URI; link left out", S_clean(&t, r->url));
      pp_buf_free(&t);
    }
  }

  for (size_t i = 0; i < r->n_organizations; i++) {
    const pp_organization *g = &r->organizations[i];
    char *q = S_mint(pl, "pp-org", S_has(g->name) ? g->name : g->acronym ? g->acronym : "");
    pp_strv_take(&pl->org, q);
    S_check_mentions(pl, r, "organizations", i, g->name, &g->mentions);
  }
  for (size_t i = 0; i < r->n_participants; i++) {
    const pp_participant *p = &r->participants[i];
    pp_strv_take(&pl->person, S_mint(pl, "pp-person", p->name));
    S_check_mentions(pl, r, "participants", i, p->name, &p->mentions);
  }
  for (size_t i = 0; i < r->n_places; i++) {
    const pp_place *l = &r->places[i];
    pp_strv_take(&pl->geo, S_mint(pl, "pp-geo", l->name));
    if (pl->located < 0 && S_same(l->name, r->dateline.place)) pl->located = (int)i;
    S_check_mentions(pl, r, "places", i, l->name, &l->mentions);
    if (S_has(l->country) && !S_country_valid(l->country)) {
      pp_buf t = PP_BUF_INIT;
      S_note(pl, "places[%zu] country \"%s\" is not an ISO 3166-1 alpha-2 code; kept as a literal", i,
             S_clean(&t, l->country));
      pp_buf_free(&t);
    }
  }
  for (size_t i = 0; i < r->n_works; i++)
    pp_strv_take(&pl->work, S_mint(pl, "pp-work", r->works[i].title));

  if (r->issuer && (S_has(r->issuer->name) || S_has(r->issuer->acronym))) {
    const pp_issuer *is = r->issuer;
    pl->issuer_name = pp_xstrdup(S_has(is->name) ? is->name : is->acronym);
    if (S_has(is->name)) pl->issuer_org = S_org_index(r, is->name);
    if (pl->issuer_org < 0 && S_has(is->acronym)) pl->issuer_org = S_org_index(r, is->acronym);
    pl->issuer_qcode = pl->issuer_org >= 0 ? pp_xstrdup(pl->org.v[pl->issuer_org])
                                           : S_mint(pl, "pp-org", pl->issuer_name);
    if (S_has(is->url)) {
      pl->issuer_href = S_href(is->url);
      if (!pl->issuer_href) {
        pp_buf t = PP_BUF_INIT;
        S_note(pl, "issuer url \"%s\" is not an absolute URI; left out", S_clean(&t, is->url));
        pp_buf_free(&t);
      }
    }
  }

  pl->contact_person = pp_xcalloc(r->n_contacts, sizeof *pl->contact_person);
  for (size_t i = 0; i < r->n_contacts; i++) {
    const pp_contact *c = &r->contacts[i];
    pl->contact_person[i] = -1;
    if (!S_has(c->name)) {
      pp_strv_push(&pl->contact, "");
      continue;
    }
    /* the record links a contact to a participant by id (1.1); names are
     * not matched */
    for (size_t k = 0; c->participant && k < r->n_participants; k++)
      if (r->participants[k].id && strcmp(r->participants[k].id, c->participant) == 0) {
        pl->contact_person[i] = (int)k;
        break;
      }
    pp_strv_take(&pl->contact, pl->contact_person[i] >= 0
                                   ? pp_xstrdup(pl->person.v[pl->contact_person[i]])
                                   : S_mint(pl, "pp-person", c->name));
  }
  S_plan_quotes(pl, r);
}

/* Where each quote is carried: its text (cleaned) found in the cleaned
 * text of its paragraph, not overlapping a quote placed before it; it
 * becomes an XHTML q element there. Quotes without a paragraph, or whose
 * text the paragraph does not hold, are not carried (a note says how many). */
static void S_plan_quotes(S_plan *pl, const pp_record *r) {
  pl->quote_at = pp_xcalloc(r->n_quotes ? r->n_quotes : 1, sizeof *pl->quote_at);
  size_t lost = 0;
  pp_buf pb = PP_BUF_INIT, qb = PP_BUF_INIT;
  for (size_t k = 0; k < r->n_quotes; k++) {
    const pp_quote *q = &r->quotes[k];
    pl->quote_at[k] = -1;
    if (!S_has(q->text)) continue;
    if (q->paragraph < 0 || (size_t)q->paragraph >= r->body.n || pl->lead < 0) {
      lost++;
      continue;
    }
    const char *para = S_clean(&pb, r->body.v[q->paragraph]);
    const char *qt = S_clean(&qb, q->text);
    const char *at = strstr(para, qt);
    size_t len = strlen(qt);
    for (size_t j = 0; at && j < k; j++) {
      if (pl->quote_at[j] < 0 || r->quotes[j].paragraph != q->paragraph) continue;
      size_t js = (size_t)pl->quote_at[j], jl = strlen(S_clean(&qb, r->quotes[j].text));
      size_t ks = (size_t)(at - para);
      if (ks < js + jl && js < ks + len) at = NULL;
      qt = S_clean(&qb, q->text);
    }
    if (at)
      pl->quote_at[k] = (long)(at - para);
    else
      lost++;
  }
  pp_buf_free(&pb);
  pp_buf_free(&qb);
  if (lost)
    S_note(pl, "%zu of %zu quotes not found in their paragraph's text; left out", lost, r->n_quotes);
}

/* The QCode of the organisation the record links by id (1.1
 * participants[].organization_id); NULL when there is no link. */
static const char *S_org_qcode_by_id(const S_plan *pl, const pp_record *r, const char *id) {
  if (!id) return NULL;
  for (size_t i = 0; i < r->n_organizations; i++)
    if (r->organizations[i].id && strcmp(r->organizations[i].id, id) == 0) return pl->org.v[i];
  return NULL;
}

static void S_plan_free(S_plan *pl) {
  pp_strmap_free(&pl->used);
  pp_strmap_free(&pl->next_k);
  pp_strv_free(&pl->person);
  pp_strv_free(&pl->org);
  pp_strv_free(&pl->geo);
  pp_strv_free(&pl->work);
  free(pl->issuer_name);
  free(pl->issuer_qcode);
  free(pl->issuer_href);
  free(pl->contact_person);
  pp_strv_free(&pl->contact);
  free(pl->link);
  pp_strv_free(&pl->notes);
  free(pl->quote_at);
}

/* ---- the writer ------------------------------------------------------- */

struct pp_newsml_writer {
  pp_newsml_shape shape;
  pp_newsml_sink sink;
  void *ctx;
  int sink_errno;  /* errno of the first failed write to the sink */
  xmlTextWriterPtr tw;
  int failed;      /* an xmlTextWriter call failed */
  int started;     /* the document is open */
  long count;      /* items written */
  long base;       /* items before this writer's first (ordinals go on from it) */
  char *provider, *sent, *catalog_url, *generator;
  pp_buf tmp;      /* scratch for cleaned strings */
};

/* libxml2 reports a failed write on stderr by itself; the library returns
 * errors instead, so its handlers are muted while the writer works. */
typedef struct {
  xmlGenericErrorFunc generic;
  void *generic_ctx;
  xmlStructuredErrorFunc structured;
  void *structured_ctx;
} S_handlers;

static void S_mute_generic(void *ctx, const char *fmt, ...) {
  (void)ctx, (void)fmt;
}

static void S_mute_structured(void *ctx, xmlErrorPtr err) {
  (void)ctx, (void)err;
}

static S_handlers S_mute(void) {
  S_handlers h = {xmlGenericError, xmlGenericErrorContext, xmlStructuredError,
                  xmlStructuredErrorContext};
  xmlSetGenericErrorFunc(NULL, S_mute_generic);
  xmlSetStructuredErrorFunc(NULL, S_mute_structured);
  return h;
}

static void S_unmute(S_handlers h) {
  xmlSetGenericErrorFunc(h.generic_ctx, h.generic);
  xmlSetStructuredErrorFunc(h.structured_ctx, h.structured);
}

int pp_newsml_sink_file(void *ctx, const char *data, size_t len) {
  if (len && fwrite(data, 1, len, (FILE *)ctx) != len) return -1;
  return 0;
}

int pp_newsml_sink_buf(void *ctx, const char *data, size_t len) {
  pp_buf_add((pp_buf *)ctx, data, len);
  return 0;
}

static int S_io_write(void *ctx, const char *buf, int len) {
  pp_newsml_writer *w = ctx;
  if (w->sink_errno) return -1;
  errno = 0;
  if (w->sink(w->ctx, buf, (size_t)len) != 0) {
    w->sink_errno = errno ? errno : EIO;
    return -1;
  }
  return len;
}

static int S_io_close(void *ctx) {
  (void)ctx;
  return 0;
}

pp_newsml_writer *pp_newsml_writer_new(pp_newsml_shape shape, pp_newsml_sink sink, void *ctx,
                                       const pp_newsml_options *o) {
  pp_newsml_writer *w = pp_xcalloc(1, sizeof *w);
  w->shape = shape;
  w->sink = sink;
  w->ctx = ctx;
  w->provider = pp_xstrdup(o && o->provider ? o->provider : PP_NEWSML_PROVIDER);
  w->sent = pp_xstrdup(o && o->sent ? o->sent : "1970-01-01T00:00:00Z");
  w->catalog_url = pp_xstrdup(o && o->catalog_url ? o->catalog_url : PP_NEWSML_CATALOG_URL);
  w->generator = pp_xstrdup(o && o->generator ? o->generator : "presspipe");
  xmlOutputBufferPtr ob = xmlOutputBufferCreateIO(S_io_write, S_io_close, w, NULL);
  if (ob) w->tw = xmlNewTextWriter(ob);
  if (!w->tw) {
    if (ob) xmlOutputBufferClose(ob);
    fputs("presspipe: out of memory\n", stderr);
    abort();
  }
  xmlTextWriterSetIndent(w->tw, 1);
  xmlTextWriterSetIndentString(w->tw, BAD_CAST "  ");
  return w;
}

void pp_newsml_writer_free(pp_newsml_writer *w) {
  if (!w) return;
  S_handlers h = S_mute();
  xmlFreeTextWriter(w->tw);
  S_unmute(h);
  free(w->provider);
  free(w->sent);
  free(w->catalog_url);
  free(w->generator);
  pp_buf_free(&w->tmp);
  free(w);
}

long pp_newsml_writer_count(const pp_newsml_writer *w) { return w->count; }

static void S_rc(pp_newsml_writer *w, int rc) {
  if (rc < 0) w->failed = 1;
}

static void S_start(pp_newsml_writer *w, const char *name) {
  if (!w->failed) S_rc(w, xmlTextWriterStartElement(w->tw, BAD_CAST name));
}

static void S_start_ns(pp_newsml_writer *w, const char *name, const char *ns) {
  if (!w->failed) S_rc(w, xmlTextWriterStartElementNS(w->tw, NULL, BAD_CAST name, BAD_CAST ns));
}

static void S_end(pp_newsml_writer *w) {
  if (!w->failed) S_rc(w, xmlTextWriterEndElement(w->tw));
}

/* An attribute: the value cleaned and collapsed. */
static void S_attr(pp_newsml_writer *w, const char *name, const char *value) {
  if (!w->failed)
    S_rc(w, xmlTextWriterWriteAttribute(w->tw, BAD_CAST name, BAD_CAST S_clean(&w->tmp, value)));
}

static void S_text(pp_newsml_writer *w, const char *s) {
  if (!w->failed) S_rc(w, xmlTextWriterWriteString(w->tw, BAD_CAST S_clean(&w->tmp, s)));
}

/* <name ATTR=VALUE>text</name>; attr may be NULL. */
static void S_elem(pp_newsml_writer *w, const char *name, const char *attr, const char *value,
                   const char *text) {
  S_start(w, name);
  if (attr) S_attr(w, attr, value);
  S_text(w, text);
  S_end(w);
}

/* An empty element with up to three attributes (NULL names are skipped). */
static void S_empty(pp_newsml_writer *w, const char *name, const char *a1, const char *v1,
                    const char *a2, const char *v2, const char *a3, const char *v3) {
  S_start(w, name);
  if (a1) S_attr(w, a1, v1);
  if (a2) S_attr(w, a2, v2);
  if (a3) S_attr(w, a3, v3);
  S_end(w);
}

/* Opens a concept reference ELEM: type, qcode (or literal when NULL),
 * role, then its <name>; the caller adds children and closes it. */
static void S_concept(pp_newsml_writer *w, const char *elem, const char *type, const char *qcode,
                      const char *name, const char *role) {
  S_start(w, elem);
  if (type) S_attr(w, "type", type);
  if (qcode)
    S_attr(w, "qcode", qcode);
  else
    S_attr(w, "literal", name);
  if (role) S_attr(w, "role", role);
  S_elem(w, "name", NULL, NULL, name);
}

static void S_country(pp_newsml_writer *w, const char *country) {
  if (!S_has(country)) return;
  S_start(w, "broader");
  S_attr(w, "type", "cpnat:geoArea");
  if (S_country_valid(country)) {
    char q[32];
    snprintf(q, sizeof q, "iso3166-1a2:%c%c", country[0] & ~32, country[1] & ~32);
    S_attr(w, "qcode", q);
  } else {
    S_attr(w, "literal", country);
    S_elem(w, "name", NULL, NULL, country);
  }
  S_end(w);
}

static int S_is_press_release(const char *genre) {
  static const char *const labels[] = {"press release", "news release", "media release",
                                       "press-release", "pressemitteilung", NULL};
  for (int i = 0; labels[i]; i++)
    if (S_same(genre, labels[i])) return 1;
  return 0;
}

static void S_org_details(pp_newsml_writer *w, const char *href);

static void S_item_meta(pp_newsml_writer *w, const pp_record *r, const S_plan *pl) {
  S_start(w, "itemMeta");
  S_empty(w, "itemClass", "qcode", "ninat:text", NULL, NULL, NULL, NULL);
  S_empty(w, "provider", "literal", w->provider, NULL, NULL, NULL, NULL);
  S_elem(w, "versionCreated", NULL, NULL, w->sent);
  /* firstCreated is when the release first appeared: its date (at 12:00
   * UTC, which is the same calendar day from UTC-12 to UTC+11, so ingest
   * systems that show local time keep the day); without one, the
   * conversion time (the plan noted it). */
  char first[32];
  if (S_date_valid(r->dateline.date))
    snprintf(first, sizeof first, "%sT12:00:00Z", r->dateline.date);
  S_elem(w, "firstCreated", NULL, NULL, S_date_valid(r->dateline.date) ? first : w->sent);
  S_empty(w, "pubStatus", "qcode", "stat:usable", NULL, NULL, NULL, NULL);
  S_elem(w, "generator", "versioninfo", PP_VERSION, w->generator);
  for (size_t i = 0; i < r->warnings.n; i++)
    if (S_has(r->warnings.v[i]))
      S_elem(w, "edNote", "role", "pp-ednote:parserWarning", r->warnings.v[i]);
  for (size_t i = 0; i < pl->notes.n; i++)
    S_elem(w, "edNote", "role", "pp-ednote:conversionNote", pl->notes.v[i]);
  if (pl->link)
    S_empty(w, "link", "rel", "irel:seeAlso", "href", pl->link, "contenttype", "text/html");
  S_empty(w, "itemMetaExtProperty", "rel", "pp-prop:recordId", "value", r->id ? r->id : "", NULL,
          NULL);
  if (S_has(r->source.name))
    S_empty(w, "itemMetaExtProperty", "rel", "pp-prop:sourceName", "value", r->source.name, NULL,
            NULL);
  if (S_has(r->source.sha256))
    S_empty(w, "itemMetaExtProperty", "rel", "pp-prop:sourceSha256", "value", r->source.sha256,
            NULL, NULL);
  if (r->source.bytes > 0) {
    char n[32];
    snprintf(n, sizeof n, "%lld", r->source.bytes);
    S_empty(w, "itemMetaExtProperty", "rel", "pp-prop:sourceBytes", "value", n, NULL, NULL);
  }
  if (S_has(r->source.encoding))
    S_empty(w, "itemMetaExtProperty", "rel", "pp-prop:sourceEncoding", "value",
            r->source.encoding, NULL, NULL);
  if (S_has(r->source.format))
    S_empty(w, "itemMetaExtProperty", "rel", "pp-prop:sourceFormat", "value", r->source.format,
            NULL, NULL);
  S_end(w);
}

static void S_content_meta(pp_newsml_writer *w, const pp_record *r, const S_plan *pl) {
  S_start(w, "contentMeta");
  /* administrative */
  if (S_date_valid(r->dateline.date)) S_elem(w, "contentCreated", NULL, NULL, r->dateline.date);
  if (pl->located >= 0) {
    const pp_place *l = &r->places[pl->located];
    /* the concept is the place; the name is the dateline's, as written */
    S_concept(w, "located", "cpnat:geoArea", pl->geo.v[pl->located],
              S_has(r->dateline.place) ? r->dateline.place : l->name, NULL);
    S_country(w, l->country);
    S_end(w);
  } else if (S_has(r->dateline.place)) {
    S_concept(w, "located", "cpnat:geoArea", NULL, r->dateline.place, NULL);
    S_end(w);
  }
  if (pl->issuer_name) {
    /* the issuer as the record has it: name, acronym, web address */
    const pp_issuer *is = r->issuer;
    S_start(w, "infoSource");
    S_attr(w, "type", "cpnat:organisation");
    S_attr(w, "qcode", pl->issuer_qcode);
    S_attr(w, "role", "pp-role:issuer");
    if (S_has(is->name)) S_elem(w, "name", NULL, NULL, is->name);
    if (S_has(is->acronym)) S_elem(w, "name", "role", "nrol:short", is->acronym);
    S_org_details(w, pl->issuer_href);
    S_end(w);
  }
  for (size_t i = 0; i < r->n_contacts; i++) {
    const pp_contact *c = &r->contacts[i];
    int named = pl->contact.v[i][0] != '\0';
    if (!named && !S_has(c->email) && !S_has(c->phone)) continue;
    S_start(w, "infoSource");
    S_attr(w, "type", "cpnat:person");
    if (named) S_attr(w, "qcode", pl->contact.v[i]);
    S_attr(w, "role", "pp-role:mediaContact");
    if (named) S_elem(w, "name", NULL, NULL, c->name);
    S_start(w, "personDetails");
    if (S_has(c->organization)) {
      S_concept(w, "affiliation", "cpnat:organisation", NULL, c->organization, NULL);
      S_end(w);
    }
    if (S_has(c->email) || S_has(c->phone)) {
      S_start(w, "contactInfo");
      if (S_has(c->email)) S_elem(w, "email", NULL, NULL, c->email);
      if (S_has(c->phone)) S_elem(w, "phone", NULL, NULL, c->phone);
      S_end(w);
    }
    S_end(w);
    S_end(w);
  }
  if (pl->issuer_name) {
    S_concept(w, "creator", "cpnat:organisation", pl->issuer_qcode, pl->issuer_name, NULL);
    S_end(w);
  }
  /* descriptive */
  S_empty(w, "language", "tag", pl->lang, NULL, NULL, NULL, NULL);
  if (S_has(r->genre)) {
    if (S_is_press_release(r->genre)) {
      S_start(w, "genre");
      S_attr(w, "qcode", "genre:Press_Release");
      S_elem(w, "name", "xml:lang", "en-GB", "Press Release");
      /* the label as printed, when it is another ("News Release") */
      if (strcmp(r->genre, "Press Release") != 0)
        S_elem(w, "name", "role", "nrol:alternate", r->genre);
      S_end(w);
    } else {
      S_concept(w, "genre", NULL, NULL, r->genre, NULL);
      S_end(w);
    }
  }
  for (size_t i = 0; i < r->sections.n; i++)
    if (S_has(r->sections.v[i])) S_elem(w, "keyword", "role", "pp-kwrole:section", r->sections.v[i]);
  for (size_t i = 0; i < r->n_participants; i++) {
    S_concept(w, "subject", "cpnat:person", pl->person.v[i], r->participants[i].name, NULL);
    S_end(w);
  }
  for (size_t i = 0; i < r->n_organizations; i++) {
    const pp_organization *g = &r->organizations[i];
    S_concept(w, "subject", "cpnat:organisation", pl->org.v[i],
              S_has(g->name) ? g->name : g->acronym ? g->acronym : "", NULL);
    S_end(w);
  }
  for (size_t i = 0; i < r->n_places; i++) {
    S_concept(w, "subject", "cpnat:geoArea", pl->geo.v[i], r->places[i].name, NULL);
    S_end(w);
  }
  for (size_t i = 0; i < r->n_works; i++) {
    S_concept(w, "subject", "cpnat:object", pl->work.v[i], r->works[i].title, NULL);
    S_end(w);
  }
  if (S_has(r->headline)) S_elem(w, "headline", NULL, NULL, r->headline);
  if (S_has(r->subheadline)) S_elem(w, "headline", "role", "pp-hlrole:subheadline", r->subheadline);
  if (S_has(r->dateline.text)) S_elem(w, "dateline", NULL, NULL, r->dateline.text);
  if (pl->lead >= 0) S_elem(w, "description", "role", "drol:summary", r->body.v[pl->lead]);
  S_end(w);
}

static void S_org_details(pp_newsml_writer *w, const char *href) {
  if (!href) return;
  S_start(w, "organisationDetails");
  S_start(w, "contactInfo");
  S_elem(w, "web", NULL, NULL, href);
  S_end(w);
  S_end(w);
}

/* id="iN.ID" on an entity's assert, carrying the record's own id (p1, o2,
 * l3) so a reader gets the links back; left out when the id is not made of
 * [A-Za-z0-9_.-] or repeats one already used in the item. */
static void S_entity_id(pp_newsml_writer *w, const S_plan *pl, pp_strv *used, const char *id) {
  if (!id || !*id || strlen(id) > 64) return;
  for (const char *p = id; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
          *p == '_' || *p == '.' || *p == '-'))
      return;
  char x[128];
  snprintf(x, sizeof x, "%s.%s", pl->prefix, id);
  if (pp_strv_contains(used, x)) return;
  pp_strv_push(used, x);
  S_attr(w, "id", x);
}

static void S_asserts(pp_newsml_writer *w, const pp_record *r, const S_plan *pl) {
  pp_strv ids = PP_STRV_INIT;
  for (size_t i = 0; i < r->n_participants; i++) {
    const pp_participant *p = &r->participants[i];
    S_start(w, "assert");
    S_attr(w, "qcode", pl->person.v[i]);
    S_entity_id(w, pl, &ids, p->id);
    S_elem(w, "name", NULL, NULL, p->name);
    for (size_t k = 0; k < p->aliases.n; k++)
      if (S_has(p->aliases.v[k])) S_elem(w, "name", "role", "nrol:alternate", p->aliases.v[k]);
    if (S_has(p->honorific)) S_elem(w, "name", "part", "nprt:salutation", p->honorific);
    if (S_has(p->given_name)) S_elem(w, "name", "part", "nprt:given", p->given_name);
    if (S_has(p->family_name)) S_elem(w, "name", "part", "nprt:family", p->family_name);
    if (S_has(p->role)) {
      S_start(w, "related");
      S_attr(w, "rel", "pp-rel:jobTitle");
      S_attr(w, "literal", p->role);
      S_elem(w, "name", NULL, NULL, p->role);
      S_end(w);
    }
    int contact = -1;
    for (size_t k = 0; k < r->n_contacts; k++)
      if (pl->contact_person[k] == (int)i) contact = (int)k;
    if (S_has(p->organization) || contact >= 0) {
      S_start(w, "personDetails");
      if (S_has(p->organization)) {
        S_concept(w, "affiliation", "cpnat:organisation",
                  S_org_qcode_by_id(pl, r, p->organization_id), p->organization, NULL);
        S_end(w);
      }
      if (contact >= 0 && (S_has(r->contacts[contact].email) || S_has(r->contacts[contact].phone))) {
        S_start(w, "contactInfo");
        if (S_has(r->contacts[contact].email)) S_elem(w, "email", NULL, NULL, r->contacts[contact].email);
        if (S_has(r->contacts[contact].phone)) S_elem(w, "phone", NULL, NULL, r->contacts[contact].phone);
        S_end(w);
      }
      S_end(w);
    }
    S_end(w);
  }
  for (size_t i = 0; i < r->n_organizations; i++) {
    const pp_organization *g = &r->organizations[i];
    S_start(w, "assert");
    S_attr(w, "qcode", pl->org.v[i]);
    S_entity_id(w, pl, &ids, g->id);
    if (S_has(g->name)) S_elem(w, "name", NULL, NULL, g->name);
    if (S_has(g->acronym)) S_elem(w, "name", "role", "nrol:short", g->acronym);
    if (pl->issuer_org == (int)i) S_org_details(w, pl->issuer_href);
    S_end(w);
  }
  if (pl->issuer_name && pl->issuer_org < 0) {
    S_start(w, "assert");
    S_attr(w, "qcode", pl->issuer_qcode);
    S_elem(w, "name", NULL, NULL, pl->issuer_name);
    if (S_has(r->issuer->name) && S_has(r->issuer->acronym))
      S_elem(w, "name", "role", "nrol:short", r->issuer->acronym);
    S_org_details(w, pl->issuer_href);
    S_end(w);
  }
  for (size_t i = 0; i < r->n_places; i++) {
    S_start(w, "assert");
    S_attr(w, "qcode", pl->geo.v[i]);
    S_entity_id(w, pl, &ids, r->places[i].id);
    S_elem(w, "name", NULL, NULL, r->places[i].name);
    S_country(w, r->places[i].country);
    if (S_has(r->places[i].kind)) {
      S_start(w, "related");
      S_attr(w, "rel", "pp-rel:placeKind");
      S_attr(w, "literal", r->places[i].kind);
      S_elem(w, "name", NULL, NULL, r->places[i].kind);
      S_end(w);
    }
    S_end(w);
  }
  pp_strv_free(&ids);
  for (size_t i = 0; i < r->n_works; i++) {
    S_start(w, "assert");
    S_attr(w, "qcode", pl->work.v[i]);
    S_elem(w, "name", NULL, NULL, r->works[i].title);
    if (r->works[i].year > 0) {
      char y[16];
      snprintf(y, sizeof y, "%04d", r->works[i].year);
      S_start(w, "objectDetails");
      S_elem(w, "created", NULL, NULL, y);
      S_end(w);
    }
    S_end(w);
  }
}

/* <inlineRef idrefs="iN-parK ..." qcode=Q/> for the mentions in the body. */
static void S_inline_ref(pp_newsml_writer *w, const pp_record *r, const S_plan *pl,
                         const char *qcode, const pp_intv *m) {
  pp_intv in = PP_INTV_INIT;
  for (size_t k = 0; k < m->n; k++)
    if (m->v[k] >= 0 && (size_t)m->v[k] < r->body.n) pp_intv_push(&in, m->v[k]);
  pp_intv_sort_unique(&in); /* a record may list them in any order */
  if (in.n) {
    pp_buf ids = PP_BUF_INIT;
    for (size_t k = 0; k < in.n; k++) {
      char id[64];
      snprintf(id, sizeof id, "%s%s-par%d", k ? " " : "", pl->prefix, in.v[k]);
      pp_buf_adds(&ids, id);
    }
    S_empty(w, "inlineRef", "idrefs", ids.data, "qcode", qcode, NULL, NULL);
    pp_buf_free(&ids);
  }
  pp_intv_free(&in);
}

static size_t S_words(const char *s) {
  size_t n = 0;
  int in = 0;
  for (; *s; s++) {
    int ws = S_ws((unsigned char)*s);
    if (!ws && !in) n++;
    in = !ws;
  }
  return n;
}

/* Writes n bytes of s, already clean, as text. */
static void S_text_n(pp_newsml_writer *w, const char *s, size_t n) {
  if (n == 0 || w->failed) return;
  char *t = pp_xstrndup(s, n);
  S_rc(w, xmlTextWriterWriteString(w->tw, BAD_CAST t));
  free(t);
}

/* Paragraph i's text, its carried quotes as <q xml:id="iN-qK">, in order. */
static void S_paragraph(pp_newsml_writer *w, const pp_record *r, const S_plan *pl, size_t i) {
  pp_buf pb = PP_BUF_INIT;
  const char *text = S_clean(&pb, r->body.v[i]);
  char *own = pp_xstrdup(text); /* S_clean may return the record's string or pb */
  pp_buf_free(&pb);
  size_t at = 0, n = strlen(own);
  for (;;) {
    long best = -1; /* the next carried quote of this paragraph */
    for (size_t k = 0; k < r->n_quotes; k++)
      if (pl->quote_at[k] >= 0 && r->quotes[k].paragraph == (int)i && (size_t)pl->quote_at[k] >= at &&
          (best < 0 || pl->quote_at[k] < pl->quote_at[best]))
        best = (long)k;
    if (best < 0) break;
    size_t start = (size_t)pl->quote_at[best];
    pp_buf qb = PP_BUF_INIT;
    size_t len = strlen(S_clean(&qb, r->quotes[best].text));
    pp_buf_free(&qb);
    S_text_n(w, own + at, start - at);
    char qid[64];
    snprintf(qid, sizeof qid, "%s-q%ld", pl->prefix, best);
    S_start(w, "q");
    S_attr(w, "xml:id", qid);
    S_text_n(w, own + start, len);
    if (!w->failed) S_rc(w, xmlTextWriterFullEndElement(w->tw));
    at = start + len;
  }
  S_text_n(w, own + at, n - at);
  free(own);
}

static void S_content_set(pp_newsml_writer *w, const pp_record *r, const S_plan *pl) {
  if (pl->lead < 0) return;
  size_t words = 0;
  for (size_t i = 0; i < r->body.n; i++) words += S_words(r->body.v[i]);
  char wc[32];
  snprintf(wc, sizeof wc, "%zu", words);
  S_start(w, "contentSet");
  S_start(w, "inlineXML");
  S_attr(w, "contenttype", "application/xhtml+xml");
  S_attr(w, "wordcount", wc);
  S_start_ns(w, "html", PP_NEWSML_XHTML_NS);
  S_attr(w, "xml:lang", pl->lang);
  S_start(w, "head");
  S_start(w, "title");
  if (S_has(r->headline)) S_text(w, r->headline);
  if (!w->failed) S_rc(w, xmlTextWriterFullEndElement(w->tw));
  S_end(w);
  S_start(w, "body");
  if (S_has(r->headline)) S_elem(w, "h1", NULL, NULL, r->headline);
  if (S_has(r->subheadline)) S_elem(w, "h2", NULL, NULL, r->subheadline);
  for (size_t i = 0; i < r->body.n; i++) {
    char id[64];
    snprintf(id, sizeof id, "%s-par%zu", pl->prefix, i);
    S_start(w, "p");
    S_attr(w, "xml:id", id);
    /* mixed content (text and q): no indentation inside, it would be text */
    xmlTextWriterSetIndent(w->tw, 0);
    S_paragraph(w, r, pl, i);
    if (!w->failed) S_rc(w, xmlTextWriterFullEndElement(w->tw));
    if (!w->failed) S_rc(w, xmlTextWriterWriteRaw(w->tw, BAD_CAST "\n")); /* the line end indenting would write */
    xmlTextWriterSetIndent(w->tw, 1);
  }
  S_end(w); /* body */
  S_end(w); /* html */
  S_end(w); /* inlineXML */
  S_end(w); /* contentSet */
}

static void S_item(pp_newsml_writer *w, const pp_record *r, long ordinal) {
  S_plan pl;
  S_plan_init(&pl, r, ordinal);
  char *guid = pp_newsml_guid(w->provider, r->id);
  if (w->shape == PP_NEWSML_MESSAGE)
    S_start(w, "newsItem");
  else
    S_start_ns(w, "newsItem", PP_NEWSML_NS);
  S_attr(w, "guid", guid);
  S_attr(w, "version", "1");
  S_attr(w, "standard", "NewsML-G2");
  S_attr(w, "standardversion", PP_NEWSML_STANDARD_VERSION);
  S_attr(w, "conformance", "power");
  S_attr(w, "xml:lang", pl.lang);
  S_empty(w, "catalogRef", "href", PP_NEWSML_IPTC_CATALOG, NULL, NULL, NULL, NULL);
  S_empty(w, "catalogRef", "href", w->catalog_url, NULL, NULL, NULL, NULL);
  S_item_meta(w, r, &pl);
  S_content_meta(w, r, &pl);
  S_asserts(w, r, &pl);
  for (size_t i = 0; pl.lead >= 0 && i < r->n_participants; i++)
    S_inline_ref(w, r, &pl, pl.person.v[i], &r->participants[i].mentions);
  for (size_t i = 0; pl.lead >= 0 && i < r->n_organizations; i++)
    S_inline_ref(w, r, &pl, pl.org.v[i], &r->organizations[i].mentions);
  for (size_t i = 0; pl.lead >= 0 && i < r->n_places; i++)
    S_inline_ref(w, r, &pl, pl.geo.v[i], &r->places[i].mentions);
  /* who said each carried quote: the speaker's QCode on the q element */
  for (size_t k = 0; k < r->n_quotes; k++) {
    if (pl.quote_at[k] < 0 || !r->quotes[k].participant) continue;
    for (size_t i = 0; i < r->n_participants; i++)
      if (r->participants[i].id && strcmp(r->participants[i].id, r->quotes[k].participant) == 0) {
        char qid[64];
        snprintf(qid, sizeof qid, "%s-q%zu", pl.prefix, k);
        S_empty(w, "inlineRef", "idrefs", qid, "qcode", pl.person.v[i], NULL, NULL);
        break;
      }
  }
  S_content_set(w, r, &pl);
  S_end(w); /* newsItem */
  free(guid);
  S_plan_free(&pl);
}

static int S_status(pp_newsml_writer *w, pp_error *e) {
  if (!w->failed && !w->sink_errno) return 0;
  w->failed = 1;
  pp_error_set(e, NULL, 0, "write error: %s", strerror(w->sink_errno ? w->sink_errno : EIO));
  return -1;
}

/* Closes the open elements (the indenting writer ends the last line). */
static void S_end_document(pp_newsml_writer *w) {
  if (!w->failed) S_rc(w, xmlTextWriterEndDocument(w->tw));
}

int pp_newsml_writer_add(pp_newsml_writer *w, const pp_record *r, pp_error *e) {
  if (w->failed) return S_status(w, e);
  if (w->shape == PP_NEWSML_ITEM && w->count > 0) {
    pp_error_set(e, NULL, 0, "a bare newsItem holds one record; this is record %ld", w->count + 1);
    return -1;
  }
  S_handlers h = S_mute();
  if (!w->started) {
    w->started = 1;
    S_rc(w, xmlTextWriterStartDocument(w->tw, "1.0", "UTF-8", NULL));
    if (w->shape == PP_NEWSML_MESSAGE) {
      S_start_ns(w, "newsMessage", PP_NEWSML_NS);
      S_start(w, "header");
      S_elem(w, "sent", NULL, NULL, w->sent);
      S_elem(w, "sender", NULL, NULL, w->provider);
      S_end(w);
      S_start(w, "itemSet");
    }
  }
  w->count++;
  S_item(w, r, w->base + w->count);
  if (w->shape == PP_NEWSML_ITEM) S_end_document(w);
  if (!w->failed) S_rc(w, xmlTextWriterFlush(w->tw));
  S_unmute(h);
  return S_status(w, e);
}

int pp_newsml_writer_finish(pp_newsml_writer *w, pp_error *e) {
  if (w->failed) return S_status(w, e);
  S_handlers h = S_mute();
  if (w->started && w->shape == PP_NEWSML_MESSAGE) S_end_document(w);
  if (!w->failed) S_rc(w, xmlTextWriterFlush(w->tw));
  S_unmute(h);
  return S_status(w, e);
}

/* ---- one item for a file of its own (pp_split writes the file) ------ */

int pp_newsml_item_write(FILE *f, const pp_record *r, long n, const pp_newsml_options *o,
                         pp_error *e) {
  pp_newsml_writer *w = pp_newsml_writer_new(PP_NEWSML_ITEM, pp_newsml_sink_file, f, o);
  w->base = n - 1;
  int bad = pp_newsml_writer_add(w, r, e) != 0 || pp_newsml_writer_finish(w, e) != 0;
  int saved = w->sink_errno;
  pp_newsml_writer_free(w);
  if (bad) errno = saved ? saved : EIO;
  return bad ? -1 : 0;
}
