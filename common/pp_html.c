/* pp_html.c - reads an HTML page into the blocks of a plain-text release
 * and its metadata (pp_html.h; what is kept and dropped: docs/html.md).
 *
 * Three walks over libxml2's tree, none recursive (a page may nest
 * elements as deep as it likes):
 *   1. every node: <meta>, <link rel=canonical>, <title>, itemprop;
 *   2. the visible nodes of the document: the first <main>, the <body>,
 *      the <h1>s; then the visible nodes of the container (main or body):
 *      its text and its largest top-level <article>;
 *   3. the writer: the <h1> (or <title>) block, then the content root.
 */
#include "pp_html.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "pp_date.h"
#include "pp_text.h"

/* ---- sniffing ------------------------------------------------------------ */

/* The first bytes as ASCII: bytes (width 1) or UTF-16 units (width 2, hi is
 * the offset of the high byte). */
typedef struct {
  const unsigned char *b;
  size_t n;
  size_t start;
  size_t width;
  size_t hi;
} S_view;

/* The character at logical index i: ASCII, 0x80 for any other, -1 at the end. */
static int S_view_at(const S_view *v, size_t i) {
  if (i >= v->n) return -1;
  size_t off = v->start + i * v->width;
  if (off >= v->n || v->n - off < v->width) return -1;
  if (v->width == 1) return v->b[off];
  unsigned char hi = v->b[off + v->hi], lo = v->b[off + 1 - v->hi];
  return hi || lo >= 0x80 ? 0x80 : lo;
}

static int S_lower_ascii(int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

static int S_view_starts(const S_view *v, size_t i, const char *lit) {
  for (size_t k = 0; lit[k]; k++)
    if (S_lower_ascii(S_view_at(v, i + k)) != lit[k]) return 0;
  return 1;
}

/* The index just past the first lit at or after i, or SIZE_MAX. */
static size_t S_view_past(const S_view *v, size_t i, const char *lit) {
  for (; S_view_at(v, i) >= 0; i++)
    if (S_view_starts(v, i, lit)) return i + strlen(lit);
  return SIZE_MAX;
}

static int S_space(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

static int S_name_end(int c) { return c == -1 || S_space(c) || c == '>' || c == '/'; }

static int S_html_name(const char *name) {
  if (!name) return 0;
  const char *slash = strrchr(name, '/');
  const char *dot = strrchr(name, '.');
  if (!dot || (slash && dot < slash)) return 0;
  return strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0;
}

int pp_html_sniff(const unsigned char *b, size_t n, const char *name) {
  if (S_html_name(name)) return 1;
  if (!b) return 0;
  S_view v = {b, n, 0, 1, 0};
  if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
    v.start = 3;
  } else if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
    v.start = 2, v.width = 2, v.hi = 1;
  } else if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
    v.start = 2, v.width = 2, v.hi = 0;
  }
  size_t i = 0;
  for (;;) {
    while (S_space(S_view_at(&v, i))) i++;
    if (S_view_starts(&v, i, "<!--")) {
      i = S_view_past(&v, i + 4, "-->");
    } else if (S_view_starts(&v, i, "<?")) { /* an XML declaration */
      i = S_view_past(&v, i + 2, "?>");
    } else if (S_view_starts(&v, i, "<!doctype")) {
      i += 9;
      if (!S_space(S_view_at(&v, i))) return 0;
      while (S_space(S_view_at(&v, i))) i++;
      return S_view_starts(&v, i, "html") && S_name_end(S_view_at(&v, i + 4));
    } else {
      return S_view_starts(&v, i, "<html") && S_name_end(S_view_at(&v, i + 5));
    }
    if (i == SIZE_MAX) return 0;
  }
}

/* ---- element classes ---------------------------------------------------- */

static int S_in(const char *name, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strcmp(name, list[i]) == 0) return 1;
  return 0;
}

static const char *S_name(const xmlNode *n) {
  return n->type == XML_ELEMENT_NODE && n->name ? (const char *)n->name : "";
}

