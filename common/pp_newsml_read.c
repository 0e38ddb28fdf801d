/* pp_newsml_read.c - NewsML-G2 items back to release records.
 *
 * The document is parsed into a tree (libxml2, no network, no entities, no
 * DTD), then every newsItem is read into a record: first the concepts
 * (subjects and their asserts, keyed by QCode), then the body (whose
 * paragraph ids the inlineRefs point at), then the metadata. Mapping:
 * docs/newsml.md, "Reading NewsML-G2".
 */
#define _POSIX_C_SOURCE 200809L

#include "pp_newsml_read.h"

#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pp_date.h"
#include "pp_sha256.h"
#include "pp_text.h"

/* ---- the parse -------------------------------------------------------- */

typedef struct {
  char *entity;  /* name of the first entity declared, or NULL */
  char *system;  /* its system identifier, when external */
  int external;  /* it is an external entity */
  long entity_line;
  char *message; /* first parser error */
  long line;
} S_parse;

static char *S_collapse(const char *s);

static void S_on_error(void *ud, xmlErrorPtr err) {
  xmlParserCtxtPtr ctxt = ud;
  S_parse *p = ctxt ? ctxt->_private : NULL;
  if (!p || p->message || !err || err->level < XML_ERR_ERROR) return;
  p->message = S_collapse(err->message ? err->message : "error");
  p->line = err->line;
}

static void S_on_entity(void *ud, const xmlChar *name, int type, const xmlChar *public_id,
                        const xmlChar *system_id, xmlChar *content) {
  (void)public_id, (void)content;
  xmlParserCtxtPtr ctxt = ud;
  S_parse *p = ctxt->_private;
  if (!p->entity) {
    p->entity = pp_xstrdup(name ? (const char *)name : "");
    p->external = system_id != NULL || type == XML_EXTERNAL_GENERAL_PARSED_ENTITY ||
                  type == XML_EXTERNAL_GENERAL_UNPARSED_ENTITY ||
                  type == XML_EXTERNAL_PARAMETER_ENTITY;
    p->system = pp_xstrdup((const char *)system_id);
    p->entity_line = xmlSAX2GetLineNumber(ctxt);
  }
  xmlStopParser(ctxt);
}

static void S_on_unparsed(void *ud, const xmlChar *name, const xmlChar *public_id,
                          const xmlChar *system_id, const xmlChar *notation) {
  (void)notation;
  S_on_entity(ud, name, XML_EXTERNAL_GENERAL_UNPARSED_ENTITY, public_id, system_id, NULL);
}

static void S_silent(void *ctx, const char *msg, ...) { (void)ctx, (void)msg; }

/* The document, or NULL with *e set. */
static xmlDocPtr S_parse_doc(const char *name, const unsigned char *data, size_t len, pp_error *e) {
  if (len > (size_t)PP_NEWSML_READ_MAX_BYTES) {
    pp_error_set(e, name, 0, "document of %zu bytes refused: the limit is %ld MiB", len,
                 PP_NEWSML_READ_MAX_BYTES / (1024 * 1024));
    return NULL;
  }
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt((const char *)data, (int)len);
  if (!ctxt) {
    pp_error_set(e, name, 0, "empty document");
    return NULL;
  }
  S_parse p = {0};
  ctxt->_private = &p;
  ctxt->sax->serror = S_on_error;
  ctxt->sax->error = S_silent;
  ctxt->sax->warning = S_silent;
  ctxt->sax->entityDecl = S_on_entity;
  ctxt->sax->unparsedEntityDecl = S_on_unparsed;
  ctxt->vctxt.error = S_silent;
  ctxt->vctxt.warning = S_silent;
  /* no XML_PARSE_NOENT, DTDLOAD, DTDATTR, XINCLUDE or HUGE */
  xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOWARNING);
  xmlParseDocument(ctxt);
  xmlDocPtr doc = ctxt->myDoc;
  int ok = ctxt->wellFormed && !p.entity && doc;
  if (!ok) {
    if (p.entity && p.external)
      pp_error_set(e, name, p.entity_line,
                   "external entity \"%s\" (%s) refused: nothing is read from files or the "
                   "network",
                   p.entity, p.system ? p.system : "no system id");
    else if (p.entity)
      pp_error_set(e, name, p.entity_line,
                   "entity \"%s\" declared in the DTD: refused (NewsML-G2 uses no entities; "
                   "entity expansion is not allowed)",
                   p.entity);
    else if (p.message && strstr(p.message, "Excessive depth"))
      pp_error_set(e, name, p.line, "elements nested deeper than 256: refused");
    else
      pp_error_set(e, name, p.line, "not well-formed XML: %s",
                   p.message ? p.message : "parse failed");
    if (doc) xmlFreeDoc(doc);
    doc = NULL;
  }
  ctxt->myDoc = NULL;
  free(p.entity);
  free(p.system);
  free(p.message);
  xmlFreeParserCtxt(ctxt);
  return doc;
}

