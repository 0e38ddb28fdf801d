/* newsml_check.c - checks rec2newsml's NewsML-G2 with libxml2: against the
 * 2.35 XSD (offline) and for what the schema cannot see.
 *
 *   test_newsml_check [--schema XSD] [--catalog XML] [--records JSONL]
 *                     [--provider DOMAIN] FILE...
 *     checks each FILE; prints "FILE: problem" lines and a summary, exits 0
 *     when there is no problem, 1 otherwise.
 *   test_newsml_check
 *     (no arguments, as ctest runs it) self-test: converts the fixtures
 *     in-process with rec2newsml_main, checks them, and shows that the
 *     checker catches broken documents (one mutation per check).
 *
 * Checks: well-formed (no network); valid against the XSD; the body is one
 * XHTML html element and everything in it is in the XHTML namespace; every
 * subject has an assert with the same qcode/literal; xml:id and id values
 * are unique across the document; every inlineRef idref names an xml:id of
 * its item; every QCode alias is an IPTC one we use (checked in catalog 41)
 * or declared in the toolkit catalog; standardversion 2.35, conformance
 * power, xml:lang. With --records (the JSON Lines the document was made
 * from): one item per record in order, the guid and recordId from the id,
 * the headline, and every person, organisation, place and cited work of the
 * record as a subject of the matching type and name.
 */
#define _POSIX_C_SOURCE 200809L

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "pp_jsonl.h"
#include "pp_record.h"
#include "tools.h"

#define NAR "http://iptc.org/std/nar/2006-10-01/"
#define XHTML "http://www.w3.org/1999/xhtml"

/* IPTC aliases rec2newsml uses, each found in catalog.IPTC-G2-Standards_41. */
static const char *const S_iptc_aliases[] = {"ninat", "stat", "genre", "cpnat", "nrol", "nprt",
                                             "irel", "drol", "iso3166-1a2", NULL};

typedef struct {
  xmlSchemaPtr schema;
  char **aliases; /* from the toolkit catalog */
  size_t n_aliases;
  const char *provider;
  const char *file;  /* being checked */
  int problems;      /* in this document */
  int total_problems;
  int quiet;         /* self-test mutations: count, do not print */
  char last[512];    /* the last problem, for the self-test */
  long items;
} S_checker;

static void S_problem(S_checker *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void S_problem(S_checker *c, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(c->last, sizeof c->last, fmt, ap);
  va_end(ap);
  c->problems++;
  c->total_problems++;
  if (!c->quiet) fprintf(stderr, "%s: %s\n", c->file, c->last);
}

/* ---- offline loading --------------------------------------------------- */

static xmlExternalEntityLoader S_default_loader;

static xmlParserInputPtr S_offline_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt) {
  if (url && (strncmp(url, "http:", 5) == 0 || strncmp(url, "https:", 6) == 0 ||
              strncmp(url, "ftp:", 4) == 0)) {
    fprintf(stderr, "newsml_check: refusing to fetch %s (validation must work offline)\n", url);
    return NULL;
  }
  return S_default_loader(url, id, ctxt);
}

static void S_collect_error(void *ctx, xmlErrorPtr err) {
  S_checker *c = ctx;
  if (!err || err->level < XML_ERR_ERROR) return;
  char msg[400];
  snprintf(msg, sizeof msg, "%s", err->message ? err->message : "error");
  size_t n = strlen(msg);
  while (n && msg[n - 1] == '\n') msg[--n] = '\0';
  S_problem(c, "line %d: %s", err->line, msg);
}

static void S_silent(void *ctx, const char *fmt, ...) {
  (void)ctx, (void)fmt;
}

/* ---- helpers ----------------------------------------------------------- */

static int S_is(const xmlNode *n, const char *ns, const char *name) {
  return n && n->type == XML_ELEMENT_NODE && n->ns && strcmp((const char *)n->ns->href, ns) == 0 &&
         (!name || strcmp((const char *)n->name, name) == 0);
}