static int S_is(const xmlNode *n, const char *name) { return strcmp(S_name(n), name) == 0; }

/* Never text: scripts, page furniture, controls, embedded documents. */
static const char *const S_drop_tags[] = {
    "script", "style",  "noscript", "nav",    "aside",   "form",  "template", "svg",
    "math",   "iframe", "frame",    "frameset", "object", "embed", "canvas",  "audio",
    "video",  "map",    "button",   "select", "textarea", "input", "dialog",  "head",
    "title",  "footer", NULL};

/* Elements that start and end a block of text. */
static const char *const S_block_tags[] = {
    "address", "article", "aside",    "blockquote", "body",   "caption", "center",  "dd",
    "details", "dialog",  "dir",      "div",        "dl",     "dt",      "fieldset", "figcaption",
    "figure",  "footer",  "form",     "h1",         "h2",     "h3",      "h4",      "h5",
    "h6",      "header",  "hgroup",   "hr",         "html",   "legend",  "li",      "listing",
    "main",    "menu",    "nav",      "ol",         "p",      "plaintext", "pre",   "section",
    "summary", "table",   "tbody",    "tfoot",      "thead",  "tr",      "ul",      "xmp",
    NULL};

/* ARIA roles of page furniture. */
static const char *const S_drop_roles[] = {"navigation", "banner",  "contentinfo", "search",
                                           "complementary", "dialog", "alertdialog", "menubar",
                                           "toolbar", NULL};

/* The value of attribute name ("" when it has none), or NULL. */
static const char *S_attr(const xmlNode *n, const char *name) {
  if (n->type != XML_ELEMENT_NODE) return NULL;
  for (const xmlAttr *a = n->properties; a; a = a->next)
    if (a->name && strcasecmp((const char *)a->name, name) == 0)
      return a->children && a->children->content ? (const char *)a->children->content : "";
  return NULL;
}

/* Does the white-space separated list v hold tok (ASCII case-insensitive)? */
static int S_has_token(const char *v, const char *tok) {
  size_t tl = strlen(tok);
  while (v && *v) {
    while (S_space((unsigned char)*v)) v++;
    const char *b = v;
    while (*v && !S_space((unsigned char)*v)) v++;
    if ((size_t)(v - b) == tl && strncasecmp(b, tok, tl) == 0) return 1;
  }
  return 0;
}

static int S_role_in(const xmlNode *n, const char *const *roles) {
  const char *r = S_attr(n, "role");
  if (!r) return 0;
  for (int i = 0; roles[i]; i++)
    if (S_has_token(r, roles[i])) return 1;
  return 0;
}

static int S_role(const xmlNode *n, const char *role) {
  const char *r = S_attr(n, "role");
  return r && S_has_token(r, role);
}

/* hidden, aria-hidden=true, or an inline style of display:none or
 * visibility:hidden. */
static int S_hidden(const xmlNode *n) {
  if (S_attr(n, "hidden")) return 1;
  const char *a = S_attr(n, "aria-hidden");
  if (a && S_has_token(a, "true")) return 1;
  const char *st = S_attr(n, "style");
  if (st && *st) {
    pp_buf b = PP_BUF_INIT;
    for (const char *p = st; *p; p++)
      if (!S_space((unsigned char)*p)) pp_buf_addc(&b, (char)S_lower_ascii((unsigned char)*p));
    int h = b.data && (strstr(b.data, "display:none") || strstr(b.data, "visibility:hidden"));
    pp_buf_free(&b);
    if (h) return 1;
  }
  return 0;
}

/* A sectioning element: a <header> inside one introduces it (its heading,
 * its date) and is kept; a page's own <header> is a banner (the ARIA rule).
 * Every <footer> is furniture: tags, share links, copyright. */