/* ---- tree helpers ------------------------------------------------------ */

static int S_is(const xmlNode *n, const char *local) {
  return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

static xmlNode *S_next(xmlNode *n, const char *local) {
  for (; n; n = n->next)
    if (S_is(n, local)) return n;
  return NULL;
}

static xmlNode *S_child(const xmlNode *n, const char *local) {
  return n ? S_next(n->children, local) : NULL;
}

#define S_EACH(var, parent, local) \
  for (xmlNode *var = S_child(parent, local); var; var = S_next(var->next, local))

/* s with runs of white space made one space and the ends trimmed; NULL for
 * NULL (caller frees). */
static char *S_collapse(const char *s) {
  if (!s) return NULL;
  pp_buf b = PP_BUF_INIT;
  pp_buf_add(&b, "", 0);
  int space = 0;
  for (; *s; s++) {
    if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
      space = b.len > 0;
      continue;
    }
    if (space) pp_buf_addc(&b, ' ');
    space = 0;
    pp_buf_addc(&b, *s);
  }
  return pp_buf_detach(&b);
}

/* The attribute's value collapsed, NULL when absent (caller frees). */
static char *S_attr(const xmlNode *n, const char *name) {
  if (!n) return NULL;
  xmlChar *v = xmlGetNoNsProp(n, BAD_CAST name);
  char *s = S_collapse((const char *)v);
  xmlFree(v);
  return s;
}

static char *S_xml_id(const xmlNode *n) {
  xmlChar *v = xmlGetNsProp(n, BAD_CAST "id", XML_XML_NAMESPACE);
  if (!v) v = xmlGetNoNsProp(n, BAD_CAST "id");
  char *s = S_collapse((const char *)v);
  xmlFree(v);
  return s;
}

/* The element's text, collapsed; NULL when n is NULL. */
static char *S_content(const xmlNode *n) {
  if (!n) return NULL;
  xmlChar *v = xmlNodeGetContent(n);
  char *s = S_collapse(v ? (const char *)v : "");
  xmlFree(v);
  return s;
}

/* Like S_content, but NULL when empty. */
static char *S_text(const xmlNode *n) {
  char *s = S_content(n);
  if (s && !*s) {
    free(s);
    s = NULL;
  }
  return s;
}

/* The code part of a QCode ("ninat:text" -> "text"). */
static const char *S_code(const char *qcode) {
  if (!qcode) return "";
  const char *c = strchr(qcode, ':');
  return c ? c + 1 : qcode;
}

/* 1 when the QCode list in attribute attr of n holds a QCode whose code is
 * code (any alias), or exactly full when full is given. */
static int S_has_code(const xmlNode *n, const char *attr, const char *full, const char *code) {
  char *v = S_attr(n, attr);
  int found = 0;
  for (char *save = NULL, *t = v ? strtok_r(v, " ", &save) : NULL; t && !found;
       t = strtok_r(NULL, " ", &save))
    found = (full && strcmp(t, full) == 0) || (code && strcasecmp(S_code(t), code) == 0);
  free(v);
  return found;
}

/* 1 when the role attribute of n names a code containing word (any case). */
static int S_role_has(const xmlNode *n, const char *word) {
  char *v = S_attr(n, "role");
  int found = 0;
  for (char *p = v; p && *p && !found; p++) found = strncasecmp(p, word, strlen(word)) == 0;
  free(v);
  return found;
}

/* The text of the first <name> child with no role and no part, or with the
 * given role or part (codes, any alias). */
static char *S_name(const xmlNode *n, const char *role, const char *part) {
  S_EACH(c, n, "name") {
    int has_role = xmlHasProp(c, BAD_CAST "role") != NULL;
    int has_part = xmlHasProp(c, BAD_CAST "part") != NULL;
    int match = role ? S_has_code(c, "role", NULL, role)
                     : part ? S_has_code(c, "part", NULL, part) : !has_role && !has_part;
    if (match) {
      char *s = S_text(c);
      if (s) return s;
    }
  }
  return NULL;
}