static const xmlNode *S_child(const xmlNode *n, const char *name) {
  for (const xmlNode *k = n ? n->children : NULL; k; k = k->next)
    if (S_is(k, NAR, name)) return k;
  return NULL;
}

/* The attribute's value (static buffer per slot; "" when absent). */
static const char *S_attr(const xmlNode *n, const char *name, int slot) {
  static char buf[4][2048];
  xmlChar *v = xmlGetNoNsProp((xmlNode *)n, BAD_CAST name);
  snprintf(buf[slot], sizeof buf[slot], "%s", v ? (const char *)v : "");
  xmlFree(v);
  return buf[slot];
}

static int S_has_attr(const xmlNode *n, const char *name) {
  return xmlHasNsProp((xmlNode *)n, BAD_CAST name, NULL) != NULL;
}

static char *S_content(const xmlNode *n) {
  xmlChar *v = xmlNodeGetContent((xmlNode *)n);
  char *s = strdup(v ? (const char *)v : "");
  xmlFree(v);
  return s;
}

/* The record's text as the document must carry it: XML white space runs
 * collapsed, ends trimmed, bytes that are not UTF-8 or characters XML 1.0
 * forbids as U+FFFD. Written apart from the library on purpose. */
static char *S_norm(const char *s) {
  size_t n = strlen(s);
  char *out = malloc(3 * n + 1);
  size_t o = 0;
  int space = 0;
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    unsigned cp;
    int len;
    if (p[0] < 0x80) cp = p[0], len = 1;
    else if ((p[0] & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) cp = (p[0] & 0x1Fu) << 6 | (p[1] & 0x3F), len = 2;
    else if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
      cp = (p[0] & 0x0Fu) << 12 | (p[1] & 0x3Fu) << 6 | (p[2] & 0x3F), len = 3;
    else if ((p[0] & 0xF8) == 0xF0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80 && (p[3] & 0xC0) == 0x80)
      cp = (p[0] & 0x07u) << 18 | (p[1] & 0x3Fu) << 12 | (p[2] & 0x3Fu) << 6 | (p[3] & 0x3F), len = 4;
    else cp = 0xFFFD, len = 1;
    int bad = !(cp == 9 || cp == 10 || cp == 13 || (cp >= 0x20 && cp <= 0xD7FF) ||
                (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF));
    if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
      space = o > 0;
      p += len;
      continue;
    }
    if (space) out[o++] = ' ';
    space = 0;
    if (bad) {
      memcpy(out + o, "\xEF\xBF\xBD", 3), o += 3;
    } else {
      memcpy(out + o, p, (size_t)len), o += (size_t)len;
    }
    p += len;
  }
  out[o] = '\0';
  return out;
}

static int S_blank(const char *s) { return !s || !*s || strspn(s, " \t\r\n") == strlen(s); }

static int S_strcmp_p(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- the checks -------------------------------------------------------- */

static void S_collect_ids(const xmlNode *n, char ***ids, size_t *n_ids, size_t *cap) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
      int is_id = strcmp((const char *)a->name, "id") == 0 &&
                  ((a->ns && strcmp((const char *)a->ns->href, (const char *)XML_XML_NAMESPACE) == 0) ||
                   (!a->ns && S_is(n, NAR, NULL)));
      if (!is_id) continue;
      if (*n_ids == *cap) {
        *cap = *cap ? 2 * *cap : 64;
        *ids = realloc(*ids, *cap * sizeof **ids);
      }
      xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
      (*ids)[(*n_ids)++] = strdup(v ? (const char *)v : "");
      xmlFree(v);
    }
    S_collect_ids(n->children, ids, n_ids, cap);
  }
}

static void S_check_unique_ids(S_checker *c, const xmlDoc *doc) {
  char **ids = NULL;
  size_t n = 0, cap = 0;
  S_collect_ids(xmlDocGetRootElement(doc), &ids, &n, &cap);
  if (n > 1) qsort(ids, n, sizeof *ids, S_strcmp_p);
  for (size_t i = 1; i < n; i++)
    if (strcmp(ids[i], ids[i - 1]) == 0) S_problem(c, "id \"%s\" is not unique in the document", ids[i]);
  for (size_t i = 0; i < n; i++) free(ids[i]);
  free(ids);
}