static int S_sectioning(const xmlNode *n) {
  if (n->type != XML_ELEMENT_NODE) return 0;
  static const char *const tags[] = {"article", "main", "section", NULL};
  static const char *const roles[] = {"main", "article", "region", NULL};
  return S_in(S_name(n), tags) || S_role_in(n, roles);
}

/* Is the element left out, given sect sectioning ancestors? */
static int S_dropped(const xmlNode *n, int sect) {
  const char *name = S_name(n);
  if (S_in(name, S_drop_tags)) return 1;
  if (sect == 0 && strcmp(name, "header") == 0) return 1;
  return S_role_in(n, S_drop_roles) || S_hidden(n);
}

static int S_sect_above(const xmlNode *n) {
  int s = 0;
  for (; n && n->type != XML_DOCUMENT_NODE && n->type != XML_HTML_DOCUMENT_NODE; n = n->parent)
    s += S_sectioning(n);
  return s;
}

static int S_inside(const xmlNode *n, const xmlNode *anc) {
  for (; n; n = n->parent)
    if (n == anc) return 1;
  return 0;
}

/* ---- the visible walk ---------------------------------------------------- */

typedef struct {
  /* Called for each visible node; returns 1 to visit its children. */
  int (*enter)(void *ctx, xmlNode *n);
  /* Called after an entered element (children or not); may be NULL. */
  void (*leave)(void *ctx, xmlNode *n);
  void *ctx;
} S_visitor;

/* Visits the visible descendants of root in document order, without
 * recursion. */
static void S_walk(xmlNode *root, const S_visitor *v) {
  int sect = S_sect_above(root);
  xmlNode *n = root->children;
  while (n) {
    int visible = !(n->type == XML_ELEMENT_NODE && S_dropped(n, sect));
    if (visible && v->enter(v->ctx, n) && n->type == XML_ELEMENT_NODE && n->children) {
      sect += S_sectioning(n);
      n = n->children;
      continue;
    }
    for (;;) {
      if (visible && n->type == XML_ELEMENT_NODE && v->leave) v->leave(v->ctx, n);
      if (n->next) {
        n = n->next;
        break;
      }
      n = n->parent;
      if (!n || n == root) {
        n = NULL;
        break;
      }
      sect -= S_sectioning(n);
      visible = 1;
    }
  }
}

/* ---- the writer ------------------------------------------------------- */

/* Windows-1252 for the C1 range: pages labelled ISO-8859-1 (and numeric
 * references such as &#150;) mean these characters, as browsers read them.
 * 0: undefined, dropped. */
static const unsigned short S_cp1252_c1[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

typedef struct {
  pp_buf out;           /* the blocks written so far */
  pp_buf blk;           /* the block being written */
  int space;            /* white space is due before the next character */
  int pre;              /* inside <pre> */
  int cdata;            /* inside a literal <![CDATA[ ... ]]> */
  const xmlNode *skip;  /* the title <h1>, already written */
  const char *time_dt;  /* the first <time datetime> met */
} S_writer;

static void S_utf8_add(pp_buf *b, unsigned cp) {
  char s[3];
  if (cp < 0x800) {
    s[0] = (char)(0xC0 | (cp >> 6));
    s[1] = (char)(0x80 | (cp & 0x3F));
    pp_buf_add(b, s, 2);
  } else {
    s[0] = (char)(0xE0 | (cp >> 12));
    s[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    s[2] = (char)(0x80 | (cp & 0x3F));
    pp_buf_add(b, s, 3);
  }
}

static void S_text(S_writer *w, const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p;) {
    if (!w->cdata && strncmp((const char *)p, "<![CDATA[", 9) == 0) {
      w->cdata = 1;
      p += 9;
      continue;
    }
    if (w->cdata && strncmp((const char *)p, "]]>", 3) == 0) {
      w->cdata = 0;
      p += 3;
      continue;
    }
    unsigned char c = *p;
    if (w->pre && (c == '\n' || c == '\r')) {
      pp_buf_addc(&w->blk, '\n');
      p += c == '\r' && p[1] == '\n' ? 2 : 1;
      w->space = 0;
      continue;
    }
    if (S_space(c) && !(w->pre && (c == ' ' || c == '\t'))) {
      w->space = 1;
      p++;
      continue;
    }
    if (w->space && w->blk.len && w->blk.data[w->blk.len - 1] != '\n') pp_buf_addc(&w->blk, ' ');
    w->space = 0;
    if (c == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
      unsigned cp = S_cp1252_c1[p[1] - 0x80];
      if (cp) S_utf8_add(&w->blk, cp);
      p += 2;
      continue;
    }
    if (c < 0x80) {
      pp_buf_addc(&w->blk, (char)c);
      p++;
      continue;
    }
    /* libxml2 passes some malformed bytes through: U+FFFD for each */
    size_t rem = 1;
    while (rem < 4 && p[rem]) rem++;
    size_t k = pp_utf8_valid_seq(p, rem);
    if (k) {
      pp_buf_add(&w->blk, (const char *)p, k);
      p += k;
    } else {
      S_utf8_add(&w->blk, 0xFFFD);
      p++;
    }
  }
}

static void S_break(S_writer *w) {
  pp_buf_addc(&w->blk, '\n');
  w->space = 0;
}

/* Is the line s[0..n) only white space (a no-break space counts)? */
static int S_blank(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (S_space((unsigned char)s[i])) continue;
    if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
      i++;
      continue;
    }
    return 0;
  }
  return 1;
}