/* A date YYYY-MM-DD from the start of an xs:date or xs:dateTime, or NULL. */
static char *S_day(const char *s) {
  if (!s || strlen(s) < 10) return NULL;
  for (int i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return NULL;
  if (s[10] && s[10] != 'T' && s[10] != 'Z' && s[10] != '+' && s[10] != '-') return NULL;
  int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
  if (!pp_date_valid(y, m, d)) return NULL;
  return pp_xstrndup(s, 10);
}

/* ---- one item ---------------------------------------------------------- */

typedef enum { S_PERSON, S_ORG, S_PLACE, S_WORK } S_kind;

typedef struct {
  char *qcode;
  S_kind kind;
  size_t index; /* into the record's list of that kind */
} S_concept;

typedef struct {
  const char *name;
  const unsigned char *data;
  size_t len;
  xmlNode *item;
  pp_record *r;
  int ours;           /* written by presspipe (a pp-prop:recordId) */
  S_concept *concepts;
  size_t n_concepts, cap_concepts;
  pp_strv par_ids;    /* xml:id of each body paragraph ("" when none) */
  pp_strv quote_ids;  /* xml:id of each quote's q element ("" when none) */
  char *first_h1;     /* the first h1/hl1 of the body, a headline fallback */
} S_item;

static const S_concept *S_find(const S_item *it, const char *qcode, int kind) {
  if (!qcode) return NULL;
  for (size_t i = 0; i < it->n_concepts; i++)
    if ((kind < 0 || (int)it->concepts[i].kind == kind) && strcmp(it->concepts[i].qcode, qcode) == 0)
      return &it->concepts[i];
  return NULL;
}

static void S_remember(S_item *it, const char *qcode, S_kind kind, size_t index) {
  if (!qcode || S_find(it, qcode, (int)kind)) return;
  pp_xgrow((void **)&it->concepts, &it->cap_concepts, it->n_concepts + 1, sizeof *it->concepts);
  S_concept *c = &it->concepts[it->n_concepts++];
  c->qcode = pp_xstrdup(qcode);
  c->kind = kind;
  c->index = index;
}

/* The item's assert about qcode, or NULL. */
static xmlNode *S_assert(const S_item *it, const char *qcode) {
  if (!qcode) return NULL;
  S_EACH(a, it->item, "assert") {
    char *q = S_attr(a, "qcode");
    if (!q) q = S_attr(a, "literal");
    int same = q && strcmp(q, qcode) == 0;
    free(q);
    if (same) return a;
  }
  return NULL;
}

/* The record id written in the assert's id ("i<N>.<id>"), or NULL. */
static char *S_entity_id(const xmlNode *a) {
  if (!a) return NULL;
  char *v = S_attr(a, "id");
  if (!v) return NULL;
  char *dot = v[0] == 'i' ? strchr(v, '.') : NULL;
  char *id = dot && dot[1] ? pp_xstrdup(dot + 1) : NULL;
  free(v);
  return id;
}

static void S_warn(S_item *it, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void S_warn(S_item *it, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  pp_strv_take(&it->r->warnings, pp_xvasprintf(fmt, ap));
  va_end(ap);
}

/* ---- the body ---- */

static int S_block(const xmlNode *n) {
  static const char *const names[] = {"p", "li", "pre", "blockquote", "h1", "h2", "h3", "h4",
                                      "h5", "h6", "hl1", "hl2", "dd", "dt", "td", NULL};
  for (int i = 0; names[i]; i++)
    if (S_is(n, names[i])) return 1;
  return 0;
}

static int S_has_block(const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (S_block(c) || S_has_block(c))) return 1;
  return 0;
}

/* The XHTML q elements inside paragraph n (of index par): quotes. */
static void S_quotes(S_item *it, const xmlNode *n, int par) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (!S_is(c, "q")) {
      S_quotes(it, c, par);
      continue;
    }
    char *text = S_text(c);
    if (!text) continue;
    pp_quote *q = pp_record_add_quote(it->r);
    q->text = text;
    q->paragraph = par;
    char *id = S_xml_id(c);
    pp_strv_take(&it->quote_ids, id ? id : pp_xstrdup(""));
  }
}

/* Paragraphs of an XHTML or NITF tree in document order: block elements
 * not holding blocks; h1 (NITF hl1), and an h2 or hl2 before the first
 * paragraph, are title matter, not body. */
static void S_blocks(S_item *it, const xmlNode *n) {
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (S_is(c, "head") || S_is(c, "script") || S_is(c, "style") || S_is(c, "title")) continue;
    if (!S_block(c) || S_has_block(c)) {
      S_blocks(it, c);
      continue;
    }
    int title = S_is(c, "h1") || S_is(c, "hl1") ||
                ((S_is(c, "h2") || S_is(c, "hl2")) && it->r->body.n == 0);
    char *s = S_content(c);
    if (title) {
      if (!it->first_h1 && (S_is(c, "h1") || S_is(c, "hl1")) && *s) it->first_h1 = pp_xstrdup(s);
      free(s);
      continue;
    }
    if (!*s && !it->ours) {
      free(s);
      continue;
    }
    pp_strv_take(&it->r->body, s);
    S_quotes(it, c, (int)it->r->body.n - 1);
    char *id = S_xml_id(c);
    pp_strv_take(&it->par_ids, id ? id : pp_xstrdup(""));
  }
}