static int S_alias_known(const S_checker *c, const char *v) {
  const char *colon = strchr(v, ':');
  if (!colon || colon == v || !colon[1]) return 0;
  size_t len = (size_t)(colon - v);
  for (int i = 0; S_iptc_aliases[i]; i++)
    if (strlen(S_iptc_aliases[i]) == len && strncmp(S_iptc_aliases[i], v, len) == 0) return 1;
  for (size_t i = 0; i < c->n_aliases; i++)
    if (strlen(c->aliases[i]) == len && strncmp(c->aliases[i], v, len) == 0) return 1;
  return 0;
}

/* QCode-valued attributes of NAR elements (not inside the body). */
static void S_check_aliases(S_checker *c, const xmlNode *n) {
  static const char *const qattrs[] = {"qcode", "type", "role", "rel", "part", NULL};
  for (; n; n = n->next) {
    if (!S_is(n, NAR, NULL)) continue;
    if (strcmp((const char *)n->name, "inlineXML") == 0) continue;
    for (int i = 0; qattrs[i]; i++) {
      if (!S_has_attr(n, qattrs[i])) continue;
      const char *v = S_attr(n, qattrs[i], 0);
      if (!S_alias_known(c, v))
        S_problem(c, "<%s %s=\"%s\">: scheme alias in no referenced catalog", (const char *)n->name,
                  qattrs[i], v);
    }
    S_check_aliases(c, n->children);
  }
}

static int S_all_xhtml(const xmlNode *n) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (!S_is(n, XHTML, NULL) || !S_all_xhtml(n->children)) return 0;
  }
  return 1;
}

static void S_collect_xml_ids(const xmlNode *n, char ***ids, size_t *k, size_t *cap) {
  for (; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    xmlChar *v = xmlGetNsProp((xmlNode *)n, BAD_CAST "id", XML_XML_NAMESPACE);
    if (v) {
      if (*k == *cap) *cap = *cap ? 2 * *cap : 32, *ids = realloc(*ids, *cap * sizeof **ids);
      (*ids)[(*k)++] = strdup((const char *)v);
      xmlFree(v);
    }
    S_collect_xml_ids(n->children, ids, k, cap);
  }
}

/* 1 when the item has a subject of this type whose name is want. */
static int S_has_subject(const xmlNode *cm, const char *type, const char *want) {
  for (const xmlNode *s = cm ? cm->children : NULL; s; s = s->next) {
    if (!S_is(s, NAR, "subject") || strcmp(S_attr(s, "type", 0), type) != 0) continue;
    const xmlNode *nm = S_child(s, "name");
    if (!nm) continue;
    char *t = S_content(nm);
    int eq = strcmp(t, want) == 0;
    free(t);
    if (eq) return 1;
  }
  return 0;
}

static void S_expect_subject(S_checker *c, long item, const xmlNode *cm, const char *type,
                             const char *what, const char *name) {
  if (S_blank(name)) return;
  char *want = S_norm(name);
  if (!S_has_subject(cm, type, want))
    S_problem(c, "item %ld: %s \"%s\" of the record has no subject type=\"%s\"", item, what, want, type);
  free(want);
}