/* Ends the block: its lines trimmed, blank ones at the ends dropped, runs of
 * blank lines made one (a paragraph break, as two <br> are). */
static void S_flush(S_writer *w) {
  w->space = 0;
  if (!w->blk.len) return;
  pp_buf clean = PP_BUF_INIT;
  int blanks = 0;
  const char *p = w->blk.data;
  while (*p) {
    const char *e = strchr(p, '\n');
    if (!e) e = p + strlen(p);
    const char *b = p, *t = e;
    while (b < t && S_space((unsigned char)*b)) b++;
    while (t > b && S_space((unsigned char)t[-1])) t--;
    if (S_blank(b, (size_t)(t - b))) {
      blanks++;
    } else {
      if (clean.len) pp_buf_adds(&clean, blanks ? "\n\n" : "\n");
      pp_buf_add(&clean, b, (size_t)(t - b));
      blanks = 0;
    }
    p = *e ? e + 1 : e;
  }
  if (clean.len) {
    if (w->out.len) pp_buf_adds(&w->out, "\n\n");
    pp_buf_add(&w->out, clean.data, clean.len);
  }
  pp_buf_free(&clean);
  pp_buf_clear(&w->blk);
}

static int S_writer_enter(void *ctx, xmlNode *n) {
  S_writer *w = ctx;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    if (n->content) S_text(w, (const char *)n->content);
    return 0;
  }
  if (n->type != XML_ELEMENT_NODE) return 0;
  if (n == w->skip) return 0;
  const char *name = S_name(n);
  if (strcmp(name, "br") == 0) {
    S_break(w);
    return 0;
  }
  if (S_in(name, S_block_tags)) S_flush(w);
  if (strcmp(name, "pre") == 0 || strcmp(name, "listing") == 0 || strcmp(name, "xmp") == 0 ||
      strcmp(name, "plaintext") == 0)
    w->pre++;
  if ((strcmp(name, "td") == 0 || strcmp(name, "th") == 0) && w->blk.len) w->space = 1;
  if (strcmp(name, "time") == 0 && !w->time_dt) {
    const char *dt = S_attr(n, "datetime");
    if (dt && *dt) w->time_dt = dt;
  }
  return 1;
}

