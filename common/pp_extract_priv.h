/* pp_extract_priv.h - what the rule families of the extraction share: the
 * token stream of a paragraph, the document under construction (people,
 * organisations, places found so far), the small inline tests on tokens,
 * and the functions one rule family offers the others.
 *
 * The families: pp_extract_tok.c (tokens and token tests), _places.c,
 * _orgs.c, _names.c (people), _roles.c, _quotes.c (works and quotes),
 * _contacts.c; pp_extract.c runs them in order and resolves what they found
 * into the record (ids, links). */
#ifndef PP_EXTRACT_PRIV_H
#define PP_EXTRACT_PRIV_H

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pp_extract.h"
#include "pp_lang_priv.h"

/* Classes that are evidence about a word, not a role it plays: a token
 * with only these is "not in the lexicon" for the rules that ask. */
#define LX_EVID \
  (PP_LX_COMMON | PP_LX_GIVEN | PP_LX_FAMILY | PP_LX_FURNITURE | PP_LX_LEGAL | PP_LX_NOTORG)

/* ---------------------------------------------------------------- tokens */

enum {
  T_WORD = 1u << 0,
  T_CAP = 1u << 1,     /* first letter upper case */
  T_ALLCAPS = 1u << 2, /* two or more letters, all upper case */
  T_LOWER = 1u << 3,   /* first letter lower case */
  T_NUM = 1u << 4,     /* starts with a digit */
  T_PUNCT = 1u << 5,
  T_INITIAL = 1u << 6, /* "E." or "R.J." */
  T_POSS = 1u << 7,    /* the "'s" of a possessive */
  T_SENT = 1u << 8,    /* first token of a sentence */
  T_DOT = 1u << 9,     /* a full stop belongs to the word ("Sen.") */
  T_PLURAL = 1u << 10, /* a role word in the plural ("Specialists") */
  T_AT = 1u << 11,     /* contains '@' */
  T_NOTNAME = 1u << 12, /* a demonym ("Asian") or a plural head ("Systems") */
  T_NT = 1u << 13       /* may be a word of a name (is_nt, less what claims it) */
};

typedef struct {
  int s, e; /* bytes [s, e) of the text */
  unsigned f;
  unsigned cls; /* lexicon classes of the token alone */
  const pp_lexent *lx;
  int org, place, person; /* indexes of what claimed the token, -1 */
  int ks, kl;             /* the token's lexicon key in xpara.keys */
  unsigned wl;            /* W_* : the token is in CONNECT, PREP, DET */
} xtok;

typedef struct {
  const char *text;
  int len;
  xtok *t;
  int n, cap;
  int para; /* body index, -1: not in the body */
  pp_buf keys; /* the tokens' normalised keys, NUL-separated */
} xpara;

#define PP_HOT static inline __attribute__((always_inline))

/* Latin-1 Supplement and Latin Extended-A folded to ASCII (upper case kept
 * upper); '*' where there is no letter. */
static const char fold_c0[] = "AAAAAAACEEEEIIIIDNOOOOO*OUUUUYTsaaaaaaaceeeeiiiidnooooo*ouuuuyty";

/* Tokens longer than this take pp_lang_norm's own path, with its limits
 * (a 256-byte key); shorter ones can never reach them. */
enum { KEY_FAST = 250 };

/* ASCII bytes: AC_ALPHA, AC_UPPER, AC_ALNUM (the C locale's classes). */
enum { AC_ALPHA = 1u, AC_UPPER = 2u, AC_ALNUM = 4u };

/* The words of CONNECT, PREP and DET (below), by length. */
enum { W_CONNECT = 1u, W_PREP = 2u, W_DET = 4u, W_DONE = 8u };
typedef struct {
  const char *w;
  unsigned bits;
} wlword;
static const wlword WL1[] = {{"a", W_DET}, {NULL, 0}};
static const wlword WL2[] = {{"of", W_CONNECT | W_PREP}, {"on", W_CONNECT | W_PREP},
                             {"to", W_CONNECT | W_PREP}, {"in", W_CONNECT | W_PREP},
                             {"at", W_CONNECT | W_PREP}, {"de", W_CONNECT},
                             {"an", W_DET},              {"my", W_DET},
                             {NULL, 0}};
static const wlword WL3[] = {{"for", W_CONNECT | W_PREP}, {"the", W_CONNECT | W_DET},
                             {"and", W_CONNECT},          {"his", W_DET},
                             {"her", W_DET},              {"its", W_DET},
                             {"our", W_DET},              {"new", W_DET},
                             {NULL, 0}};