/* Paragraphs of plain text: blank lines separate them; a text without
 * blank lines has a paragraph per line. */
static void S_plain(S_item *it, const char *text) {
  int blank = strstr(text, "\n\n") || strstr(text, "\r\n\r\n") || strstr(text, "\n \n");
  const char *p = text;
  while (*p) {
    const char *end = p;
    if (blank) {
      for (;;) {
        const char *nl = strchr(end, '\n');
        if (!nl) {
          end += strlen(end);
          break;
        }
        const char *q = nl + 1;
        while (*q == ' ' || *q == '\t' || *q == '\r') q++;
        if (*q == '\n' || !*q) {
          end = nl;
          break;
        }
        end = nl + 1;
      }
    } else {
      end = strchr(p, '\n');
      if (!end) end = p + strlen(p);
    }
    char *raw = pp_xstrndup(p, (size_t)(end - p));
    char *s = S_collapse(raw);
    free(raw);
    if (*s) {
      pp_strv_take(&it->r->body, s);
      pp_strv_push(&it->par_ids, "");
    } else {
      free(s);
    }
    p = *end ? end + 1 : end;
  }
}

static void S_body(S_item *it) {
  xmlNode *cs = S_child(it->item, "contentSet");
  if (!cs) {
    if (!it->ours) S_warn(it, "the item has no contentSet; no body text");
    return;
  }
  for (xmlNode *c = cs->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    char *type = S_attr(c, "contenttype");
    if (S_is(c, "inlineXML")) {
      S_blocks(it, c);
      if (it->r->body.n == 0)
        S_warn(it, "inlineXML (%s) holds no paragraphs", type ? type : "no contenttype");
    } else if (S_is(c, "inlineData")) {
      if (!type || strncasecmp(type, "text/plain", 10) == 0) {
        xmlChar *v = xmlNodeGetContent(c);
        S_plain(it, v ? (const char *)v : "");
        xmlFree(v);
        if (it->r->body.n == 0) S_warn(it, "inlineData holds no text");
      } else {
        S_warn(it, "inlineData of type %s not read", type);
      }
    } else if (S_is(c, "remoteContent")) {
      char *href = S_attr(c, "href");
      S_warn(it, "the content is remote (%s); not fetched", href ? href : "no href");
      free(href);
    }
    free(type);
    if (it->r->body.n) return;
  }
}

/* Adds the body paragraphs whose ids are in idrefs to m. */
static void S_mentions(const S_item *it, const char *idrefs, pp_intv *m) {
  char *v = pp_xstrdup(idrefs);
  for (char *save = NULL, *t = strtok_r(v, " ", &save); t; t = strtok_r(NULL, " ", &save))
    for (size_t i = 0; i < it->par_ids.n; i++)
      if (strcmp(it->par_ids.v[i], t) == 0) pp_intv_add_unique(m, (int)i);
  free(v);
}

static pp_intv *S_mentions_of(S_item *it, const S_concept *c) {
  pp_record *r = it->r;
  switch (c->kind) {
  case S_PERSON: return &r->participants[c->index].mentions;
  case S_ORG: return &r->organizations[c->index].mentions;
  case S_PLACE: return &r->places[c->index].mentions;
  default: return NULL;
  }
}

/* ---- concepts ---- */

/* The place kind a type QCode or name stands for, or NULL. */
static const char *S_place_kind(const char *word) {
  static const char *const map[][2] = {
      {"city", "city"},       {"town", "city"},         {"village", "city"},
      {"country", "country"}, {"nation", "country"},    {"continent", "continent"},
      {"statprov", "region"}, {"state", "region"},      {"province", "region"},
      {"region", "region"},   {"county", "region"},     {NULL, NULL}};
  if (!word) return NULL;
  for (int i = 0; map[i][0]; i++)
    if (strcasecmp(word, map[i][0]) == 0) return map[i][1];
  return NULL;
}

/* The name a subject gives its concept: the assert's, the subject's own,
 * or its literal. */
static char *S_concept_name(const xmlNode *subject, const xmlNode *a) {
  char *s = a ? S_name(a, NULL, NULL) : NULL;
  if (!s) s = S_name(subject, NULL, NULL);
  if (!s) s = S_attr(subject, "literal");
  return s;
}

static char *S_next_id(const char *prefix, size_t n) { return pp_xasprintf("%s%zu", prefix, n + 1); }

/* The organisation a personDetails/affiliation names: its name, its
 * record id when it is one of the item's organisations. */