static void S_writer_leave(void *ctx, xmlNode *n) {
  S_writer *w = ctx;
  const char *name = S_name(n);
  if (n == w->skip) {
    S_flush(w);
    return;
  }
  if (S_in(name, S_block_tags)) S_flush(w);
  if (w->pre && (strcmp(name, "pre") == 0 || strcmp(name, "listing") == 0 ||
                 strcmp(name, "xmp") == 0 || strcmp(name, "plaintext") == 0))
    w->pre--;
  if (strcmp(name, "td") == 0 || strcmp(name, "th") == 0) w->space = 1;
}

static void S_writer_free(S_writer *w) {
  pp_buf_free(&w->out);
  pp_buf_free(&w->blk);
}

/* The visible text of an element's subtree, as one block or more (caller
 * frees; "" when none). */
static char *S_element_text(xmlNode *n) {
  S_writer w = {0};
  S_visitor v = {S_writer_enter, S_writer_leave, &w};
  S_walk(n, &v);
  S_flush(&w);
  char *s = pp_buf_detach(&w.out);
  S_writer_free(&w);
  return s ? s : pp_xstrdup("");
}

/* A metadata string: white space collapsed, C1 characters as Windows-1252;
 * NULL when empty (caller frees). */
static char *S_clean(const char *s) {
  if (!s) return NULL;
  S_writer w = {0};
  S_text(&w, s);
  S_flush(&w);
  char *r = pp_buf_detach(&w.out);
  S_writer_free(&w);
  if (r && !*r) {
    free(r);
    return NULL;
  }
  for (char *p = r; p && *p; p++)
    if (*p == '\n') *p = ' ';
  return r;
}

/* ---- walk 1: metadata ---------------------------------------------------- */

typedef struct {
  const char *og_title, *og_url, *og_site, *canonical;
  const char *date_article, *date_itemprop, *date_dc;
  xmlNode *title, *itemprop_node;
} S_meta;

static const char *const S_article_date_keys[] = {"article:published_time",
                                                  "og:article:published_time",
                                                  "og:published_time", NULL};
static const char *const S_dc_date_keys[] = {"dc.date", "dc.date.issued", "dcterms.date",
                                             "dcterms.issued", "dcterms.created", NULL};

static int S_in_ci(const char *s, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strcasecmp(s, list[i]) == 0) return 1;
  return 0;
}

static void S_meta_node(S_meta *m, xmlNode *n) {
  const char *name = S_name(n);
  const char *ip = S_attr(n, "itemprop");
  if (ip && S_has_token(ip, "datePublished") && !m->date_itemprop && !m->itemprop_node) {
    const char *v = S_attr(n, "content");
    if (!v) v = S_attr(n, "datetime");
    if (v && *v)
      m->date_itemprop = v;
    else
      m->itemprop_node = n;
  }
  if (strcmp(name, "meta") == 0) {
    const char *key = S_attr(n, "property");
    if (!key || !*key) key = S_attr(n, "name");
    const char *content = S_attr(n, "content");
    if (!key || !content || !*content) return;
    if (!m->og_title && strcasecmp(key, "og:title") == 0) m->og_title = content;
    if (!m->og_url && strcasecmp(key, "og:url") == 0) m->og_url = content;
    if (!m->og_site && strcasecmp(key, "og:site_name") == 0) m->og_site = content;
    if (!m->date_article && S_in_ci(key, S_article_date_keys)) m->date_article = content;
    if (!m->date_dc && (S_in_ci(key, S_dc_date_keys) || strcasecmp(key, "date") == 0))
      m->date_dc = content;
  } else if (strcmp(name, "link") == 0) {
    const char *rel = S_attr(n, "rel"), *href = S_attr(n, "href");
    if (!m->canonical && rel && href && S_has_token(rel, "canonical")) m->canonical = href;
  } else if (strcmp(name, "title") == 0 && !m->title && n->parent &&
             (S_is(n->parent, "head") || S_is(n->parent, "html"))) {
    m->title = n;
  }
}