static void S_check_record(S_checker *c, long k, const xmlNode *item, const pp_record *r) {
  static const char hex[] = "0123456789ABCDEF";
  char guid[4096];
  size_t o = (size_t)snprintf(guid, sizeof guid, "urn:newsml:%s:", c->provider);
  for (const unsigned char *p = (const unsigned char *)r->id; *p && o + 4 < sizeof guid; p++) {
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
        strchr("._~-", *p))
      guid[o++] = (char)*p;
    else
      guid[o++] = '%', guid[o++] = hex[*p >> 4], guid[o++] = hex[*p & 15];
  }
  guid[o] = '\0';
  if (strcmp(S_attr(item, "guid", 1), guid) != 0)
    S_problem(c, "item %ld: guid \"%s\", want \"%s\"", k, S_attr(item, "guid", 1), guid);

  const xmlNode *im = S_child(item, "itemMeta");
  int found_id = 0;
  char *want_id = S_norm(r->id);
  for (const xmlNode *p = im ? im->children : NULL; p; p = p->next)
    if (S_is(p, NAR, "itemMetaExtProperty") && strcmp(S_attr(p, "rel", 0), "pp-prop:recordId") == 0)
      found_id = strcmp(S_attr(p, "value", 1), want_id) == 0;
  if (!found_id) S_problem(c, "item %ld: no recordId property \"%s\"", k, want_id);
  free(want_id);

  const xmlNode *cm = S_child(item, "contentMeta");
  const xmlNode *hl = NULL;
  for (const xmlNode *h = cm ? cm->children : NULL; h; h = h->next)
    if (S_is(h, NAR, "headline") && !S_has_attr(h, "role")) hl = h;
  if (S_blank(r->headline)) {
    if (hl) S_problem(c, "item %ld: a headline, but the record has none", k);
  } else {
    char *want = S_norm(r->headline), *got = hl ? S_content(hl) : strdup("(none)");
    if (strcmp(want, got) != 0) S_problem(c, "item %ld: headline \"%s\", want \"%s\"", k, got, want);
    free(want);
    free(got);
  }
  for (size_t i = 0; i < r->n_participants; i++)
    S_expect_subject(c, k, cm, "cpnat:person", "person", r->participants[i].name);
  for (size_t i = 0; i < r->n_organizations; i++)
    S_expect_subject(c, k, cm, "cpnat:organisation", "organisation",
                     S_blank(r->organizations[i].name) ? r->organizations[i].acronym
                                                       : r->organizations[i].name);
  for (size_t i = 0; i < r->n_places; i++)
    S_expect_subject(c, k, cm, "cpnat:geoArea", "place", r->places[i].name);
  for (size_t i = 0; i < r->n_works; i++)
    S_expect_subject(c, k, cm, "cpnat:object", "work", r->works[i].title);
}