static void S_affiliation(S_item *it, const xmlNode *details, char **org, char **org_id) {
  xmlNode *af = S_child(details, "affiliation");
  if (!af) return;
  char *q = S_attr(af, "qcode");
  const S_concept *c = S_find(it, q, S_ORG);
  *org = S_name(af, NULL, NULL);
  if (!*org) *org = S_attr(af, "literal");
  if (c) {
    const pp_organization *g = &it->r->organizations[c->index];
    if (!*org) *org = pp_xstrdup(g->name ? g->name : g->acronym);
    if (org_id) *org_id = pp_xstrdup(g->id);
  } else if (!*org) {
    xmlNode *a = S_assert(it, q);
    *org = a ? S_name(a, NULL, NULL) : NULL;
    if (!*org) S_warn(it, "affiliation %s has no name; left out", q ? q : "(no qcode)");
  }
  free(q);
}

static void S_person(S_item *it, const xmlNode *subject, const xmlNode *a, const char *qcode) {
  char *name = S_concept_name(subject, a);
  if (!name) {
    S_warn(it, "person %s has no name; left out", qcode ? qcode : "(no qcode)");
    return;
  }
  pp_record *r = it->r;
  pp_participant *p = pp_record_add_participant(r);
  p->id = S_entity_id(a);
  if (!p->id) p->id = S_next_id("p", r->n_participants - 1);
  p->name = name;
  if (a) {
    S_EACH(n, a, "name")
      if (S_has_code(n, "role", NULL, "alternate")) {
        char *s = S_text(n);
        if (s) pp_strv_take(&p->aliases, s);
      }
    p->honorific = S_name(a, NULL, "salutation");
    p->given_name = S_name(a, NULL, "given");
    p->family_name = S_name(a, NULL, "family");
    S_EACH(rel, a, "related")
      if (!p->role && S_has_code(rel, "rel", NULL, "jobTitle")) {
        p->role = S_attr(rel, "literal");
        if (!p->role) p->role = S_name(rel, NULL, NULL);
      }
    xmlNode *pd = S_child(a, "personDetails");
    if (pd) S_affiliation(it, pd, &p->organization, &p->organization_id);
  }
  if (!p->role) p->role = S_attr(subject, "jobtitle");
  S_remember(it, qcode, S_PERSON, r->n_participants - 1);
}

static void S_org(S_item *it, const xmlNode *subject, const xmlNode *a, const char *qcode) {
  char *name = a ? S_name(a, NULL, NULL) : NULL;
  char *acronym = a ? S_name(a, "short", NULL) : NULL;
  if (!name && !acronym) name = S_concept_name(subject, NULL);
  if (!name && !acronym) {
    S_warn(it, "organisation %s has no name; left out", qcode ? qcode : "(no qcode)");
    return;
  }
  pp_organization *g = pp_record_add_organization(it->r);
  g->id = S_entity_id(a);
  if (!g->id) g->id = S_next_id("o", it->r->n_organizations - 1);
  g->name = name;
  g->acronym = acronym;
  S_remember(it, qcode, S_ORG, it->r->n_organizations - 1);
}

static void S_place(S_item *it, const xmlNode *subject, const xmlNode *a, const char *qcode) {
  char *name = S_concept_name(subject, a);
  if (!name) {
    S_warn(it, "place %s has no name; left out", qcode ? qcode : "(no qcode)");
    return;
  }
  pp_place *l = pp_record_add_place(it->r);
  l->id = S_entity_id(a);
  if (!l->id) l->id = S_next_id("l", it->r->n_places - 1);
  l->name = name;
  if (qcode && strncmp(qcode, "iso3166-1a2:", 12) == 0 && strlen(qcode) == 14) {
    l->country = pp_xstrdup(qcode + 12);
    if (!it->ours) l->kind = pp_xstrdup("country");
  }
  for (int k = 0; k < 2 && !l->country; k++) {
    const xmlNode *src = k == 0 ? a : subject;
    S_EACH(b, src, "broader") {
      char *q = S_attr(b, "qcode");
      if (q && strncmp(q, "iso3166-1a2:", 12) == 0 && strlen(q) == 14)
        l->country = pp_xstrdup(q + 12);
      else if (!q && it->ours)
        l->country = S_attr(b, "literal");
      free(q);
      if (l->country) break;
    }
  }
  S_EACH(rel, a, "related")
    if (!l->kind && S_has_code(rel, "rel", "pp-rel:placeKind", NULL)) l->kind = S_attr(rel, "literal");
  if (!l->kind && a) {
    S_EACH(t, a, "type") {
      char *q = S_attr(t, "qcode");
      char *n = S_name(t, NULL, NULL);
      const char *k = S_place_kind(S_code(q));
      if (!k) k = S_place_kind(n);
      free(q);
      free(n);
      if (k) {
        l->kind = pp_xstrdup(k);
        break;
      }
    }
  }
  S_remember(it, qcode, S_PLACE, it->r->n_places - 1);
}