static const wlword WL4[] = {{"from", W_PREP}, {"with", W_PREP}, {"late", W_DET},
                             {"then", W_DET},  {"your", W_DET},  {NULL, 0}};
static const wlword WL5[] = {{"their", W_DET}, {NULL, 0}};
static const wlword WL7[] = {{"current", W_DET}, {NULL, 0}};
static const wlword WL8[] = {{"incoming", W_DET}, {"outgoing", W_DET}, {NULL, 0}};

static inline unsigned wl_bits(const char *key, int kn) {
  const wlword *L;
  switch (kn) {
    case 1: L = WL1; break;
    case 2: L = WL2; break;
    case 3: L = WL3; break;
    case 4: L = WL4; break;
    case 5: L = WL5; break;
    case 7: L = WL7; break;
    case 8: L = WL8; break;
    default: return 0;
  }
  for (; L->w; L++) {
    int j = 0;
    while (j < kn && L->w[j] == key[j]) j++;
    if (j == kn) return L->bits;
  }
  return 0;
}

static const char *const CONNECT[] = {"of", "for", "on", "to", "the", "in", "at", "and", "de", NULL};
static const char *const PREP[] = {"of", "for", "on", "to", "in", "at", "from", "with", NULL};

/* A folded name cut into its words (at most 8, of its first 255 bytes). */
typedef struct {
  char buf[256];
  char *w[8];
  int n;
} xsplit;

typedef struct {
  char *name;
  char *fold;
  xsplit *fs; /* fold's words */
  pp_strv aliases;
  pp_strv alias_folds;
  char *hon, *role, *org;
  int quality; /* of the role: 0 none, 1 a title, 2 a role, 3 a role with org/appositive */
  int surname_seen; /* a later mention by the last word alone */
  pp_intv mentions;
} xperson;

typedef struct {
  char *name, *acronym, *fold, *canon; /* canon: lexicon's full name */
  pp_intv mentions;
} xorg;

typedef struct {
  char *name, *fold;
  char cc[3];
  int country;
  char kind; /* 'n' country, 'c' city, 'r' region, 'k' continent, 'o' other, 0 unknown */
  pp_intv mentions;
} xplace;

typedef struct {
  int para, tok, person;
} xmention;

typedef struct {
  const pp_lang *lex;
  pp_record *r;
  xpara *paras;
  int npara;
  xperson *pp;
  int np, capp;
  xorg *oo;
  int no, capo;
  xplace *ll;
  int nl, capl;
  xmention *mm;
  int nm, capm;
  /* the words of every person's names -> the persons (ascending), so a new
   * mention is compared only with the persons it shares a word with */
  struct xwordent *wx;
  size_t wx_n, wx_cap;
} xdoc;

typedef struct xwordent {
  char *word;
  pp_intv ids;
} xwordent;

enum { M_NONE, M_SAME, M_VARIANT, M_SHORT, M_LONGER };

/* ------------------------------------------------ shared between families */

void pp_x_tokenize(xpara *P, const pp_lang *lex);

char *pp_x_span_str(const xpara *P, int a, int b);

char *pp_x_fold_str(const char *s);

int pp_x_lex_longest(const xpara *P, const pp_lang *lex, int k, unsigned mask,
                       const pp_lexent **out);

int pp_x_edit_distance(const char *a, const char *b);

char *pp_x_id_str(char letter, int n);

void pp_x_mention_add(xdoc *D, int para, int tok, int person);

int pp_x_place_add(xdoc *D, const char *name, const char *cc, int country, char kind,
                     int para);

void pp_x_find_places(xdoc *D, xpara *P);

int pp_x_initials_are(const char *name, const char *acr);

int pp_x_acronym_like(const xpara *P, int k);

int pp_x_org_evidence(const xpara *P, int a, int b);

void pp_x_find_acronym_defs(xdoc *D, xpara *P);

void pp_x_find_org_heads(xdoc *D, xpara *P);

void pp_x_find_legal_names(xdoc *D, xpara *P);

void pp_x_find_known_orgs(xdoc *D, xpara *P);

void pp_x_merge_orgs(xdoc *D);

int pp_x_name_run(const xpara *P, int k);

int pp_x_person_note(xdoc *D, xpara *P, int a, int b, int create);

void pp_x_find_people(xdoc *D, xpara *P);

void pp_x_find_mentions(xdoc *D, xpara *P);

void pp_x_person_role(xdoc *D, int idx, char *role, char *org, int quality);