static void S_check_item(S_checker *c, long k, const xmlNode *item, const pp_record *r) {
  c->items++;
  if (strncmp(S_attr(item, "guid", 0), "urn:newsml:", 11) != 0)
    S_problem(c, "item %ld: guid \"%s\" is not a urn:newsml URN", k, S_attr(item, "guid", 0));
  if (strcmp(S_attr(item, "standardversion", 0), "2.35") != 0)
    S_problem(c, "item %ld: standardversion is not 2.35", k);
  if (strcmp(S_attr(item, "conformance", 0), "power") != 0)
    S_problem(c, "item %ld: conformance is not power", k);
  xmlChar *lang = xmlNodeGetLang((xmlNode *)item);
  if (!lang || !*lang) S_problem(c, "item %ld: no xml:lang", k);
  xmlFree(lang);
  if (!S_child(item, "itemMeta") || !S_child(item, "contentMeta"))
    S_problem(c, "item %ld: no itemMeta or contentMeta", k);

  /* subject -> assert */
  const xmlNode *cm = S_child(item, "contentMeta");
  for (const xmlNode *s = cm ? cm->children : NULL; s; s = s->next) {
    if (!S_is(s, NAR, "subject")) continue;
    const char *key = S_has_attr(s, "qcode") ? "qcode" : "literal";
    const char *v = S_attr(s, key, 0);
    if (!*v) {
      S_problem(c, "item %ld: a subject with neither qcode nor literal", k);
      continue;
    }
    int found = 0;
    for (const xmlNode *a = item->children; a && !found; a = a->next)
      if (S_is(a, NAR, "assert") && strcmp(S_attr(a, key, 1), v) == 0) found = 1;
    if (!found) S_problem(c, "item %ld: subject %s=\"%s\" has no assert", k, key, v);
  }

  /* the body */
  char **xids = NULL;
  size_t n_xids = 0, cap = 0;
  const xmlNode *cs = S_child(item, "contentSet");
  for (const xmlNode *ix = cs ? cs->children : NULL; ix; ix = ix->next) {
    if (!S_is(ix, NAR, "inlineXML")) continue;
    int elems = 0;
    for (const xmlNode *h = ix->children; h; h = h->next) {
      if (h->type != XML_ELEMENT_NODE) continue;
      elems++;
      if (!S_is(h, XHTML, "html"))
        S_problem(c, "item %ld: inlineXML holds <%s>, not an XHTML html element", k, (const char *)h->name);
      else if (!S_all_xhtml(h->children))
        S_problem(c, "item %ld: an element of the body is not in the XHTML namespace", k);
      else {
        const xmlNode *head = NULL, *body = NULL;
        for (const xmlNode *x = h->children; x; x = x->next) {
          if (S_is(x, XHTML, "head")) head = x;
          if (S_is(x, XHTML, "body")) body = x;
        }
        if (!head || !body) S_problem(c, "item %ld: the XHTML html lacks head or body", k);
      }
    }
    if (elems != 1) S_problem(c, "item %ld: inlineXML holds %d elements, want 1", k, elems);
    S_collect_xml_ids(ix->children, &xids, &n_xids, &cap);
  }
  /* inlineRef -> xml:id of this item */
  for (const xmlNode *ir = item->children; ir; ir = ir->next) {
    if (!S_is(ir, NAR, "inlineRef")) continue;
    char *refs = strdup(S_attr(ir, "idrefs", 0)), *save = NULL;
    for (char *t = strtok_r(refs, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
      int found = 0;
      for (size_t i = 0; i < n_xids && !found; i++) found = strcmp(xids[i], t) == 0;
      if (!found) S_problem(c, "item %ld: inlineRef idref \"%s\" names no xml:id of the item", k, t);
    }
    free(refs);
  }
  for (size_t i = 0; i < n_xids; i++) free(xids[i]);
  free(xids);
  if (r) S_check_record(c, k, item, r);
}

/* Checks one parsed document; records (may be NULL) are the items' sources. */
static void S_check_doc(S_checker *c, xmlDoc *doc, pp_record **recs, size_t n_recs) {
  if (c->schema) {
    xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(c->schema);
    xmlSchemaSetValidStructuredErrors(v, S_collect_error, c);
    int rc = xmlSchemaValidateDoc(v, doc);
    if (rc != 0 && c->problems == 0) S_problem(c, "not valid against the schema (%d)", rc);
    xmlSchemaFreeValidCtxt(v);
  }
  const xmlNode *root = xmlDocGetRootElement(doc);
  long k = 0;
  if (S_is(root, NAR, "newsItem")) {
    /* a --split or --item file: its record is the one with its recordId */
    const pp_record *r = n_recs == 1 ? recs[0] : NULL;
    if (n_recs > 1) {
      char *got = NULL;
      const xmlNode *im = S_child(root, "itemMeta");
      for (const xmlNode *p = im ? im->children : NULL; p; p = p->next)
        if (S_is(p, NAR, "itemMetaExtProperty") && strcmp(S_attr(p, "rel", 0), "pp-prop:recordId") == 0)
          got = strdup(S_attr(p, "value", 1));
      for (size_t i = 0; got && !r && i < n_recs; i++) {
        char *id = S_norm(recs[i]->id);
        if (strcmp(id, got) == 0) r = recs[i];
        free(id);
      }
      if (!r) S_problem(c, "no record has the recordId \"%s\"", got ? got : "(none)");
      free(got);
    }
    S_check_item(c, ++k, root, (pp_record *)r);
    if (recs && r) n_recs = 1;
  } else if (S_is(root, NAR, "newsMessage")) {
    const xmlNode *set = S_child(root, "itemSet");
    for (const xmlNode *it = set ? set->children : NULL; it; it = it->next)
      if (S_is(it, NAR, "newsItem")) {
        k++;
        S_check_item(c, k, it, recs && (size_t)k <= n_recs ? recs[k - 1] : NULL);
      }
  } else {
    S_problem(c, "the root is neither newsItem nor newsMessage");
  }
  if (recs && (size_t)k != n_recs) S_problem(c, "%ld items for %zu records", k, n_recs);
  S_check_unique_ids(c, doc);
  S_check_aliases(c, root);
}

static xmlDoc *S_parse(S_checker *c, const char *data, size_t len, const char *path) {
  xmlSetStructuredErrorFunc(c, S_collect_error);
  xmlDoc *doc = data ? xmlReadMemory(data, (int)len, "mem.xml", NULL, XML_PARSE_NONET)
                     : xmlReadFile(path, NULL, XML_PARSE_NONET);
  xmlSetStructuredErrorFunc(NULL, NULL);
  if (!doc && c->problems == 0) S_problem(c, "not well-formed");
  return doc;
}

static int S_load_catalog(S_checker *c, const char *path) {
  xmlDoc *doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
  if (!doc) return -1;
  const xmlNode *root = xmlDocGetRootElement(doc);
  for (const xmlNode *s = root ? root->children : NULL; s; s = s->next)
    if (S_is(s, NAR, "scheme")) {
      c->aliases = realloc(c->aliases, (c->n_aliases + 1) * sizeof *c->aliases);
      c->aliases[c->n_aliases++] = strdup(S_attr(s, "alias", 0));
    }
  xmlFreeDoc(doc);
  return c->n_aliases ? 0 : -1;
}

static int S_load_schema(S_checker *c, const char *xsd) {
  xmlSchemaParserCtxtPtr pc = xmlSchemaNewParserCtxt(xsd);
  if (!pc) return -1;
  c->schema = xmlSchemaParse(pc);
  xmlSchemaFreeParserCtxt(pc);
  return c->schema ? 0 : -1;
}

static pp_record **S_load_records(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  pp_jsonl_reader *rd = pp_jsonl_reader_new(f, path);
  pp_record **v = NULL;
  pp_error e = {0};
  *n = 0;
  for (;;) {
    pp_record *r = NULL;
    int rc = pp_jsonl_reader_next(rd, &r, &e);
    if (rc == PP_JSONL_EOF || rc == PP_JSONL_IO) break;
    if (rc == PP_JSONL_BAD) continue; /* rec2newsml skips bad lines too */
    v = realloc(v, (*n + 1) * sizeof *v);
    v[(*n)++] = r;
  }
  pp_error_clear(&e);
  pp_jsonl_reader_free(rd);
  fclose(f);
  return v;
}

static void S_free_records(pp_record **v, size_t n) {
  for (size_t i = 0; i < n; i++) pp_record_free(v[i]);
  free(v);
}

/* ---- self-test --------------------------------------------------------- */

/* Runs rec2newsml in-process; returns its exit status, output in *out. */
static int S_run(char **argv, int argc, char **out, size_t *out_len) {
  char *errs = NULL;
  size_t errs_len = 0;
  FILE *o = open_memstream(out, out_len);
  FILE *e = open_memstream(&errs, &errs_len);
  FILE *in = fopen("/dev/null", "rb");
  int rc = rec2newsml_main(argc, argv, in, o, e);
  fclose(in);
  fclose(o);
  fclose(e);
  if (errs_len) fprintf(stderr, "rec2newsml said: %s", errs);
  free(errs);
  return rc;
}

/* s with the first occurrence of from replaced by to (caller frees). */
static char *S_replace(const char *s, const char *from, const char *to) {
  const char *at = strstr(s, from);
  if (!at) return NULL;
  size_t a = (size_t)(at - s), lf = strlen(from), lt = strlen(to), ls = strlen(s);
  char *r = malloc(ls - lf + lt + 1);
  memcpy(r, s, a);
  memcpy(r + a, to, lt);
  memcpy(r + a + lt, at + lf, ls - a - lf + 1);
  return r;
}

/* s without the first [from .. to-end] span (caller frees). */
static char *S_cut(const char *s, const char *from, const char *to) {
  const char *a = strstr(s, from);
  const char *b = a ? strstr(a, to) : NULL;
  if (!b) return NULL;
  b += strlen(to);
  size_t ls = strlen(s);
  char *r = malloc(ls + 1);
  memcpy(r, s, (size_t)(a - s));
  memcpy(r + (a - s), b, ls - (size_t)(b - s) + 1);
  return r;
}

static int S_check_mem(S_checker *c, const char *xml, pp_record **recs, size_t n) {
  c->problems = 0;
  c->last[0] = '\0';
  xmlDoc *doc = S_parse(c, xml, strlen(xml), NULL);
  if (doc) {
    S_check_doc(c, doc, recs, n);
    xmlFreeDoc(doc);
  }
  return c->problems;
}

static int S_self_test(void) {
  const char *src = getenv("PP_SRC"), *shared = getenv("PP_SHARED");
  if (!src) {
    fprintf(stderr, "newsml_check: PP_SRC is not set (run through ctest)\n");
    return 1;
  }
  S_checker c = {0};
  c.provider = "presspipe.invalid";
  c.file = "self-test";
  char path[4096];
  snprintf(path, sizeof path, "%s/data/newsml/catalog.presspipe_1.xml", src);
  OK(S_load_catalog(&c, path) == 0);
  if (shared && *shared) {
    snprintf(path, sizeof path, "%s/schemas/newsml-g2/NewsML-G2_2.35-spec-All-Power.xsd", shared);
    OK(S_load_schema(&c, path) == 0);
  } else {
    printf("newsml_check: no PP_SHARED, schema validation left to the shell tests\n");
  }

  static const char *const fixtures[] = {"basic", "hard", "sparse", "many", "ids", NULL};
  char *basic = NULL;
  pp_record **basic_recs = NULL;
  size_t basic_n = 0;
  for (int i = 0; fixtures[i]; i++) {
    snprintf(path, sizeof path, "%s/fixtures/rec2newsml/%s.jsonl", src, fixtures[i]);
    char *argv[] = {"rec2newsml", "--sent", "2025-06-01T12:00:00Z", path, NULL};
    char *out = NULL;
    size_t len = 0;
    INT_EQ(S_run(argv, 4, &out, &len), 0);
    size_t n = 0;
    pp_record **recs = S_load_records(path, &n);
    OK(n > 0);
    c.file = fixtures[i];
    INT_EQ(S_check_mem(&c, out, recs, n), 0);
    /* the guid does not depend on the time or the run */
    char *argv2[] = {"rec2newsml", "--sent", "2030-01-01T00:00:00+05:00", path, NULL};
    char *out2 = NULL;
    size_t len2 = 0;
    INT_EQ(S_run(argv2, 4, &out2, &len2), 0);
    const char *g1 = strstr(out, "guid=\""), *g2 = strstr(out2, "guid=\"");
    OK(g1 && g2 && strncmp(g1, g2, strcspn(g1 + 6, "\"") + 7) == 0);
    free(out2);
    if (i == 0) {
      basic = out;
      basic_recs = recs;
      basic_n = n;
    } else {
      free(out);
      S_free_records(recs, n);
    }
  }

  /* Each mutation breaks one property; the checker must say so. */
  c.quiet = 1;
  c.file = "mutation";
  struct {
    const char *what;
    char *xml;
    const char *expect;
  } m[] = {
      {"body outside XHTML", S_replace(basic, " xmlns=\"http://www.w3.org/1999/xhtml\"", ""),
       "not an XHTML html"},
      {"one body element outside XHTML",
       S_replace(basic, "<p xml:id=\"i1-par1\">", "<p xmlns=\"urn:other\" xml:id=\"i1-par1\">"),
       "not in the XHTML namespace"},
      {"subject without assert", S_cut(basic, "<assert qcode=\"pp-geo:narva\"", "</assert>"),
       "has no assert"},
      {"duplicate id", S_replace(basic, "xml:id=\"i1-par1\"", "xml:id=\"i1-par0\""), "not unique"},
      {"dangling idref", S_replace(basic, "idrefs=\"i1-par1\"", "idrefs=\"i1-par9\""), "names no xml:id"},
      {"unknown alias", S_replace(basic, "nrol:alternate", "xrol:alternate"), "no referenced catalog"},
      {"person missing",
       S_replace(basic, "<name>Rustam Beisenov</name>\n        </subject>", "<name>Someone Else</name>\n        </subject>"),
       "person \"Rustam Beisenov\""},
      {"wrong guid", S_replace(basic, "presspipe.invalid:7f3a", "presspipe.invalid:8f3a"), "guid"},
      {"headline changed", S_replace(basic, "<headline>Engineers", "<headline>Plumbers"), "headline"},
  };
  for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
    OK(m[i].xml != NULL);
    if (!m[i].xml) continue;
    int got = S_check_mem(&c, m[i].xml, basic_recs, basic_n);
    if (got == 0 || !strstr(c.last, m[i].expect))
      fprintf(stderr, "mutation \"%s\": %d problems, last \"%s\", want \"%s\"\n", m[i].what, got,
              c.last, m[i].expect);
    OK(got > 0 && strstr(c.last, m[i].expect));
    free(m[i].xml);
  }
  if (c.schema) {
    char *bad = S_replace(basic, "<pubStatus qcode=\"stat:usable\"/>", "");
    char *bad2 = bad ? S_replace(bad, "<itemClass qcode=\"ninat:text\"/>",
                                 "<itemClass qcode=\"ninat:text\"/><pubStatus qcode=\"stat:usable\"/>")
                     : NULL;
    OK(bad2 && S_check_mem(&c, bad2, NULL, 0) > 0 && strstr(c.last, "line"));
    free(bad);
    free(bad2);
  }
  free(basic);
  S_free_records(basic_recs, basic_n);
  for (size_t i = 0; i < c.n_aliases; i++) free(c.aliases[i]);
  free(c.aliases);
  xmlSchemaFree(c.schema);
  return pp_test_done("newsml_check");
}