static void S_work(S_item *it, const xmlNode *subject, const xmlNode *a, const char *qcode) {
  char *title = S_concept_name(subject, a);
  if (!title) return;
  pp_work *w = pp_record_add_work(it->r);
  w->title = title;
  char *y = S_text(S_child(S_child(a, "objectDetails"), "created"));
  if (y && strlen(y) >= 4 && y[0] >= '0' && y[0] <= '9') w->year = atoi(y);
  free(y);
  S_remember(it, qcode, S_WORK, it->r->n_works - 1);
}

/* Subjects of the kinds the record holds, organisations first so people's
 * affiliations can point at them. */
static void S_subjects(S_item *it, const xmlNode *cm) {
  static const struct {
    const char *type;
    S_kind kind;
  } order[] = {{"organisation", S_ORG}, {"person", S_PERSON}, {"geoArea", S_PLACE},
               {"object", S_WORK}};
  for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
    S_EACH(s, cm, "subject") {
      if (!S_has_code(s, "type", NULL, order[k].type)) continue;
      char *q = S_attr(s, "qcode");
      if (!q) q = S_attr(s, "literal");
      if (q && S_find(it, q, (int)order[k].kind)) {
        free(q);
        continue;
      }
      xmlNode *a = S_assert(it, q);
      switch (order[k].kind) {
      case S_ORG: S_org(it, s, a, q); break;
      case S_PERSON: S_person(it, s, a, q); break;
      case S_PLACE: S_place(it, s, a, q); break;
      case S_WORK: S_work(it, s, a, q); break;
      }
      free(q);
    }
  }
  /* other producers may describe people only in asserts */
  if (!it->ours)
    S_EACH(a, it->item, "assert") {
      char *q = S_attr(a, "qcode");
      if (S_child(a, "personDetails") && !S_find(it, q, -1)) S_person(it, a, a, q);
      free(q);
    }
}

/* ---- metadata ---- */

static void S_issuer(S_item *it, const xmlNode *cm) {
  xmlNode *src = NULL;
  S_EACH(i, cm, "infoSource")
    if (!src && S_has_code(i, "role", "pp-role:issuer", NULL)) src = i;
  if (!src && !it->ours) {
    S_EACH(i, cm, "infoSource")
      if (!src && !S_has_code(i, "role", NULL, "mediaContact")) src = i;
    if (!src) src = S_child(cm, "creator");
  }
  if (!src) return;
  char *q = S_attr(src, "qcode");
  xmlNode *a = S_assert(it, q);
  free(q);
  char *name = S_name(src, NULL, NULL);
  if (!name && !it->ours && a) name = S_name(a, NULL, NULL);
  if (!name && !it->ours) name = S_attr(src, "literal");
  char *acronym = S_name(src, "short", NULL);
  if (!acronym && !it->ours && a) acronym = S_name(a, "short", NULL);
  xmlNode *od = S_child(src, "organisationDetails");
  if (!od && !it->ours && a) od = S_child(a, "organisationDetails");
  char *url = S_text(S_child(S_child(od, "contactInfo"), "web"));
  if (!url && !it->ours) url = S_attr(src, "uri");
  if (!name && !acronym && !url) return;
  it->r->issuer = pp_xcalloc(1, sizeof *it->r->issuer);
  it->r->issuer->name = name;
  it->r->issuer->acronym = acronym;
  it->r->issuer->url = url;
}

static void S_contacts(S_item *it, const xmlNode *cm) {
  S_EACH(i, cm, "infoSource") {
    if (!S_has_code(i, "role", NULL, "mediaContact")) continue;
    pp_contact *c = pp_record_add_contact(it->r);
    c->name = S_name(i, NULL, NULL);
    char *q = S_attr(i, "qcode");
    const S_concept *p = S_find(it, q, S_PERSON);
    if (p) c->participant = pp_xstrdup(it->r->participants[p->index].id);
    free(q);
    xmlNode *pd = S_child(i, "personDetails");
    S_affiliation(it, pd, &c->organization, NULL);
    xmlNode *ci = S_child(pd, "contactInfo");
    c->email = S_text(S_child(ci, "email"));
    c->phone = S_text(S_child(ci, "phone"));
  }
}

static void S_ext(S_item *it, const xmlNode *im) {
  pp_record *r = it->r;
  S_EACH(x, im, "itemMetaExtProperty") {
    char *rel = S_attr(x, "rel");
    char *v = S_attr(x, "value");
    char **slot = NULL;
    if (!rel || !v) {
    } else if (strcmp(rel, "pp-prop:recordId") == 0) {
      slot = &r->id;
      it->ours = 1;
    } else if (strcmp(rel, "pp-prop:sourceName") == 0) {
      slot = &r->source.name;
    } else if (strcmp(rel, "pp-prop:sourceSha256") == 0) {
      slot = &r->source.sha256;
    } else if (strcmp(rel, "pp-prop:sourceEncoding") == 0) {
      slot = &r->source.encoding;
    } else if (strcmp(rel, "pp-prop:sourceFormat") == 0) {
      slot = &r->source.format;
    } else if (strcmp(rel, "pp-prop:sourceBytes") == 0) {
      r->source.bytes = atoll(v);
    }
    if (slot && !*slot) {
      *slot = v;
      v = NULL;
    }
    free(rel);
    free(v);
  }
}