static void S_meta_scan(xmlDoc *doc, S_meta *m) {
  xmlNode *root = (xmlNode *)doc;
  xmlNode *n = root->children;
  while (n) {
    if (n->type == XML_ELEMENT_NODE) {
      S_meta_node(m, n);
      if (n->children) {
        n = n->children;
        continue;
      }
    }
    while (n && !n->next) {
      n = n->parent;
      if (n == root) n = NULL;
    }
    if (n) n = n->next;
  }
}

/* ---- walk 2: where the content is ----------------------------------------- */

enum { S_MAX_H1 = 64 };

typedef struct {
  xmlNode *main, *body;
  xmlNode *h1[S_MAX_H1];
  size_t nh1;
} S_layout;

static int S_layout_enter(void *ctx, xmlNode *n) {
  S_layout *l = ctx;
  if (n->type != XML_ELEMENT_NODE) return 0;
  const char *name = S_name(n);
  if (!l->body && strcmp(name, "body") == 0) l->body = n;
  if (!l->main && (strcmp(name, "main") == 0 || S_role(n, "main"))) l->main = n;
  if (strcmp(name, "h1") == 0 && l->nh1 < S_MAX_H1) l->h1[l->nh1++] = n;
  return 1;
}

/* Text bytes of the container and of each top-level article. */
typedef struct {
  size_t total;
  int depth;          /* open articles */
  xmlNode *cur;       /* the top-level article being read */
  size_t cur_len;
  xmlNode *best;
  size_t best_len;
  const char *time_dt; /* the first visible <time datetime> */
} S_score;

static int S_is_article(const xmlNode *n) { return S_is(n, "article") || S_role(n, "article"); }

static size_t S_text_len(const char *s) {
  size_t k = 0;
  for (; *s; s++) k += !S_space((unsigned char)*s);
  return k;
}

static int S_score_enter(void *ctx, xmlNode *n) {
  S_score *s = ctx;
  if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
    size_t k = n->content ? S_text_len((const char *)n->content) : 0;
    s->total += k;
    if (s->depth) s->cur_len += k;
    return 0;
  }
  if (n->type != XML_ELEMENT_NODE) return 0;
  if (S_is_article(n)) {
    if (s->depth++ == 0) {
      s->cur = n;
      s->cur_len = 0;
    }
  }
  if (!s->time_dt && S_is(n, "time")) {
    const char *dt = S_attr(n, "datetime");
    if (dt && *dt) s->time_dt = dt;
  }
  return 1;
}

static void S_score_leave(void *ctx, xmlNode *n) {
  S_score *s = ctx;
  if (!S_is_article(n) || s->depth == 0) return;
  if (--s->depth == 0 && s->cur_len > s->best_len) {
    s->best = s->cur;
    s->best_len = s->cur_len;
  }
}

/* ---- metadata values ------------------------------------------------------ */

/* An absolute http(s) URL, trimmed (caller frees), or NULL. */
static char *S_abs_url(const char *s) {
  if (!s) return NULL;
  while (S_space((unsigned char)*s)) s++;
  size_t n = strlen(s);
  while (n && S_space((unsigned char)s[n - 1])) n--;
  if (!(n > 7 && strncasecmp(s, "http://", 7) == 0) && !(n > 8 && strncasecmp(s, "https://", 8) == 0))
    return NULL;
  const char *host = s + (s[4] == ':' ? 7 : 8);
  if (*host == '/' || *host == '?' || *host == '#' || S_space((unsigned char)*host)) return NULL;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] <= 0x20 || s[i] == 0x7F) return NULL;
  return pp_xstrndup(s, n);
}

/* A date as YYYY-MM-DD (caller frees), or NULL: ISO 8601 or any form
 * pp_date reads, at the start or anywhere in the value. */
static char *S_date(const char *v) {
  if (!v) return NULL;
  char *s = S_clean(v);
  if (!s) return NULL;
  size_t n = strlen(s), off = 0, len = 0;
  pp_ymd d = {0, 0, 0};
  char iso[11];
  int ok = (pp_date_match(s, n, &d) > 0 && d.y > 0) || pp_date_find(s, n, 1, &d, &off, &len);
  free(s);
  if (!ok || pp_date_iso(&d, iso) != 0) return NULL;
  return pp_xstrdup(iso);
}