void pp_x_split_role(const xpara *P, int a, int b, char **role, char **org);

int pp_x_pre_role(const xpara *P, int end);

int pp_x_after_role(const xpara *P, int e, int *start, int *appos);

void pp_x_find_works(xdoc *D, xpara *P);

void pp_x_find_quotes(xdoc *D, xpara *P, int *prev);

void pp_x_find_contacts(xdoc *D);

/* ---------------------------------------------------- inline token tests */

/* Decodes one UTF-8 code point at s (n bytes left); returns its length. */
PP_HOT int u8dec(const char *s, int n, unsigned *cp) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] < 0x80 || n < 2) {
    *cp = u[0];
    return 1;
  }
  if ((u[0] & 0xE0) == 0xC0) {
    *cp = ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
    return 2;
  }
  if ((u[0] & 0xF0) == 0xE0 && n >= 3) {
    *cp = ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    return 3;
  }
  if ((u[0] & 0xF8) == 0xF0 && n >= 4) {
    *cp = ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) |
          (u[3] & 0x3Fu);
    return 4;
  }
  *cp = u[0];
  return 1;
}

/* ASCII classes as the C locale has them (the tools never set a locale). */
PP_HOT int a_alpha(unsigned c) { return (unsigned)((c | 0x20u) - 'a') < 26u; }
PP_HOT int a_digit(unsigned c) { return c - '0' < 10u; }
PP_HOT int a_alnum(unsigned c) { return a_alpha(c) || a_digit(c); }
PP_HOT int a_upper(unsigned c) { return c - 'A' < 26u; }
PP_HOT char a_tolower(char c) { return a_upper((unsigned char)c) ? (char)(c + 32) : c; }
static const char fold_100[] =
    "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlLlLlNnNnNnnNnOoOoOoOoRrRrRrSs"
    "SsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

PP_HOT char fold_cp(unsigned cp) {
  if (cp < 0x80) return (char)cp;
  if (cp >= 0xC0 && cp <= 0xFF) return fold_c0[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) return fold_100[cp - 0x100];
  if (cp >= 0x218 && cp <= 0x21B) return "SsTt"[cp - 0x218];
  return '*';
}

PP_HOT int cp_letter(unsigned cp) {
  if (cp < 0x80) return a_alpha(cp);
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  if (cp >= 0x300 && cp <= 0x36F) return 1; /* combining marks */
  if (cp >= 0x370 && cp <= 0x52F) return 1; /* Greek, Cyrillic */
  return 0;
}

PP_HOT int cp_alnum(unsigned cp) { return cp < 0x80 ? a_alnum(cp) : cp_letter(cp); }

PP_HOT int cp_upper(unsigned cp) {
  if (cp < 0x80) return a_upper(cp);
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) {
    char c = fold_100[cp - 0x100];
    return c >= 'A' && c <= 'Z';
  }
  if (cp >= 0x218 && cp <= 0x21B) return (cp & 1u) == 0;
  if (cp >= 0x391 && cp <= 0x3A9) return 1;
  if (cp >= 0x400 && cp <= 0x42F) return 1;
  return 0;
}

PP_HOT int cp_space(unsigned cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  return cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x3000 ||
         cp == 0xFEFF;
}

PP_HOT unsigned cp_at(const xpara *P, int i) {
  unsigned cp = 0;
  if (i < P->len) u8dec(P->text + i, P->len - i, &cp);
  return cp;
}

PP_HOT int is_apos(unsigned cp) { return cp == '\'' || cp == 0x2019; }

/* Token k (just pushed) starts a sentence? */
PP_HOT void tok_sent(xpara *P, int k) {
  xtok *t = &P->t[k];
  if (k == 0) {
    t->f |= T_SENT;
    return;
  }
  const xtok *p = &P->t[k - 1];
  char c = P->text[p->s];
  if ((p->f & T_PUNCT) && (c == '.' || c == '!' || c == '?')) t->f |= T_SENT;
  if ((p->f & T_DOT) && !(p->f & T_INITIAL) && !(p->cls & (PP_LX_HONORIFIC | PP_LX_TITLE)) &&
      (t->f & T_CAP))
    t->f |= T_SENT;
}

/* ------------------------------------------------------------- helpers */

PP_HOT int tlen(const xpara *P, int k) { return P->t[k].e - P->t[k].s; }
PP_HOT const char *ttext(const xpara *P, int k) { return P->text + P->t[k].s; }