static void S_meta(S_item *it) {
  pp_record *r = it->r;
  xmlNode *im = S_child(it->item, "itemMeta");
  xmlNode *cm = S_child(it->item, "contentMeta");
  if (!cm) S_warn(it, "the item has no contentMeta");

  S_EACH(l, im, "link")
    if (!r->url && (S_has_code(l, "rel", NULL, "seeAlso") || S_has_code(l, "rel", NULL, "canonical")))
      r->url = S_attr(l, "href");
  S_EACH(n, im, "edNote")
    if (S_has_code(n, "role", "pp-ednote:parserWarning", NULL)) {
      char *s = S_text(n);
      if (s) pp_strv_take(&r->warnings, s);
    }

  char *tag = S_attr(S_child(cm, "language"), "tag");
  if (!tag) {
    xmlChar *v = xmlGetNsProp(it->item, BAD_CAST "lang", XML_XML_NAMESPACE);
    tag = S_collapse((const char *)v);
    xmlFree(v);
  }
  if (tag && (!*tag || strcmp(tag, "und") == 0)) {
    free(tag);
    tag = NULL;
  }
  r->language = tag;

  S_EACH(k, cm, "keyword")
    if (S_has_code(k, "role", "pp-kwrole:section", NULL) || (!it->ours && S_role_has(k, "section"))) {
      char *s = S_text(k);
      if (s) pp_strv_take(&r->sections, s);
    }
  xmlNode *g = S_child(cm, "genre");
  if (g) {
    r->genre = S_name(g, "alternate", NULL);
    if (!r->genre) r->genre = S_name(g, NULL, NULL);
    if (!r->genre) {
      char *q = S_attr(g, "qcode");
      if (q && *S_code(q)) {
        r->genre = pp_xstrdup(S_code(q));
        for (char *p = r->genre; *p; p++)
          if (*p == '_') *p = ' ';
      }
      free(q);
    }
  }

  S_EACH(h, cm, "headline") {
    int sub = xmlHasProp(h, BAD_CAST "role") != NULL;
    if (sub) {
      char *role = S_attr(h, "role");
      sub = role && strstr(S_code(role), "sub") != NULL;
      free(role);
    }
    char **slot = sub ? &r->subheadline : &r->headline;
    if (!*slot) *slot = S_text(h);
  }
  if (!r->subheadline) r->subheadline = S_text(S_child(cm, "subheadline"));
  if (!r->headline && !it->ours && it->first_h1) r->headline = pp_xstrdup(it->first_h1);
  if (!r->headline && !it->ours) S_warn(it, "the item has no headline");

  r->dateline.text = S_text(S_child(cm, "dateline"));
  xmlNode *loc = S_child(cm, "located");
  if (loc) {
    r->dateline.place = S_name(loc, NULL, NULL);
    if (!r->dateline.place) r->dateline.place = S_attr(loc, "literal");
    if (!r->dateline.place) {
      char *q = S_attr(loc, "qcode");
      S_warn(it, "located %s has no name; the dateline place is unknown", q ? q : "(no qcode)");
      free(q);
    }
  }
  char *cc = S_text(S_child(cm, "contentCreated"));
  r->dateline.date = S_day(cc);
  if (cc && !r->dateline.date) S_warn(it, "contentCreated \"%s\" is not a date; left out", cc);
  free(cc);
  if (!r->dateline.date && !it->ours) {
    char *fc = S_text(S_child(im, "firstCreated"));
    r->dateline.date = S_day(fc);
    free(fc);
  }

  S_issuer(it, cm);
  S_contacts(it, cm);
}

static void S_inline_refs(S_item *it) {
  S_EACH(ref, it->item, "inlineRef") {
    char *q = S_attr(ref, "qcode");
    char *ids = S_attr(ref, "idrefs");
    const S_concept *c = S_find(it, q, -1);
    pp_intv *m = c && ids ? S_mentions_of(it, c) : NULL;
    if (m) S_mentions(it, ids, m);
    /* a reference from a q element to a person: who said it */
    char *v = c && c->kind == S_PERSON && ids ? pp_xstrdup(ids) : NULL;
    for (char *save = NULL, *t = v ? strtok_r(v, " ", &save) : NULL; t; t = strtok_r(NULL, " ", &save))
      for (size_t k = 0; k < it->quote_ids.n; k++)
        if (strcmp(it->quote_ids.v[k], t) == 0 && !it->r->quotes[k].participant)
          it->r->quotes[k].participant = pp_xstrdup(it->r->participants[c->index].id);
    free(v);
    free(q);
    free(ids);
  }
}