/* The labels browsers read as windows-1252 (the WHATWG Encoding Standard).
 * libxml2 is then told ISO-8859-1, which never fails (iconv's CP1252
 * rejects five bytes a browser accepts), and the writer maps the C1 range
 * to the windows-1252 characters. */
static const char *const S_cp1252_labels[] = {
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1",
    "iso-ir-100", "l1", "latin1", "csisolatin1", "cp819", "ibm819", "us-ascii", "ascii",
    "ansi_x3.4-1968", "iso-8859-1:1987", NULL};

/* The label after "encoding" or "charset" at p (up to end), or NULL
 * (caller frees). */
static char *S_label_at(const char *p, const char *end) {
  while (p < end && S_space((unsigned char)*p)) p++;
  if (p >= end || *p != '=') return NULL;
  p++;
  while (p < end && S_space((unsigned char)*p)) p++;
  if (p < end && (*p == '"' || *p == '\'')) p++;
  const char *b = p;
  while (p < end && p - b < 40 && (((*p | 32) >= 'a' && (*p | 32) <= 'z') || (*p >= '0' && *p <= '9') ||
                                   *p == '-' || *p == '_' || *p == '.' || *p == ':'))
    p++;
  return p > b ? pp_xstrndup(b, (size_t)(p - b)) : NULL;
}

static const char *S_find_ci(const char *s, const char *end, const char *lit) {
  size_t n = strlen(lit);
  for (; s + n <= end; s++)
    if (strncasecmp(s, lit, n) == 0) return s;
  return NULL;
}

/* The encoding to impose on libxml2 (static string), or NULL to let it
 * read the BOM and the meta charset itself: ISO-8859-1 when the page's
 * first <meta charset> (or http-equiv Content-Type) in its first 4 KB,
 * else its XML declaration, names a windows-1252 label. */
static const char *S_forced_encoding(const unsigned char *b, size_t n) {
  if (n >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF))) return NULL;
  if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) return NULL;
  const char *s = (const char *)b, *end = s + (n < 4096 ? n : 4096);
  char *label = NULL;
  for (const char *m = s; !label && (m = S_find_ci(m, end, "<meta")); m += 5) {
    const char *close = memchr(m, '>', (size_t)(end - m));
    const char *tag_end = close ? close : end;
    const char *c = S_find_ci(m, tag_end, "charset");
    if (c) label = S_label_at(c + 7, tag_end);
  }
  if (!label && n > 6 && memcmp(b, "<?xml", 5) == 0) {
    const char *close = S_find_ci(s, end, "?>");
    const char *c = S_find_ci(s, close ? close : end, "encoding");
    if (c) label = S_label_at(c + 8, close ? close : end);
  }
  int cp1252 = label && S_in_ci(label, S_cp1252_labels);
  free(label);
  return cp1252 ? "ISO-8859-1" : NULL;
}

/* libxml2 reports encoding errors on stderr by itself, whatever the parse
 * options; the library returns errors instead, so its handlers are muted
 * while it parses (they are per thread in libxml2). */
typedef struct {
  xmlGenericErrorFunc generic;
  void *generic_ctx;
  xmlStructuredErrorFunc structured;
  void *structured_ctx;
} S_handlers;

static void S_mute_generic(void *ctx, const char *fmt, ...) { (void)ctx, (void)fmt; }

static void S_mute_structured(void *ctx, xmlErrorPtr err) { (void)ctx, (void)err; }

/* ---- the read ----------------------------------------------------------- */