PP_HOT int tis(const xpara *P, int k, const char *w) {
  if (k < 0 || k >= P->n) return 0;
  const xtok *t = &P->t[k];
  if (!(t->f & T_WORD)) return 0;
  size_t n = strlen(w);
  if (w[n - 1] == '.') {
    if (!(t->f & T_DOT)) return 0;
    n--;
  }
  if ((size_t)t->kl != n) return 0;
  const char *key = P->keys.data + t->ks;
  for (size_t i = 0; i < n; i++)
    if (key[i] != (char)(w[i] | 0x20)) return 0;
  return 1;
}

/* Token k is the punctuation p (UTF-8). */
PP_HOT int tpunct(const xpara *P, int k, const char *p) {
  if (k < 0 || k >= P->n || !(P->t[k].f & T_PUNCT)) return 0;
  if (P->text[P->t[k].s] != p[0]) return 0;
  size_t n = strlen(p);
  return (size_t)tlen(P, k) == n && memcmp(ttext(P, k), p, n) == 0;
}
static const char *const DET[] = {"the", "a", "an", "his", "her", "its", "their", "our", "my",
                                  "your", "current", "late", "then", "new", "incoming",
                                  "outgoing", NULL};

/* Token k is the word w (ASCII, case-insensitive; a full stop of the token
 * counts only when w ends with one). Compares the token's key, which is
 * its text in lower case less that full stop. */
PP_HOT int tis_rt(const xpara *P, int k, const char *w) {
  if (k < 0 || k >= P->n || !(P->t[k].f & T_WORD)) return 0;
  size_t n = strlen(w);
  if (w[n - 1] == '.') {
    if (!(P->t[k].f & T_DOT)) return 0;
    n--;
  }
  if ((size_t)P->t[k].kl != n) return 0;
  const char *key = P->keys.data + P->t[k].ks;
  for (size_t i = 0; i < n; i++)
    if (key[i] != (char)(w[i] | 0x20)) return 0;
  return 1;
}

PP_HOT int tany(const xpara *P, int k, const char *const *ws) {
  if (k < 0 || k >= P->n || !(P->t[k].f & T_WORD) || P->t[k].e - P->t[k].s > 9) return 0;
  if (ws == CONNECT || ws == PREP || ws == DET) {
    /* computed on first use; the token array is the caller's own */
    xtok *t = (xtok *)&P->t[k];
    if (!(t->wl & W_DONE)) t->wl = W_DONE | wl_bits(P->keys.data + t->ks, t->kl);
    unsigned bit = ws == CONNECT ? W_CONNECT : ws == PREP ? W_PREP : W_DET;
    return (t->wl & bit) != 0;
  }
  for (; *ws; ws++)
    if (tis_rt(P, k, *ws)) return 1;
  return 0;
}


PP_HOT int is_quote_punct(const xpara *P, int k) {
  if (k < 0 || k >= P->n || !(P->t[k].f & T_PUNCT)) return 0;
  return tpunct(P, k, "\"") || tpunct(P, k, "\xE2\x80\x9C") || tpunct(P, k, "\xE2\x80\x9D") ||
         tpunct(P, k, "\xE2\x80\x9E") || tpunct(P, k, "\xC2\xAB") || tpunct(P, k, "\xC2\xBB");
}

PP_HOT int is_dash(const xpara *P, int k) {
  if (k < 0 || k >= P->n || !(P->t[k].f & T_PUNCT)) return 0;
  return tpunct(P, k, "-") || tpunct(P, k, "\xE2\x80\x93") || tpunct(P, k, "\xE2\x80\x94");
}

PP_HOT int role_word(const xpara *P, int k) {
  return k >= 0 && k < P->n && (P->t[k].cls & (PP_LX_ROLE | PP_LX_TITLE));
}

PP_HOT int role_any(const xpara *P, int k) {
  return k >= 0 && k < P->n && (P->t[k].cls & (PP_LX_ROLE | PP_LX_TITLE | PP_LX_ROLEMOD));
}

PP_HOT int cap_word(const xpara *P, int k) {
  return k >= 0 && k < P->n && (P->t[k].f & T_WORD) && (P->t[k].f & (T_CAP | T_NUM));
}

PP_HOT int is_nt(const xpara *P, int k) {
  if (k < 0 || k >= P->n) return 0;
  const xtok *t = &P->t[k];
  return (t->f & T_NT) && t->org < 0 && t->place < 0 && t->person < 0;
}

PP_HOT int count_words(const xpara *P, int a, int b) {
  int n = 0;
  for (int k = a; k < b; k++)
    if (P->t[k].f & T_WORD) n++;
  return n;
}

#endif