/* Reads one newsItem; returns the record, or NULL with *why set when the
 * item is not text. */
static pp_record *S_read_item(const char *name, const unsigned char *data, size_t len,
                              xmlNode *item, long ordinal, pp_error *why) {
  xmlNode *im = S_child(item, "itemMeta");
  char *guid = S_attr(item, "guid");
  char *cls = S_attr(S_child(im, "itemClass"), "qcode");
  if (cls && strcmp(S_code(cls), "text") != 0) {
    pp_error_set(why, name, xmlGetLineNo(item), "newsItem \"%s\" is not text (itemClass %s); skipped",
                 guid ? guid : "", cls);
    free(guid);
    free(cls);
    return NULL;
  }
  S_item it = {0};
  it.name = name;
  it.data = data;
  it.len = len;
  it.item = item;
  it.r = pp_record_new();
  pp_record *r = it.r;
  S_ext(&it, im);
  if (!cls) S_warn(&it, "the item has no itemClass; read as text");
  if (!r->id) {
    /* the same item gives the same id: from its guid, else from the
     * document and the item's place in it */
    char hex[65], doc[65];
    char *key;
    if (guid) {
      key = pp_xstrdup(guid);
    } else {
      S_warn(&it, "the item has no guid");
      pp_sha256_hex(data, len, doc);
      key = pp_xasprintf("%s#%ld", doc, ordinal);
    }
    pp_sha256_hex(key, strlen(key), hex);
    free(key);
    r->id = pp_xasprintf("pr-%.16s", hex);
  }
  if (!it.ours) {
    char hex[65];
    pp_sha256_hex(data, len, hex);
    free(r->source.name);
    free(r->source.sha256);
    free(r->source.encoding);
    free(r->source.format);
    r->source.name = pp_xstrdup(name);
    r->source.sha256 = pp_xstrdup(hex);
    r->source.bytes = (long long)len;
    r->source.encoding = pp_xstrdup(item->doc && item->doc->encoding ? (const char *)item->doc->encoding : "UTF-8");
    r->source.format = pp_xstrdup("newsml");
  }
  S_body(&it);
  xmlNode *cm = S_child(item, "contentMeta");
  S_subjects(&it, cm);
  S_inline_refs(&it);
  S_meta(&it);
  for (size_t i = 0; i < it.n_concepts; i++) free(it.concepts[i].qcode);
  free(it.concepts);
  pp_strv_free(&it.par_ids);
  pp_strv_free(&it.quote_ids);
  free(it.first_h1);
  free(guid);
  free(cls);
  return r;
}

int pp_newsml_read(const char *name, const unsigned char *data, size_t len,
                   const pp_newsml_read_cb *cb, pp_error *e) {
  xmlDocPtr doc = S_parse_doc(name, data, len, e);
  if (!doc) return -1;
  xmlNode *root = xmlDocGetRootElement(doc);
  int rc = 0;
  long ordinal = 0;
  if (!S_is(root, "newsItem") && !S_is(root, "newsMessage")) {
    pp_error_set(e, name, root ? xmlGetLineNo(root) : 0,
                 "<%s> is not a NewsML-G2 newsMessage or newsItem", root ? (const char *)root->name : "");
    xmlFreeDoc(doc);
    return -1;
  }
  xmlNode *first = S_is(root, "newsItem") ? root : NULL;
  xmlNode *set = S_is(root, "newsMessage") ? S_child(root, "itemSet") : NULL;
  for (xmlNode *n = first ? first : set ? set->children : NULL; n && rc == 0;
       n = first ? NULL : n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    ordinal++;
    pp_error why = {0};
    if (!S_is(n, "newsItem")) {
      char *guid = S_attr(n, "guid");
      pp_error_set(&why, name, xmlGetLineNo(n), "%s%s%s%s is not a newsItem; skipped",
                   (const char *)n->name, guid ? " \"" : "", guid ? guid : "", guid ? "\"" : "");
      free(guid);
      if (cb->skipped) cb->skipped(&why, cb->ctx);
      pp_error_clear(&why);
      continue;
    }
    pp_record *r = S_read_item(name, data, len, n, ordinal, &why);
    if (!r) {
      if (cb->skipped) cb->skipped(&why, cb->ctx);
      pp_error_clear(&why);
      continue;
    }
    if (cb->item(r, cb->ctx) != 0) rc = 1;
  }
  if (rc == 0 && ordinal == 0) {
    pp_error_set(e, name, xmlGetLineNo(root), "the %s holds no item", (const char *)root->name);
    rc = -1;
  }
  xmlFreeDoc(doc);
  return rc;
}