int pp_html_read(const unsigned char *b, size_t n, pp_html_doc *out, pp_error *e) {
  memset(out, 0, sizeof *out);
  if (n > INT_MAX) {
    pp_error_set(e, NULL, 0, "HTML page too large (%zu bytes)", n);
    return -1;
  }
  xmlInitParser();
  S_handlers h = {xmlGenericError, xmlGenericErrorContext, xmlStructuredError,
                  xmlStructuredErrorContext};
  xmlSetGenericErrorFunc(NULL, S_mute_generic);
  xmlSetStructuredErrorFunc(NULL, S_mute_structured);
  htmlDocPtr doc = htmlReadMemory((const char *)b, (int)n, NULL, S_forced_encoding(b, n),
                                  HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  xmlSetGenericErrorFunc(h.generic_ctx, h.generic);
  xmlSetStructuredErrorFunc(h.structured_ctx, h.structured);
  if (!doc) {
    pp_error_set(e, NULL, 0, "not an HTML page: libxml2 could not parse it");
    return -1;
  }

  S_meta m = {0};
  S_meta_scan(doc, &m);

  S_layout l = {0};
  S_visitor lv = {S_layout_enter, NULL, &l};
  S_walk((xmlNode *)doc, &lv);

  /* the container: <main>, else <body>, else the document; the content
   * root: its largest top-level <article> when that holds half its text */
  xmlNode *container = l.main ? l.main : l.body ? l.body : (xmlNode *)doc;
  S_score sc = {0};
  S_visitor sv = {S_score_enter, S_score_leave, &sc};
  S_walk(container, &sv);
  if (l.main && sc.total == 0 && l.body) {
    container = l.body;
    memset(&sc, 0, sizeof sc);
    S_walk(container, &sv);
  }
  xmlNode *root = container;
  if (sc.best && sc.best_len * 2 >= sc.total) root = sc.best;

  /* the title block: the first <h1> with text, in the content root if one
   * is there; else the <title> */
  S_writer w = {0};
  char *h1_text = NULL;
  for (int pass = 0; pass < 2 && !h1_text; pass++) {
    for (size_t i = 0; i < l.nh1; i++) {
      if (pass == 0 && !S_inside(l.h1[i], root)) continue;
      char *t = S_element_text(l.h1[i]);
      if (*t) {
        h1_text = t;
        w.skip = l.h1[i];
        break;
      }
      free(t);
    }
  }
  char *title_text = NULL;
  if (m.title) {
    xmlChar *c = xmlNodeGetContent(m.title);
    title_text = S_clean((const char *)c);
    xmlFree(c);
  }
  const char *first = h1_text ? h1_text : title_text;
  if (first) {
    pp_buf_adds(&w.out, first);
  }
  S_visitor wv = {S_writer_enter, S_writer_leave, &w};
  S_walk(root, &wv);
  S_flush(&w);
  pp_buf_addc(&w.out, '\n');
  if (w.out.len == 1) pp_buf_clear(&w.out);
  out->text = pp_buf_detach(&w.out);
  if (!out->text) out->text = pp_xstrdup("");

  out->title = S_clean(m.og_title);
  if (!out->title) out->title = pp_xstrdup(title_text);
  out->url = S_abs_url(m.canonical);
  if (!out->url) out->url = S_abs_url(m.og_url);
  out->site_name = S_clean(m.og_site);

  out->date = S_date(m.date_article);
  if (!out->date) out->date = S_date(m.date_itemprop);
  if (!out->date && m.itemprop_node) {
    xmlChar *c = xmlNodeGetContent(m.itemprop_node);
    out->date = S_date((const char *)c);
    xmlFree(c);
  }
  if (!out->date) out->date = S_date(w.time_dt);
  if (!out->date) out->date = S_date(sc.time_dt);
  if (!out->date) out->date = S_date(m.date_dc);

  free(h1_text);
  free(title_text);
  S_writer_free(&w);
  xmlFreeDoc(doc);
  return 0;
}

void pp_html_doc_free(pp_html_doc *d) {
  if (!d) return;
  free(d->text);
  free(d->title);
  free(d->url);
  free(d->date);
  free(d->site_name);
  memset(d, 0, sizeof *d);
}

void pp_html_init(void) { xmlInitParser(); }