int main(int argc, char **argv) {
  S_default_loader = xmlGetExternalEntityLoader();
  xmlSetExternalEntityLoader(S_offline_loader);
  xmlSetGenericErrorFunc(NULL, S_silent);
  int rc;
  if (argc == 1) {
    rc = S_self_test();
    xmlCleanupParser();
    return rc;
  }
  S_checker c = {0};
  c.provider = "presspipe.invalid";
  const char *records = NULL;
  int i = 1;
  for (; i + 1 < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
    if (strcmp(argv[i], "--schema") == 0) {
      if (S_load_schema(&c, argv[i + 1]) != 0) {
        fprintf(stderr, "newsml_check: %s: schema did not compile\n", argv[i + 1]);
        return 2;
      }
    } else if (strcmp(argv[i], "--catalog") == 0) {
      if (S_load_catalog(&c, argv[i + 1]) != 0) {
        fprintf(stderr, "newsml_check: %s: no scheme in this catalog\n", argv[i + 1]);
        return 2;
      }
    } else if (strcmp(argv[i], "--records") == 0) {
      records = argv[i + 1];
    } else if (strcmp(argv[i], "--provider") == 0) {
      c.provider = argv[i + 1];
    } else {
      fprintf(stderr, "newsml_check: unknown option %s\n", argv[i]);
      return 2;
    }
  }
  size_t n_recs = 0;
  pp_record **recs = NULL;
  if (records && !(recs = S_load_records(records, &n_recs))) {
    fprintf(stderr, "newsml_check: %s: cannot read the records\n", records);
    return 2;
  }
  int docs = 0;
  for (; i < argc; i++) {
    c.file = argv[i];
    c.problems = 0;
    xmlDoc *doc = S_parse(&c, NULL, 0, argv[i]);
    if (doc) {
      S_check_doc(&c, doc, recs, n_recs);
      xmlFreeDoc(doc);
    }
    docs++;
  }
  printf("newsml_check: %d documents, %ld items%s, %d problems\n", docs, c.items,
         c.schema ? " (schema-validated)" : "", c.total_problems);
  S_free_records(recs, n_recs);
  for (size_t k = 0; k < c.n_aliases; k++) free(c.aliases[k]);
  free(c.aliases);
  xmlSchemaFree(c.schema);
  xmlCleanupParser();
  return c.total_problems ? 1 : 0;
}
